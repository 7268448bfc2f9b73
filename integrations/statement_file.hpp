#pragma once
// A statement file of any kind the program reads, by what it holds: OFX/QFX (LibOFX), QIF, or
// CSV through a preset or the person's own column mapping.

#include "core/statement.hpp"
#include "integrations/csv_reader.hpp"
#include "integrations/ofx_reader.hpp"
#include "integrations/text_input.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace steadypay::integrations {

enum class FileFormat { detect, ofx, qif, csv };
[[nodiscard]] core::Result<FileFormat> parse_file_format(std::string_view text); // "ofx", "qfx", "qif", "csv"

struct ReadOptions {
    FileFormat format = FileFormat::detect;
    std::optional<CsvMapping> mapping; // CSV: a preset or the person's; none: found from the header
    DateOrder date_order = DateOrder::detect;
    std::string encoding;              // QIF and CSV: see to_utf8()
    OfxOptions ofx;
};

// The largest statement file read (a year of a busy PayPal account is a few megabytes).
inline constexpr std::uintmax_t k_max_statement_bytes = 64 * 1024 * 1024;

struct StatementFile {
    core::Statement statement;
    std::string sha256; // of the file's bytes
};

// Reads `file` into a statement with amounts in `currency`. Errors name the file and, where they
// can, the line and the field ("bank.csv:12: Amount: \"12,3,4\" is not an amount").
[[nodiscard]] core::Result<StatementFile> read_statement_file(const std::filesystem::path& file,
                                                              const core::Currency& currency,
                                                              const ReadOptions& options = {});

} // namespace steadypay::integrations

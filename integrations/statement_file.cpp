#include "integrations/statement_file.hpp"

#include "core/text.hpp"
#include "integrations/qif_reader.hpp"

#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace steadypay::integrations {

namespace fs = std::filesystem;
using core::Errc;
using core::Result;

namespace {

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(k_hex[digest[i] >> 4]);
        out.push_back(k_hex[digest[i] & 15]);
    }
    return out;
}

bool looks_like_qif(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    const auto start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) {
        return false;
    }
    const auto head = text.substr(start, 8);
    return head.size() >= 5 && head[0] == '!' &&
           (strncasecmp(head.data() + 1, "type", 4) == 0 || strncasecmp(head.data() + 1, "acco", 4) == 0 ||
            strncasecmp(head.data() + 1, "opti", 4) == 0);
}

} // namespace

Result<FileFormat> parse_file_format(std::string_view text) {
    if (text == "ofx" || text == "qfx") return FileFormat::ofx;
    if (text == "qif") return FileFormat::qif;
    if (text == "csv") return FileFormat::csv;
    return core::bad_input("{0} is not a statement format (ofx, qfx, qif, csv)", core::quote_input(text));
}

Result<StatementFile> read_statement_file(const fs::path& file, const core::Currency& currency,
                                          const ReadOptions& options) {
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        return problem(Errc::not_found, "no such file").context(file.string());
    }
    if (fs::is_directory(file, ec)) {
        return core::bad_input("is a folder, not a statement").context(file.string());
    }
    const auto size = fs::file_size(file, ec);
    if (!ec && size > k_max_statement_bytes) {
        return core::bad_input("is larger than a statement can be ({0} bytes at most)", k_max_statement_bytes)
            .context(file.string());
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return problem(Errc::io, "cannot read the file ({0})", std::strerror(errno)).context(file.string());
    }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        return problem(Errc::io, "cannot read the file ({0})", std::strerror(errno)).context(file.string());
    }
    StatementFile out;
    out.sha256 = sha256_hex(bytes);
    FileFormat format = options.format;
    if (format == FileFormat::detect) {
        format = looks_like_ofx(bytes) ? FileFormat::ofx : looks_like_qif(bytes) ? FileFormat::qif : FileFormat::csv;
    }
    if (format == FileFormat::ofx) {
        auto st = read_ofx(file, bytes, currency, options.ofx);
        if (!st) {
            return std::move(st).error();
        }
        out.statement = std::move(st).value();
        return out;
    }
    auto text = to_utf8(bytes, options.encoding);
    if (!text) {
        return std::move(text).error().context(file.string());
    }
    auto st = format == FileFormat::qif ? read_qif(text.value(), currency, file.string(), options.date_order)
                                        : read_csv(text.value(), options.mapping ? &*options.mapping : nullptr,
                                                   currency, file.string(), options.date_order);
    if (!st) {
        return std::move(st).error();
    }
    out.statement = std::move(st).value();
    return out;
}

} // namespace steadypay::integrations

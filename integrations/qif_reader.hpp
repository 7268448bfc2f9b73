#pragma once
// QIF, the Quicken Interchange Format many banks still export (LibOFX does not read it): bank,
// cash and card accounts (!Type:Bank, !Type:CCard, !Type:Cash, !Type:Oth A|L), with D date, T
// amount, P payee, M memo, N number, L category and S/E/$ splits; records end with '^'.
// QIF dates do not say their order: worked out from the file, or told (integrations::DateOrder).

#include "core/statement.hpp"
#include "integrations/text_input.hpp"

#include <string_view>

namespace steadypay::integrations {

[[nodiscard]] core::Result<core::Statement> read_qif(std::string_view text, const core::Currency& currency,
                                                     std::string_view file_name, DateOrder order = DateOrder::detect);

} // namespace steadypay::integrations

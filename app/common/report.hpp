#pragma once
// What the program prints: the forecast as a table a person reads, and as the JSON document of
// docs/cli.md that scripts read. The numbers all come from core; this only lays them out.

#include "core/forecast.hpp"


#include <ostream>
#include <string>

namespace steadypay::app {

struct TextOptions {
    bool compact = false; // only days with an event, a shortfall, or the first and last day
};

// The forecast as JSON (docs/cli.md), written to `out` as it is made, and a newline after it.
void write_forecast_json(std::ostream& out, const core::Household& household, const core::Forecast& forecast);
[[nodiscard]] std::string forecast_text(const core::Household& household, const core::Forecast& forecast,
                                        const TextOptions& options = {});

// "Rent" or "Rent (missed, due Nov 1)": how an occurrence is named in tables and advice.
[[nodiscard]] std::string occurrence_label(const core::Household& household, const core::Occurrence& o,
                                           core::Date context);

// Signed amount with an explicit '+' for credits: "+7400.00", "-4200.00".
[[nodiscard]] std::string signed_amount(const core::Money& m);

} // namespace steadypay::app

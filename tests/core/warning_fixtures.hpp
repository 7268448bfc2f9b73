#pragma once
// Warnings worked out on households built in code, for the core tests of warnings and the app's
// tests of how they are said.

#include "builders.hpp"

#include "core/warnings.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace steadypay::test {

inline std::vector<core::Warning> warnings_on(const core::Household& h, const std::string& today, int days = 30,
                                              const std::set<std::string>& acknowledged = {}) {
    REQUIRE(core::validate(h).ok());
    auto w = core::warnings_for(h, day(today), days, acknowledged);
    INFO((w.ok() ? std::string() : w.error().message()));
    REQUIRE(w.ok());
    return w.value();
}

// A copy, so it outlives the list it came from.
inline std::optional<core::Warning> find(const std::vector<core::Warning>& ws, core::WarningKind kind) {
    for (const auto& w : ws) {
        if (w.kind == kind) {
            return w;
        }
    }
    return std::nullopt;
}

// 100.00 on Nov 30; an autopay phone bill of 160.00 due Sat Dec 5 (debited that day), grace 7,
// from Metro Wireless; a paycheck of 500.00 on Thu Dec 10; a 29.00 overdraft fee. Without a plan
// the account is overdrawn from Dec 5 to the paycheck.
inline core::Household short_household() {
    auto h = household("100.00", "2026-11-30", "20.00");
    auto& phone =
        add_bill(h, "phone", "160.00", "FREQ=MONTHLY;BYMONTHDAY=5", "2026-01-05", core::Priority::phone_internet);
    phone.name = "Phone";
    phone.payee = "Metro Wireless";
    phone.autopay = true;
    phone.grace_days = 7;
    h.accounts[0].overdraft_fee = money("29.00");
    add_income(h, "pay", "500.00", "FREQ=MONTHLY;BYMONTHDAY=10", "2026-01-10");
    return h;
}

} // namespace steadypay::test

#pragma once
// Builds households in code for core tests (core tests link core alone, so no JSON here).

#include "core/household.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace steadypay::test {

inline core::Currency usd() { return core::Currency::from_code("USD").value(); }
inline core::Currency ils() { return core::Currency::from_code("ILS").value(); }

inline core::Money money(const std::string& text, core::Currency c = usd()) {
    auto m = core::Money::parse(text, c);
    REQUIRE(m.ok());
    return m.value();
}

inline core::Date day(const std::string& iso) {
    auto d = core::parse_iso_date(iso);
    REQUIRE(d.ok());
    return d.value();
}

inline core::Schedule schedule(const std::string& rrule, const std::string& start) {
    auto s = core::Schedule::make(rrule, day(start));
    REQUIRE(s.ok());
    return s.value();
}

// A household with one account "checking" and the given balance, as_of and cushion.
inline core::Household household(const std::string& balance, const std::string& as_of,
                                 const std::string& cushion = "0.00", core::Currency c = usd()) {
    core::Household h;
    h.name = "Test";
    h.currency = c;
    core::Account a;
    a.id = "checking";
    a.name = "Checking";
    a.balance = money(balance, c);
    a.as_of = day(as_of);
    a.overdraft_limit = core::Money(c);
    a.overdraft_fee = core::Money(c);
    a.returned_item_fee = core::Money(c);
    a.cushion = money(cushion, c);
    h.accounts.push_back(a);
    return h;
}

inline core::Income& add_income(core::Household& h, const std::string& id, const std::string& amount,
                                const std::string& rrule, const std::string& start) {
    core::Income x;
    x.id = id;
    x.name = id;
    x.account = h.accounts.front().id;
    x.amount = core::Amount::fixed(money(amount, h.currency));
    x.schedule = schedule(rrule, start);
    h.incomes.push_back(x);
    return h.incomes.back();
}

inline core::Bill& add_bill(core::Household& h, const std::string& id, const std::string& amount,
                            const std::string& rrule, const std::string& start,
                            core::Priority p = core::Priority::other_debt) {
    core::Bill b;
    b.id = id;
    b.name = id;
    b.account = h.accounts.front().id;
    b.amount = core::Amount::fixed(money(amount, h.currency));
    b.schedule = schedule(rrule, start);
    b.priority = p;
    b.late_fee = core::Money(h.currency);
    b.returned_payment_fee = core::Money(h.currency);
    h.bills.push_back(b);
    return h.bills.back();
}

} // namespace steadypay::test

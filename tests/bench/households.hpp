#pragma once
// Deterministic households for benchmarks: a mix of monthly, twice-monthly, biweekly, weekly,
// bimonthly and yearly items, fixed and variable amounts, business-day rules and autopay lead
// days, as a real household has.

#include "core/household.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace steadypay::bench {

using namespace steadypay::core;

inline Date day(const char* iso) { return parse_iso_date(iso).value(); }

inline Money usd(std::int64_t cents) { return Money::from_minor(cents, Currency::from_code("USD").value()); }

// A small deterministic generator (xorshift), so every run measures the same household.
struct Rng {
    std::uint64_t s = 0x9E3779B97F4A7C15ULL;
    std::uint64_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

inline Household make_household(int items) {
    Rng rng;
    Household h;
    h.name = "Bench";
    h.currency = Currency::from_code("USD").value();
    h.holidays = {day("2026-11-26"), day("2026-12-25"), day("2027-01-01"), day("2027-05-31"), day("2027-07-05")};
    for (int a = 0; a < 3; ++a) {
        Account acct;
        acct.id = "acct" + std::to_string(a);
        acct.name = acct.id;
        acct.balance = usd(250000);
        acct.as_of = day("2026-11-22");
        acct.overdraft_limit = usd(0);
        acct.overdraft_fee = usd(3500);
        acct.cushion = usd(10000);
        h.accounts.push_back(acct);
    }
    const char* rules[] = {
        "FREQ=MONTHLY;BYMONTHDAY=1",          "FREQ=MONTHLY;BYMONTHDAY=15",
        "FREQ=MONTHLY;BYMONTHDAY=1,15",       "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
        "FREQ=WEEKLY;BYDAY=MO",               "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=20",
        "FREQ=MONTHLY;BYMONTHDAY=-1",         "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1",
        "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=15", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    };
    const BusinessDayRule bd[] = {BusinessDayRule::none, BusinessDayRule::following, BusinessDayRule::preceding,
                                  BusinessDayRule::modified_following};
    for (int i = 0; i < items; ++i) {
        const std::string id = "item" + std::to_string(i);
        const auto schedule = Schedule::make(rules[rng.below(10)], day("2026-01-01")).value();
        const std::string account = "acct" + std::to_string(rng.below(3));
        if (i % 5 == 0) {
            Income x;
            x.id = id;
            x.name = id;
            x.account = account;
            const auto lo = 50000 + rng.below(150000);
            x.amount = i % 2 ? Amount::fixed(usd(lo)) : Amount::range(usd(lo), usd(lo + 20000));
            x.schedule = schedule;
            x.business_day = bd[rng.below(4)];
            h.incomes.push_back(x);
        } else {
            Bill b;
            b.id = id;
            b.name = id;
            b.account = account;
            const auto lo = 1000 + rng.below(60000);
            b.amount = i % 3 ? Amount::fixed(usd(lo)) : Amount::range(usd(lo), usd(lo + 5000));
            b.schedule = schedule;
            b.business_day = bd[rng.below(4)];
            b.priority = static_cast<Priority>(rng.below(k_priority_count));
            b.autopay = rng.below(2) == 0;
            b.autopay_lead_days = b.autopay ? rng.below(4) : 0;
            b.grace_days = rng.below(15);
            b.late_fee = usd(rng.below(5000));
            h.bills.push_back(b);
        }
    }
    return h;
}

// A monthly bill on "checking" of `least` to `least + spread` cents, on a random day of the month,
// with random terms (grace, late fee, credit reporting, a minimum, autopay), of a random class
// unless `priority` is given, and a random late fee unless `late_fee` is.
inline Bill random_monthly_bill(Rng& rng, const std::string& id, int least, int spread,
                                std::optional<Priority> priority = std::nullopt,
                                std::optional<Money> late_fee = std::nullopt) {
    Bill b;
    b.id = id;
    b.name = id;
    b.account = "checking";
    const auto cents = least + rng.below(spread);
    b.amount = Amount::fixed(usd(cents));
    const int dom = 1 + rng.below(28);
    b.schedule = Schedule::make("FREQ=MONTHLY;BYMONTHDAY=" + std::to_string(dom), day("2026-01-01")).value();
    b.business_day = BusinessDayRule::following;
    b.priority = priority ? *priority : static_cast<Priority>(rng.below(k_priority_count));
    b.grace_days = rng.below(10);
    b.late_fee = late_fee ? *late_fee : usd(rng.below(4000));
    if (rng.below(3) == 0) {
        b.reported_late_after_days = 30;
    }
    if (rng.below(4) == 0) {
        b.minimum = usd(cents / 4);
    }
    b.autopay = rng.below(2) == 0;
    b.autopay_lead_days = b.autopay ? rng.below(3) : 0;
    return b;
}

// A household that runs short: one account, a biweekly paycheck that does not quite cover 20
// monthly bills (two occurrences each in 60 days: 40 payments to plan), of every priority, with
// grace periods, late fees, minimums and autopay lead days. The planner has to move things.
inline Household make_tight_household(std::uint64_t seed = 0x5EED) {
    Rng rng;
    rng.s ^= seed;
    Household h;
    h.name = "Tight";
    h.currency = Currency::from_code("USD").value();
    Account acct;
    acct.id = "checking";
    acct.name = "Checking";
    acct.balance = usd(40000);
    acct.as_of = day("2026-11-22");
    acct.overdraft_limit = usd(0);
    acct.overdraft_fee = usd(3500);
    acct.cushion = usd(5000);
    h.accounts.push_back(acct);
    Income pay;
    pay.id = "pay";
    pay.name = "Paycheck";
    pay.account = "checking";
    pay.amount = Amount::fixed(usd(140000));
    pay.schedule = Schedule::make("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", day("2026-01-09")).value();
    pay.business_day = BusinessDayRule::preceding;
    h.incomes.push_back(pay);
    for (int i = 0; i < 20; ++i) {
        h.bills.push_back(random_monthly_bill(rng, "bill" + std::to_string(i), 3000, 40000));
    }
    return h;
}

// Households that run short, at the sizes a person or a counselor has, and in the shapes that are
// hardest for the planner.
enum class Shape {
    mixed,          // every priority, grace periods, fees, minimums, reports
    equal_priority, // every bill in one class: nothing to tell them apart but their amounts
    far_paycheck,   // one paycheck, late in the window: everything competes for the opening balance
    tight_cushion,  // a cushion close to the whole balance: nearly every day is below it
};

// `bills` monthly bills and `incomes` biweekly paychecks on one account, the paychecks covering
// about nine tenths of the bills (all of it, for far_paycheck, but late).
inline Household make_short_household(int bills, int incomes, Shape shape, std::uint64_t seed = 0xC0FFEE) {
    Rng rng;
    rng.s ^= seed;
    Household h;
    h.name = "Short";
    h.currency = Currency::from_code("USD").value();
    Account acct;
    acct.id = "checking";
    acct.name = "Checking";
    acct.as_of = day("2026-11-22");
    acct.overdraft_limit = usd(0);
    acct.overdraft_fee = usd(3500);
    std::int64_t monthly = 0;
    for (int i = 0; i < bills; ++i) {
        const bool equal = shape == Shape::equal_priority;
        h.bills.push_back(random_monthly_bill(rng, "bill" + std::to_string(i), 2000, 30000,
                                              equal ? std::optional(Priority::phone_internet) : std::nullopt,
                                              equal ? std::optional(usd(2500)) : std::nullopt));
        monthly += h.bills.back().amount.max.minor();
    }
    acct.balance = usd(monthly / 3);
    acct.cushion = usd(shape == Shape::tight_cushion ? monthly / 3 : 5000);
    h.accounts.push_back(acct);
    const int paychecks = shape == Shape::far_paycheck ? 1 : std::max(1, incomes);
    for (int i = 0; i < paychecks; ++i) {
        Income pay;
        pay.id = "pay" + std::to_string(i);
        pay.name = pay.id;
        pay.account = "checking";
        if (shape == Shape::far_paycheck) {
            pay.amount = Amount::fixed(usd(monthly * 3));
            pay.schedule = Schedule::make("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5", day("2027-02-05")).value();
        } else {
            // Biweekly, on different Fridays: 26 a year against 12 months of bills.
            pay.amount = Amount::fixed(usd(monthly * 9 * 12 / (10 * 26 * paychecks)));
            const Date first = day("2026-01-02") + date::days{7 * (i % 2) + i / 2 % 5};
            pay.schedule = Schedule::make("FREQ=WEEKLY;INTERVAL=2", first).value();
        }
        pay.business_day = BusinessDayRule::preceding;
        h.incomes.push_back(pay);
    }
    return h;
}

} // namespace steadypay::bench

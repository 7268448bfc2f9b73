#pragma once
// The day-by-day balance forecast.
//
// For each account, from its balance as of a date, every occurrence in the horizon is applied
// on its day (see occurrence.hpp for which and when). Within a day the household's intraday
// order decides: debits first (the default, and what many banks do), largest debit first; or
// credits first. Each day has an intraday low (the least the balance is during the day) and a
// closing balance.
//
// Worked example: 1000.00 on Nov 30, rent 1200.00 and a paycheck 900.00 both on Dec 1:
//   debits_first:  low -200.00, close 700.00   (an overdraft on Dec 1)
//   credits_first: low  700.00, close 700.00
//
// From the days shown: the lowest point; the shortfalls (maximal runs of days whose low is below
// zero, "overdraft", or below the cushion, "below_cushion"); and safe to spend, the most that can
// be spent on the first day without any day dropping below the cushion:
//   max(0, min over days of low - cushion),
// and the same up to and including the day of the next income.

#include "core/occurrence.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace steadypay::core {

struct DayBalance {
    Date date;
    Money low;
    Money close;
};

// One amount applied to an account on a day (a debit is negative).
struct Posting {
    Date date;
    std::uint32_t account = 0;
    std::int32_t rank = 0;     // the bill's priority rank (1 = housing), 0 for income
    std::int64_t amount = 0;   // minor units of the household currency
    std::uint32_t source = 0;  // the caller's reference (an occurrence index); breaks ties, so the order is stable
    bool declinable = false;   // a bill's payment the bank may return (not one recorded as paid)
};

struct Simulation {
    // Per account, one entry per day from the first day shown to `to`.
    std::vector<std::vector<DayBalance>> days;
    // Posting indices in the order they are presented (declined ones included).
    std::vector<std::size_t> applied;
    // Per posting index, the balance right after it, in minor units (for a declined one, the
    // balance it met, which it left as it was).
    std::vector<std::int64_t> balance_after;
    // Per posting index, whether the bank declined it (see Account: when_uncovered).
    std::vector<char> declined;
    // Per account, the balance at the start of the first day shown.
    std::vector<Money> opening;
};

// How a day's debits are ordered among themselves: the forecast posts the largest first, as many
// banks do; the plan pays the highest priority first. (Either way the day's low and close are
// the same: only which payment leaves the balance where differs.)
enum class DebitOrder { largest_first, priority };

// Applies `postings` to each account from its as_of to `to`; returns the days from `first_day`.
// Throws MoneyError on overflow (callers in core turn it into an Error), naming the item when the
// postings' sources index `occurrences`.
[[nodiscard]] Simulation simulate(const Household& household, const std::vector<Posting>& postings, Date first_day,
                                  Date to, DebitOrder debit_order = DebitOrder::largest_first,
                                  const std::vector<Occurrence>* occurrences = nullptr);

struct ForecastOptions {
    Date from;     // the first day shown; not before the latest as_of
    int days = 90; // days shown, from `from` inclusive
    AmountBasis basis = AmountBasis::conservative;
};

struct ForecastEvent {
    Date date;
    std::size_t account = 0;
    std::size_t occurrence = 0; // index into Forecast::occurrences
    Money amount;               // signed: debits negative
    Money balance_after;
};

// A payment the bank would return unpaid (an account whose when_uncovered is decline): the
// balance is left as it was, the bank charges its returned-item fee, the biller its
// returned-payment fee, and the bill is still owed.
struct DeclinedPayment {
    Date date;
    std::size_t account = 0;
    std::size_t occurrence = 0; // index into Forecast::occurrences
    Money amount;               // positive: what was asked for
    Money balance;              // what the account held when it was presented
    Money bank_fee;
    Money biller_fee;
};

enum class ShortfallKind { overdraft, below_cushion };
[[nodiscard]] std::string_view to_string(ShortfallKind k);

struct Shortfall {
    std::size_t account = 0;
    ShortfallKind kind = ShortfallKind::overdraft;
    Date start;
    Date end; // inclusive
    Money deepest;
    Date deepest_date;
    int overdrawn_items = 0; // overdraft only: payments that left the balance below zero
    Money fees;              // overdraft only: overdrawn_items * the account's overdraft fee
};

struct AccountForecast {
    std::size_t account = 0;
    Money opening; // the balance at the start of the first day shown
    std::vector<DayBalance> days;
    DayBalance lowest; // the day with the lowest intraday low (the first such day); close unused
    Money safe_to_spend;
    std::optional<Date> next_income; // the next day after the first with an income on this account
    Money safe_to_spend_until_next_income;
    Money expected_fees; // overdraft fees over all the account's overdrafts
    int declined_payments = 0;
    Money returned_fees; // for the declined payments: the bank's returned-item fees and the billers' fees
};

struct Forecast {
    Date from;
    Date to;
    Currency currency;
    std::vector<Occurrence> occurrences;
    std::vector<AccountForecast> accounts;
    std::vector<ForecastEvent> events; // those on the days shown, in order of application
    std::vector<DeclinedPayment> declined; // after the balance date (the days not shown too), in order
    std::vector<Shortfall> shortfalls; // by account, then start, overdraft before below_cushion
};

// The default first day: `today`, or the latest as_of when that is later.
[[nodiscard]] Date default_forecast_start(const Household& household, Date today);

// The longest forecast (and plan, with its look-ahead), in days: a hundred years.
inline constexpr int k_max_forecast_days = 36600;

// Checks the options against the household: `from` not before the latest as_of, days in 1..36600.
[[nodiscard]] Status check_forecast_window(const Household& household, Date from, int days);

[[nodiscard]] Result<Forecast> forecast(const Household& household, const ForecastOptions& options);

// The forecast of `occurrences` (as collected, or as a plan rearranged them) over [from, to].
// Throws MoneyError on overflow.
[[nodiscard]] Forecast assemble_forecast(const Household& household, std::vector<Occurrence> occurrences, Date from,
                                         Date to, DebitOrder debit_order);

// The postings for occurrences with an apply date (source = occurrence index).
[[nodiscard]] std::vector<Posting> postings_for(const Household& household, const std::vector<Occurrence>& occurrences);

// The shortfalls of one account's days (overdraft fees left zero).
[[nodiscard]] std::vector<Shortfall> find_shortfalls(std::size_t account, const std::vector<DayBalance>& days,
                                                     const Money& cushion);

} // namespace steadypay::core

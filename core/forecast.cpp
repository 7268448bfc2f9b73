#include "core/forecast.hpp"

#include <algorithm>
#include <numeric>
#include <cstdint>
#include <tuple>

namespace steadypay::core {

std::string_view to_string(ShortfallKind k) { return k == ShortfallKind::overdraft ? "overdraft" : "below_cushion"; }

namespace {

// The balance after adding `amount`; an overflow names the account, the day and, when known, the
// item whose amount tipped it over.
// (The item is looked up only then: this runs for every posting of every forecast.)
std::int64_t add_to_balance(std::int64_t balance, const Posting& p, const Household& h, Date date,
                            const std::vector<Occurrence>* occurrences) {
    std::int64_t r = 0;
    if (__builtin_add_overflow(balance, p.amount, &r)) [[unlikely]] {
        const std::string& account = h.accounts[p.account].id;
        throw MoneyError(occurrences ? problem(Errc::overflow,
                                               "adding {0} takes the balance of account \"{1}\" on {2} past the "
                                               "largest amount Steadypay can count",
                                               item_id(h, (*occurrences)[p.source]), account, date)
                                     : problem(Errc::overflow,
                                               "the balance of account \"{0}\" on {1} goes past the largest amount "
                                               "Steadypay can count",
                                               account, date));
    }
    return r;
}

// Within one account and day: the household's intraday order first, then the largest amount,
// then the higher priority, then the source (occurrence) order, so the order is always the same.
bool posts_before(const Posting& a, const Posting& b, IntradayOrder order, DebitOrder debit_order) {
    if (a.account != b.account) {
        return a.account < b.account;
    }
    const bool a_credit = a.amount >= 0;
    const bool b_credit = b.amount >= 0;
    if (a_credit != b_credit) {
        return order == IntradayOrder::debits_first ? !a_credit : a_credit;
    }
    if (debit_order == DebitOrder::priority && !a_credit && a.rank != b.rank) {
        return a.rank < b.rank;
    }
    // Unsigned magnitudes, so that INT64_MIN has one too.
    const auto magnitude = [](std::int64_t v) {
        const auto m = static_cast<std::uint64_t>(v);
        return v < 0 ? 0 - m : m;
    };
    if (magnitude(a.amount) != magnitude(b.amount)) {
        return magnitude(a.amount) > magnitude(b.amount);
    }
    if (a.rank != b.rank) {
        return a.rank < b.rank;
    }
    return a.source < b.source;
}

} // namespace

Simulation simulate(const Household& h, const std::vector<Posting>& postings, Date first_day, Date to,
                    DebitOrder debit_order, const std::vector<Occurrence>* occurrences) {
    Simulation sim;
    const std::size_t n_accounts = h.accounts.size();
    sim.days.resize(n_accounts);
    sim.opening.assign(n_accounts, Money(h.currency));
    sim.balance_after.assign(postings.size(), 0);
    sim.declined.assign(postings.size(), 0);
    if (n_accounts == 0) {
        return sim;
    }
    Date base = h.accounts.front().as_of;
    for (const auto& a : h.accounts) {
        base = std::min(base, a.as_of);
    }
    const auto n_days = static_cast<std::size_t>(std::max(0, days_between(base, to) + 1));

    // Bucket the postings by day (a counting sort), then order each day's few postings.
    std::vector<std::size_t> start(n_days + 1, 0);
    for (const auto& p : postings) {
        ++start[static_cast<std::size_t>(days_between(base, p.date)) + 1];
    }
    for (std::size_t d = 0; d < n_days; ++d) {
        start[d + 1] += start[d];
    }
    sim.applied.resize(postings.size());
    {
        std::vector<std::size_t> fill(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < postings.size(); ++i) {
            sim.applied[fill[static_cast<std::size_t>(days_between(base, postings[i].date))]++] = i;
        }
    }
    const auto before = [&](std::size_t a, std::size_t b) {
        return posts_before(postings[a], postings[b], h.intraday_order, debit_order);
    };
    for (std::size_t d = 0; d < n_days; ++d) {
        const auto first = sim.applied.begin() + static_cast<std::ptrdiff_t>(start[d]);
        const auto last = sim.applied.begin() + static_cast<std::ptrdiff_t>(start[d + 1]);
        if (last - first > 16) {
            std::sort(first, last, before);
        } else {
            // A day usually has one to three postings: insertion sort beats std::sort's set-up.
            for (auto i = first + 1; i < last; ++i) {
                const std::size_t x = *i;
                auto j = i;
                for (; j > first && before(x, *(j - 1)); --j) {
                    *j = *(j - 1);
                }
                *j = x;
            }
        }
    }

    // Walk the days once for all accounts, in raw minor units; overflow is still checked.
    std::vector<std::int64_t> balance(n_accounts);
    std::vector<std::int64_t> low(n_accounts);
    // The floor below which each account's bank returns a payment, if it does.
    std::vector<std::optional<std::int64_t>> floor(n_accounts);
    for (std::size_t a = 0; a < n_accounts; ++a) {
        if (h.accounts[a].when_uncovered == Uncovered::decline) {
            floor[a] = -h.accounts[a].overdraft_limit.minor();
        }
        balance[a] = h.accounts[a].balance.minor();
        sim.days[a].reserve(static_cast<std::size_t>(std::max(0, days_between(first_day, to) + 1)));
    }
    const auto money = [&](std::int64_t minor) { return Money::from_minor(minor, h.currency); };
    for (std::size_t d = 0; d < n_days; ++d) {
        const Date date = base + date::days{static_cast<int>(d)};
        for (std::size_t a = 0; a < n_accounts; ++a) {
            low[a] = balance[a];
            if (date == first_day) {
                sim.opening[a] = money(balance[a]);
            }
        }
        for (std::size_t k = start[d]; k < start[d + 1]; ++k) {
            const std::size_t idx = sim.applied[k];
            const auto& p = postings[idx];
            // Postings dated before an account's as_of cannot occur: the balance already holds them.
            const auto next = add_to_balance(balance[p.account], p, h, date, occurrences);
            if (p.declinable && p.amount < 0 && floor[p.account] && next < *floor[p.account]) {
                sim.declined[idx] = 1; // returned unpaid: the balance stays as it was
                sim.balance_after[idx] = balance[p.account];
                continue;
            }
            balance[p.account] = next;
            low[p.account] = std::min(low[p.account], balance[p.account]);
            sim.balance_after[idx] = balance[p.account];
        }
        if (date >= first_day) {
            for (std::size_t a = 0; a < n_accounts; ++a) {
                sim.days[a].emplace_back(date, money(low[a]), money(balance[a])); // built in place
            }
        }
    }
    return sim;
}

std::vector<Posting> postings_for(const Household& h, const std::vector<Occurrence>& occurrences) {
    std::vector<Posting> postings;
    postings.reserve(occurrences.size());
    for (std::size_t i = 0; i < occurrences.size(); ++i) {
        const auto& o = occurrences[i];
        if (!o.apply_date) {
            continue;
        }
        const bool bill = o.kind == ItemKind::bill;
        postings.push_back(Posting{*o.apply_date, static_cast<std::uint32_t>(o.account),
                                   bill ? rank(h.bills[o.item].priority) : 0,
                                   (bill ? -o.applied_amount : o.applied_amount).minor(), // checked negation
                                   static_cast<std::uint32_t>(i), bill && o.state != OccurrenceState::paid});
    }
    return postings;
}

std::vector<Shortfall> find_shortfalls(std::size_t account, const std::vector<DayBalance>& days,
                                       const Money& cushion) {
    std::vector<Shortfall> out;
    const Money zero(cushion.currency());
    for (const auto kind : {ShortfallKind::overdraft, ShortfallKind::below_cushion}) {
        const Money& floor = kind == ShortfallKind::overdraft ? zero : cushion;
        if (kind == ShortfallKind::below_cushion && cushion.is_zero()) {
            continue; // the same runs as the overdrafts
        }
        std::optional<Shortfall> run;
        for (const auto& day : days) {
            if (day.low < floor) {
                if (!run) {
                    run = Shortfall{account, kind, day.date, day.date, day.low, day.date, 0, zero};
                }
                run->end = day.date;
                if (day.low < run->deepest) {
                    run->deepest = day.low;
                    run->deepest_date = day.date;
                }
            } else if (run) {
                out.push_back(*run);
                run.reset();
            }
        }
        if (run) {
            out.push_back(*run);
        }
    }
    std::sort(out.begin(), out.end(), [](const Shortfall& a, const Shortfall& b) {
        return std::tuple(a.account, a.start, a.kind) < std::tuple(b.account, b.start, b.kind);
    });
    return out;
}

Date default_forecast_start(const Household& household, Date today) {
    const auto latest = household.latest_as_of();
    return latest && *latest > today ? *latest : today;
}

Status check_forecast_window(const Household& household, Date from, int days) {
    if (days < 1 || days > k_max_forecast_days) {
        return bad_input("a forecast of {0} days is out of range (1..{1} days)", days, k_max_forecast_days);
    }
    if (household.accounts.empty()) {
        return bad_input("the household has no accounts: add one before forecasting");
    }
    for (const auto& a : household.accounts) {
        if (from < a.as_of) {
            return bad_input("{0} is before the balance date {1} of account \"{2}\"; a forecast starts on or after it",
                             from, a.as_of, a.id);
        }
    }
    if (from + date::days{days - 1} > k_max_date) {
        return bad_input("the forecast would run past year 9999");
    }
    return {};
}

Forecast assemble_forecast(const Household& h, std::vector<Occurrence> occurrences, Date from, Date to,
                           DebitOrder debit_order) {
    Forecast f;
    f.from = from;
    f.to = to;
    f.currency = h.currency;
    f.occurrences = std::move(occurrences);
    const auto postings = postings_for(h, f.occurrences);
    auto sim = simulate(h, postings, f.from, f.to, debit_order, &f.occurrences);

    f.events.reserve(sim.applied.size());
    for (std::size_t idx : sim.applied) {
        const auto& p = postings[idx];
        const auto money = [&](std::int64_t minor) { return Money::from_minor(minor, h.currency); };
        // Declined payments are listed from the balance date on, the days not shown included: the
        // bill is still owed, whenever it was returned.
        if (sim.declined[idx]) {
            const auto& o = f.occurrences[p.source];
            f.declined.push_back(DeclinedPayment{p.date, p.account, p.source, money(-p.amount),
                                                 money(sim.balance_after[idx]), h.accounts[p.account].returned_item_fee,
                                                 h.bills[o.item].returned_payment_fee});
            continue;
        }
        if (p.date < f.from) {
            continue;
        }
        f.events.emplace_back(p.date, p.account, p.source, money(p.amount), money(sim.balance_after[idx]));
    }
    // The events of each account, in order, found in one pass.
    std::vector<std::vector<std::size_t>> account_events(h.accounts.size());
    for (std::size_t i = 0; i < f.events.size(); ++i) {
        account_events[f.events[i].account].push_back(i);
    }
    const Money zero(h.currency);
    for (std::size_t a = 0; a < h.accounts.size(); ++a) {
        const auto& account = h.accounts[a];
        const auto& mine = account_events[a];
        AccountForecast af;
        af.account = a;
        af.days = std::move(sim.days[a]);
        af.opening = sim.opening[a];
        const auto& days = af.days;
        af.lowest = days.front();
        for (const auto& d : days) {
            if (d.low < af.lowest.low) {
                af.lowest = d;
            }
        }
        af.safe_to_spend = max(zero, af.lowest.low - account.cushion);
        // Banks charge per item that leaves the balance below zero.
        std::vector<Date> overdrawn;
        for (std::size_t i : mine) {
            const auto& e = f.events[i];
            const auto& o = f.occurrences[e.occurrence];
            if (!af.next_income && o.kind == ItemKind::income && e.date > f.from && e.amount.is_positive()) {
                af.next_income = e.date;
            }
            if (e.amount.is_negative() && e.balance_after.is_negative()) {
                overdrawn.push_back(e.date);
            }
        }
        Money low_until = days.front().low;
        for (const auto& d : days) {
            if (af.next_income && d.date > *af.next_income) {
                break;
            }
            low_until = min(low_until, d.low);
        }
        af.safe_to_spend_until_next_income = max(zero, low_until - account.cushion);

        af.returned_fees = zero;
        for (const auto& d : f.declined) {
            if (d.account == a) {
                ++af.declined_payments;
                af.returned_fees += d.bank_fee + d.biller_fee;
            }
        }
        auto shortfalls = find_shortfalls(a, days, account.cushion);
        af.expected_fees = zero;
        for (auto& s : shortfalls) {
            if (s.kind != ShortfallKind::overdraft) {
                continue;
            }
            s.overdrawn_items = static_cast<int>(std::upper_bound(overdrawn.begin(), overdrawn.end(), s.end) -
                                                 std::lower_bound(overdrawn.begin(), overdrawn.end(), s.start));
            s.fees = account.overdraft_fee * s.overdrawn_items;
            af.expected_fees += s.fees;
        }
        f.shortfalls.insert(f.shortfalls.end(), shortfalls.begin(), shortfalls.end());
        f.accounts.push_back(std::move(af));
    }
    return f;
}

Result<Forecast> forecast(const Household& h, const ForecastOptions& options) {
    if (auto s = check_forecast_window(h, options.from, options.days); !s) {
        return std::move(s).error();
    }
    try {
        const Date to = options.from + date::days{options.days - 1};
        auto occurrences = collect_occurrences(h, h.calendar(), options.from, to, options.basis);
        return assemble_forecast(h, std::move(occurrences), options.from, to, DebitOrder::largest_first);
    } catch (const MoneyError& e) {
        return e.error();
    }
}

} // namespace steadypay::core

#include "core/forecast.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace steadypay::core {

std::string_view to_string(ShortfallKind k) { return k == ShortfallKind::overdraft ? "overdraft" : "below_cushion"; }

namespace {

constexpr int k_max_forecast_days = 36600;

// The order of postings: by date, account, then the household's intraday order.
auto posting_key(const Posting& p, IntradayOrder order) {
    const bool credit = !p.amount.is_negative();
    const bool second = order == IntradayOrder::debits_first ? credit : !credit;
    // Largest magnitude first within debits and within credits.
    const std::int64_t magnitude = p.amount.minor() < 0 ? -p.amount.minor() : p.amount.minor();
    return std::tuple(p.date, p.account, second, -magnitude, p.rank, p.id, p.due);
}

} // namespace

Simulation simulate(const Household& h, const std::vector<Posting>& postings, Date first_day, Date to) {
    Simulation sim;
    sim.applied.resize(postings.size());
    std::iota(sim.applied.begin(), sim.applied.end(), std::size_t{0});
    std::sort(sim.applied.begin(), sim.applied.end(), [&](std::size_t a, std::size_t b) {
        return posting_key(postings[a], h.intraday_order) < posting_key(postings[b], h.intraday_order);
    });
    sim.balance_after.assign(postings.size(), Money(h.currency));
    sim.days.resize(h.accounts.size());
    sim.opening.assign(h.accounts.size(), Money(h.currency));

    // Postings of each account, in application order.
    std::vector<std::vector<std::size_t>> per_account(h.accounts.size());
    for (std::size_t idx : sim.applied) {
        per_account[postings[idx].account].push_back(idx);
    }
    const auto shown = static_cast<std::size_t>(days_between(first_day, to) + 1);
    for (std::size_t a = 0; a < h.accounts.size(); ++a) {
        const auto& account = h.accounts[a];
        auto& days = sim.days[a];
        days.reserve(shown);
        Money balance = account.balance;
        std::size_t next = 0;
        const auto& mine = per_account[a];
        for (Date d = account.as_of; d <= to; d += date::days{1}) {
            if (d == first_day) {
                sim.opening[a] = balance;
            }
            Money low = balance;
            while (next < mine.size() && postings[mine[next]].date <= d) {
                // Postings dated before as_of cannot occur (the balance already holds them).
                balance += postings[mine[next]].amount;
                sim.balance_after[mine[next]] = balance;
                low = min(low, balance);
                ++next;
            }
            if (d >= first_day) {
                days.push_back(DayBalance{d, low, balance});
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
        postings.push_back(Posting{*o.apply_date, o.account, bill ? -o.applied_amount : o.applied_amount,
                                   bill ? rank(h.bills[o.item].priority) : 0, item_id(h, o), o.due.due, i});
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
        return bad_input("a forecast of " + std::to_string(days) + " days is out of range (1.." +
                         std::to_string(k_max_forecast_days) + " days)");
    }
    if (household.accounts.empty()) {
        return bad_input("the household has no accounts: add one before forecasting");
    }
    for (const auto& a : household.accounts) {
        if (from < a.as_of) {
            return bad_input(to_iso(from) + " is before the balance date " + to_iso(a.as_of) + " of account \"" +
                             a.id + "\"; a forecast starts on or after it");
        }
    }
    if (from + date::days{days - 1} > k_max_date) {
        return bad_input("the forecast would run past year 9999");
    }
    return {};
}

Result<Forecast> forecast(const Household& h, const ForecastOptions& options) {
    if (auto s = check_forecast_window(h, options.from, options.days); !s) {
        return std::move(s).error();
    }
    try {
        Forecast f;
        f.from = options.from;
        f.to = options.from + date::days{options.days - 1};
        f.currency = h.currency;
        const auto calendar = h.calendar();
        f.occurrences = collect_occurrences(h, calendar, f.from, f.to, options.basis);
        const auto postings = postings_for(h, f.occurrences);
        const auto sim = simulate(h, postings, f.from, f.to);

        for (std::size_t idx : sim.applied) {
            const auto& p = postings[idx];
            if (p.date >= f.from) {
                f.events.push_back(ForecastEvent{p.date, p.account, p.source, p.amount, sim.balance_after[idx]});
            }
        }
        for (std::size_t a = 0; a < h.accounts.size(); ++a) {
            const auto& account = h.accounts[a];
            const auto& days = sim.days[a];
            AccountForecast af;
            af.account = a;
            af.days = days;
            af.opening = sim.opening[a];
            af.lowest = days.front();
            for (const auto& d : days) {
                if (d.low < af.lowest.low) {
                    af.lowest = d;
                }
            }
            const Money zero(h.currency);
            af.safe_to_spend = max(zero, af.lowest.low - account.cushion);
            for (const auto& e : f.events) {
                const auto& o = f.occurrences[e.occurrence];
                if (e.account == a && o.kind == ItemKind::income && e.date > f.from && e.amount.is_positive()) {
                    af.next_income = e.date;
                    break;
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

            auto shortfalls = find_shortfalls(a, days, account.cushion);
            // Banks charge per item that leaves the balance below zero.
            std::vector<Date> overdrawn;
            for (const auto& e : f.events) {
                if (e.account == a && e.amount.is_negative() && e.balance_after.is_negative()) {
                    overdrawn.push_back(e.date);
                }
            }
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
        std::stable_sort(f.shortfalls.begin(), f.shortfalls.end(),
                         [](const Shortfall& x, const Shortfall& y) { return x.account < y.account; });
        return f;
    } catch (const MoneyError& e) {
        return Error{e.code(), e.what()};
    }
}

} // namespace steadypay::core

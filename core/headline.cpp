#include "core/headline.hpp"

namespace steadypay::core {

namespace {

// The plan's earliest change on `account` scheduled on or before `by` (any, when none is).
std::optional<std::size_t> first_change(const Plan& plan, std::size_t account, Date by) {
    std::optional<std::size_t> first;
    std::optional<std::size_t> any;
    for (std::size_t i = 0; i < plan.decisions.size(); ++i) {
        const auto& d = plan.decisions[i];
        if (d.action == PlanAction::pay || plan.occurrences[d.occurrence].account != account || d.in_look_ahead) {
            continue;
        }
        const auto earlier = [&](const std::optional<std::size_t>& than) {
            return !than || d.scheduled < plan.decisions[*than].scheduled;
        };
        if (d.scheduled <= by && earlier(first)) {
            first = i;
        }
        if (earlier(any)) {
            any = i;
        }
    }
    return first ? first : any;
}

} // namespace

Headline headline(const Forecast& forecast, const Plan& plan, std::size_t account) {
    Headline best;
    // Lower is more serious; then sooner.
    const auto better = [&](const Headline& h) {
        return best.kind == HeadlineKind::all_clear || static_cast<int>(h.kind) < static_cast<int>(best.kind) ||
               (h.kind == best.kind && h.date < best.date);
    };
    for (const auto& x : forecast.declined) {
        if (x.account == account && x.date >= forecast.from) {
            Headline h{HeadlineKind::declined, x.date, x.amount, x.occurrence, std::nullopt, std::nullopt};
            if (better(h)) {
                best = h;
            }
        }
    }
    for (const auto& s : forecast.shortfalls) {
        if (s.account != account) {
            continue;
        }
        Headline h{s.kind == ShortfallKind::overdraft ? HeadlineKind::overdraft : HeadlineKind::below_cushion, s.start,
                   s.deepest, std::nullopt, std::nullopt, std::nullopt};
        if (better(h)) {
            best = h;
        }
    }
    for (std::size_t i = 0; i < plan.decisions.size(); ++i) {
        const auto& d = plan.decisions[i];
        if (plan.occurrences[d.occurrence].account != account || d.in_look_ahead || !d.late) {
            continue;
        }
        Headline h{d.reported_late ? HeadlineKind::reported_late : HeadlineKind::past_grace,
                   d.reported_late && d.timeline.reported_late_on ? *d.timeline.reported_late_on
                                                                 : d.timeline.grace_ends + date::days{1},
                   d.full_amount, std::nullopt, i, i};
        if (better(h)) {
            best = h;
        }
    }
    if (best.kind != HeadlineKind::all_clear && !best.action) {
        best.action = first_change(plan, account, best.date);
    }
    return best;
}

} // namespace steadypay::core

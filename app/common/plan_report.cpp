#include "app/common/plan_report.hpp"

#include "app/common/i18n.hpp"
#include "app/common/words.hpp"

#include <fmt/format.h>

namespace steadypay::app {

using core::to_iso;
using nlohmann::ordered_json;

namespace {

const core::Bill& bill_of(const core::Household& h, const core::Plan& plan, const core::PlanDecision& d) {
    return h.bills[plan.occurrences[d.occurrence].item];
}

ordered_json optional_date(const std::optional<core::Date>& d) {
    return d ? ordered_json(to_iso(*d)) : ordered_json(nullptr);
}

} // namespace

std::string action_label(const core::Household& h, const core::Plan& plan, const core::PlanDecision& d) {
    const auto& bill = bill_of(h, plan, d);
    if (d.declined) {
        return tr("declined by the bank: still owed");
    }
    const std::string after = d.beyond_window ? tr(", after this window") : "";
    switch (d.action) {
    case core::PlanAction::pay:
        return d.overdue ? tr("overdue: pay now") : (bill.autopay ? tr("autopay, as scheduled") : tr("pay on its due date")) + after;
    case core::PlanAction::move:
        return say("moved from {0}", formats().day(d.scheduled, plan.from)) + after;
    case core::PlanAction::pay_minimum:
        return say("minimum only (of {0})", formats().money(d.full_amount)) + after;
    case core::PlanAction::hold:
        return say("hold: not before {0}", formats().day(plan.horizon_to, plan.from));
    }
    return {};
}

std::string proven_note(const core::Plan& plan) {
    if (plan.optimal) {
        return {};
    }
    if (plan.proven >= 4) {
        return tr("Proven best on overdrafts, late payments, reports to credit bureaus and fees; on minimum-only "
                  "payments, days late, days below the cushion and changed dates it is the best found in the time "
                  "allowed.");
    }
    if (plan.cost.overdrawn_accounts > 0) {
        return tr("No plan avoids the overdraft. On the rest this is the best plan found in the time allowed: one "
                  "with fewer late payments or less in fees may exist.");
    }
    return tr("No day is overdrawn. On the rest this is the best plan found in the time allowed: one with fewer late "
              "payments or less in fees may exist.");
}

ordered_json timeline_json(const core::ConsequenceTimeline& t) {
    return {{"due", to_iso(t.due)},
            {"grace_ends", to_iso(t.grace_ends)},
            {"reported_late_on", optional_date(t.reported_late_on)},
            {"shutoff_risk_on", optional_date(t.shutoff_risk_on)}};
}

ordered_json plan_json(const core::Household& h, const core::Plan& plan) {
    const EnglishScope english; // the text fields are English: scripts read the facts
    ordered_json doc;
    doc["from"] = to_iso(plan.from);
    doc["to"] = to_iso(plan.to);
    doc["currency"] = std::string(h.currency.code());
    doc["horizon_to"] = to_iso(plan.horizon_to);
    doc["feasible"] = plan.feasible;
    doc["optimal"] = plan.optimal;
    ordered_json proven = ordered_json::array();
    for (int c = 0; c < plan.proven; ++c) {
        proven.push_back(std::string(core::to_string(static_cast<core::PlanConcern>(c))));
    }
    doc["proven"] = std::move(proven);
    ordered_json decisions = ordered_json::array();
    for (const auto& d : plan.decisions) {
        const auto& o = plan.occurrences[d.occurrence];
        const auto& bill = h.bills[o.item];
        ordered_json j;
        j["item"] = bill.id;
        j["name"] = bill.name;
        j["account"] = h.accounts[o.account].id;
        j["priority"] = std::string(core::to_string(bill.priority));
        j["due"] = to_iso(o.due.due);
        j["scheduled"] = to_iso(d.scheduled);
        j["pay_date"] = optional_date(d.pay_date);
        j["beyond_window"] = d.beyond_window;
        j["in_look_ahead"] = d.in_look_ahead;
        j["amount"] = d.amount.to_string();
        j["full_amount"] = d.full_amount.to_string();
        j["action"] = std::string(core::to_string(d.action));
        j["days_late"] = d.days_late;
        j["late"] = d.late;
        j["late_fee"] = d.late_fee.to_string();
        j["reported_late"] = d.reported_late;
        j["shutoff_risk"] = d.shutoff_risk;
        j["declined"] = d.declined;
        j["bank_fee"] = d.bank_fee.to_string();
        j["biller_fee"] = d.biller_fee.to_string();
        j["timeline"] = timeline_json(d.timeline);
        j["why"] = std::string(core::to_string(d.why));
        j["overdrawn_on"] = optional_date(d.overdrawn_on);
        j["waits_for"] = d.waits_for ? ordered_json(h.incomes[*d.waits_for].id) : ordered_json(nullptr);
        j["reason"] = plan_reason(h, d, plan.from);
        decisions.push_back(std::move(j));
    }
    doc["decisions"] = std::move(decisions);
    const auto by_priority_of = [](const core::PlanCost& c) {
        ordered_json j = ordered_json::object();
        for (int p = 0; p < core::k_priority_count; ++p) {
            j[std::string(core::to_string(static_cast<core::Priority>(p)))] = c.late_by_priority[static_cast<std::size_t>(p)];
        }
        return j;
    };
    const ordered_json by_priority = by_priority_of(plan.cost);
    doc["totals"] = {{"fees", core::Money::from_minor(plan.cost.fees, h.currency).to_string()},
                     {"late_fees", plan.late_fees.to_string()},
                     {"bank_fees", plan.bank_fees.to_string()},
                     {"overdrawn_payments", plan.cost.overdrawn_payments},
                     {"declined_payments", plan.cost.declined_payments},
                     {"late_by_priority", by_priority},
                     {"reported_late", plan.cost.reported_late},
                     {"minimum_payments", plan.cost.minimum_payments},
                     {"days_late", plan.cost.days_late},
                     {"days_below_cushion", plan.cost.days_below_cushion},
                     {"moved", plan.cost.moved},
                     {"overdrawn_accounts", plan.cost.overdrawn_accounts}};
    // What no plan can do better than, concern by concern (the totals themselves where proven).
    doc["bound"] = {{"overdrawn_accounts", plan.bound.overdrawn_accounts},
                    {"late_by_priority", by_priority_of(plan.bound)},
                    {"reported_late", plan.bound.reported_late},
                    {"fees", core::Money::from_minor(plan.bound.fees, h.currency).to_string()},
                    {"minimum_payments", plan.bound.minimum_payments},
                    {"days_late", plan.bound.days_late},
                    {"days_below_cushion", plan.bound.days_below_cushion},
                    {"moved", plan.bound.moved}};
    return doc;
}

std::string plan_text(const core::Household& h, const core::Plan& plan, const core::Forecast& unplanned) {
    const auto day = [](core::Date d) { return formats().full_day(d); };
    const auto money = [](const core::Money& m) { return formats().money(m); };
    const auto count = [](auto n) { return static_cast<unsigned long>(n); };
    std::string out;
    const int total_days = core::days_between(plan.from, plan.to) + 1;
    out += sayn("Plan for {0}: {1} to {2} ({3} day), amounts in {4}", "Plan for {0}: {1} to {2} ({3} days), amounts in {4}",
                count(total_days), h.name, day(plan.from), day(plan.to), total_days, std::string(h.currency.code())) +
           "\n\n";
    if (plan.horizon_to > plan.to) {
        out += say("Planned through {0} with the bills after it, so that these days borrow nothing from them; costs "
                   "count to then.",
                   day(plan.horizon_to)) +
               "\n\n";
    }

    // What would happen without a plan.
    bool any_overdraft = false;
    for (const auto& s : unplanned.shortfalls) {
        if (s.kind == core::ShortfallKind::overdraft) {
            any_overdraft = true;
            out += say("If nothing changes, {0} is overdrawn from {1} ({2} lowest).", h.accounts[s.account].name,
                       day(s.start), money(s.deepest)) +
                   "\n";
        }
    }
    std::vector<const core::PlanDecision*> changes;
    std::vector<const core::PlanDecision*> later_changes; // in the look-ahead
    for (const auto& d : plan.decisions) {
        if (d.action != core::PlanAction::pay) {
            (d.in_look_ahead ? later_changes : changes).push_back(&d);
        }
    }
    if (!plan.feasible) {
        out += tr("No order of payments avoids an overdraft in these days. Call your bank about overdraft protection "
                  "or a hardship arrangement, and the billers below about more time.") +
               "\n";
    } else if (changes.empty()) {
        out += any_overdraft ? "" : tr("Every bill can be paid as scheduled without an overdraft.") + "\n";
    } else {
        out += sayn("With {0} change nothing is overdrawn.", "With {0} changes nothing is overdrawn.",
                    count(changes.size()), static_cast<long long>(changes.size())) +
               "\n";
    }
    // What it costs.
    int late = 0;
    for (int n : plan.cost.late_by_priority) {
        late += n;
    }
    if (plan.cost.days_late == 0) {
        out += tr("Every bill is paid on time.") + "\n";
    } else {
        std::string cost =
            sayn("{0} day late in all", "{0} days late in all", count(plan.cost.days_late), plan.cost.days_late);
        cost += late == 0 ? tr(", all inside grace periods")
                          : sayn(", {0} payment past its grace period", ", {0} payments past their grace period",
                                 count(late), late);
        cost += plan.cost.late_fees == 0 ? tr("; no late fees") : say("; {0} in late fees", money(plan.late_fees));
        cost += plan.cost.reported_late == 0 ? tr("; nothing reported to credit bureaus")
                                             : say("; {0} reported late to credit bureaus", plan.cost.reported_late);
        out += say("What it costs: {0}.", cost) + "\n";
        if (late > 0 && plan.proven >= 2) {
            out += tr("No plan has fewer payments past their grace period, class by class from housing down: that is "
                      "proven.") +
                   "\n";
        }
    }
    if (plan.cost.bank_fees > 0) {
        out += sayn("The bank's fees: {0} ({1} payment into overdraft, {2} declined).",
                    "The bank's fees: {0} ({1} payments into overdraft, {2} declined).",
                    count(plan.cost.overdrawn_payments), money(plan.bank_fees), plan.cost.overdrawn_payments,
                    plan.cost.declined_payments) +
               "\n";
    } else if (!plan.feasible) {
        out += tr("No payment in this plan goes into overdraft or comes back: the bank charges nothing more.") + "\n";
    }
    if (const auto note = proven_note(plan); !note.empty()) {
        out += "(" + note + ")\n";
    }
    if (!changes.empty()) {
        out += "\n" + tr("What to do:") + "\n";
        for (const auto* d : changes) {
            out += "  - " + plan_reason(h, *d, plan.from) + "\n";
        }
    }
    if (!later_changes.empty()) {
        out += "\n" + tr("After these days (planned with them):") + "\n";
        for (const auto* d : later_changes) {
            out += "  - " + plan_reason(h, *d, plan.from) + "\n";
        }
    }
    out += "\n" + tr("Every payment in this plan:") + "\n";
    bool any = false;
    for (const auto& d : plan.decisions) {
        if (d.in_look_ahead) {
            continue;
        }
        any = true;
        const auto& bill = bill_of(h, plan, d);
        out += fmt::format("  {:<14}  {:<24} {:>10}  {}\n", d.pay_date ? day(*d.pay_date) : tr("(held)"), bill.name,
                           money(d.pay_date ? d.amount : d.full_amount), action_label(h, plan, d));
    }
    if (!any) {
        out += "  " + tr("(no bills fall due in these days)") + "\n";
    }
    return out;
}

} // namespace steadypay::app

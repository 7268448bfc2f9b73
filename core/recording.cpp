#include "core/recording.hpp"

#include <algorithm>

namespace steadypay::core {

std::optional<ItemRef> find_item(const Household& h, std::string_view id) {
    if (const auto* b = h.find_bill(id)) {
        return ItemRef{ItemKind::bill, &b->name, &b->schedule, b->business_day, &b->amount};
    }
    if (const auto* x = h.find_income(id)) {
        return ItemRef{ItemKind::income, &x->name, &x->schedule, x->business_day, &x->amount};
    }
    return std::nullopt;
}

std::vector<DueDate> item_due_dates(const Household& h, const std::string& item, Date from, Date to) {
    const auto ref = find_item(h, item);
    if (!ref) {
        return {};
    }
    return due_dates(*ref->schedule, ref->business_day, h.calendar(), from, to);
}

std::optional<Date> next_due(const Household& h, const std::string& item, Date from) {
    const auto dates = item_due_dates(h, item, from, from + date::days{400});
    return dates.empty() ? std::nullopt : std::optional<Date>(dates.front().due);
}

Date balance_as_of(Date today, bool includes_today) { return includes_today ? today : today - date::days{1}; }

std::vector<Occurrence> landing_on(const Household& h, std::string_view account, Date day) {
    std::size_t index = h.accounts.size();
    for (std::size_t i = 0; i < h.accounts.size(); ++i) {
        if (h.accounts[i].id == account) {
            index = i;
        }
    }
    if (index == h.accounts.size()) {
        return {};
    }
    // The household as if every balance were the close of the day before: what lands on `day`.
    Household probe = h;
    for (auto& a : probe.accounts) {
        a.as_of = day - date::days{1};
    }
    std::vector<Occurrence> out;
    for (auto& o : collect_occurrences(probe, probe.calendar(), day, day, AmountBasis::conservative)) {
        if (o.account == index && o.apply_date == day &&
            (o.state == OccurrenceState::expected || o.state == OccurrenceState::paid)) {
            out.push_back(std::move(o));
        }
    }
    return out;
}

Result<Payment> record_payment(Household& h, const std::string& item, Date due, PaymentStatus status,
                               std::optional<Date> date, std::optional<Money> amount) {
    const auto ref = find_item(h, item);
    if (!ref) {
        return bad_input("no bill or income has the id \"{0}\"", item).context("item");
    }
    const auto found = item_due_dates(h, item, due, due);
    if (found.empty()) {
        ListFact near;
        for (const auto& d : item_due_dates(h, item, due - date::days{45}, due + date::days{45})) {
            near.dates.push_back(d.due);
        }
        return (near.dates.empty() ? bad_input("\"{0}\" is not due on {1} (it has no due date near it)", item, due)
                                   : bad_input("\"{0}\" is not due on {1} (due dates near it: {2})", item, due, near))
            .context("due");
    }
    Payment p;
    p.item = item;
    p.due = due;
    p.status = status;
    if (status == PaymentStatus::paid) {
        if (!date) {
            return bad_input("a paid payment needs its date").context("date");
        }
        p.date = date;
        if (amount) {
            if (amount->is_negative()) {
                return bad_input("{0} must not be negative", *amount).context("amount");
            }
            p.amount = amount;
        } else if (ref->amount->is_range) {
            return bad_input("{0} varies ({1}..{2}): give the amount paid", *ref->name, ref->amount->min,
                             ref->amount->max)
                .context("amount");
        } else {
            p.amount = ref->amount->min * found.front().count;
        }
    }
    const auto existing = std::find_if(h.payments.begin(), h.payments.end(),
                                       [&](const Payment& x) { return x.item == item && x.due == due; });
    if (existing != h.payments.end()) {
        p.written = existing->written;
        *existing = p;
    } else {
        h.payments.push_back(p);
    }
    return p;
}

Status clear_payment(Household& h, const std::string& item, Date due) {
    const auto existing = std::find_if(h.payments.begin(), h.payments.end(),
                                       [&](const Payment& x) { return x.item == item && x.due == due; });
    if (existing == h.payments.end()) {
        return bad_input("nothing is recorded for \"{0}\" due {1}", item, due);
    }
    h.payments.erase(existing);
    return {};
}

} // namespace steadypay::core

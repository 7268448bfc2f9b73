#include "core/occurrence.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace steadypay::core {

std::string_view to_string(ItemKind k) { return k == ItemKind::income ? "income" : "bill"; }

std::string_view to_string(OccurrenceState s) {
    switch (s) {
    case OccurrenceState::expected:
        return "expected";
    case OccurrenceState::paid:
        return "paid";
    case OccurrenceState::missed:
        return "missed";
    case OccurrenceState::skipped:
        return "skipped";
    case OccurrenceState::missing:
        return "missing";
    }
    return "expected";
}

Money expected_amount(const Amount& amount, ItemKind kind, AmountBasis basis) {
    if (basis == AmountBasis::expected) {
        // Rounded towards the conservative end.
        return kind == ItemKind::bill ? Money::midpoint(amount.max, amount.min) : Money::midpoint(amount.min, amount.max);
    }
    return kind == ItemKind::bill ? amount.max : amount.min;
}

const std::string& item_id(const Household& h, const Occurrence& o) {
    return o.kind == ItemKind::bill ? h.bills[o.item].id : h.incomes[o.item].id;
}

const std::string& item_name(const Household& h, const Occurrence& o) {
    return o.kind == ItemKind::bill ? h.bills[o.item].name : h.incomes[o.item].name;
}

namespace {

std::size_t account_index(const Household& h, const std::string& id) {
    for (std::size_t i = 0; i < h.accounts.size(); ++i) {
        if (h.accounts[i].id == id) {
            return i;
        }
    }
    return 0; // validate() guarantees every item names an account
}

struct ItemView {
    ItemKind kind;
    std::size_t index;
    const std::string& id;
    const std::string& account;
    const Amount& amount;
    const Schedule& schedule;
    BusinessDayRule business_day;
    int lead_days; // autopay lead days; 0 for incomes and manual bills
};

} // namespace

std::vector<Occurrence> collect_occurrences(const Household& h, const BusinessCalendar& calendar, Date first_day,
                                            Date to, AmountBasis basis) {
    std::map<std::pair<std::string_view, Date>, const Payment*> records;
    std::map<std::string_view, std::vector<const Payment*>> by_item;
    for (const auto& p : h.payments) {
        records[{p.item, p.due}] = &p;
        by_item[p.item].push_back(&p);
    }

    std::vector<ItemView> items;
    items.reserve(h.incomes.size() + h.bills.size());
    for (std::size_t i = 0; i < h.incomes.size(); ++i) {
        const auto& x = h.incomes[i];
        items.push_back({ItemKind::income, i, x.id, x.account, x.amount, x.schedule, x.business_day, 0});
    }
    for (std::size_t i = 0; i < h.bills.size(); ++i) {
        const auto& x = h.bills[i];
        items.push_back({ItemKind::bill, i, x.id, x.account, x.amount, x.schedule, x.business_day,
                         x.autopay ? x.autopay_lead_days : 0});
    }

    std::vector<Occurrence> out;
    std::vector<DueDate> dues;
    std::vector<Date> scratch;
    for (const auto& item : items) {
        const std::size_t acct = account_index(h, item.account);
        const Date as_of = h.accounts[acct].as_of;
        const Money each = expected_amount(item.amount, item.kind, basis);
        // Occurrences are filled in place in `out` (and dropped again when they do not belong):
        // building them on the stack and copying them in costs more than the rest of this loop.
        const auto make = [&](const DueDate& d) -> Occurrence& {
            Occurrence& o = out.emplace_back();
            o.kind = item.kind;
            o.item = item.index;
            o.account = acct;
            o.due = d;
            o.effective = d.due - date::days{item.lead_days};
            o.amount = each * d.count;
            o.applied_amount = o.amount;
            return o;
        };
        // Occurrences whose effective date is after as_of: due in (as_of + lead, to + lead].
        dues.clear();
        append_due_dates(item.schedule, item.business_day, calendar, as_of + date::days{1},
                         to + date::days{item.lead_days}, dues, scratch);
        for (const auto& d : dues) {
            const Date effective = d.due - date::days{item.lead_days};
            if (effective <= as_of || effective > to) {
                continue;
            }
            const Payment* p = nullptr;
            if (!records.empty()) {
                const auto rec = records.find({item.id, d.due});
                p = rec == records.end() ? nullptr : rec->second;
            }
            if (p && p->status == PaymentStatus::paid) {
                continue; // handled with the other payment records below
            }
            Occurrence& o = make(d);
            if (p && p->status == PaymentStatus::skipped) {
                o.state = OccurrenceState::skipped;
            } else {
                o.apply_date = o.effective;
            }
        }
        // Records: paid after as_of, and unpaid ones whose effective date has passed.
        const auto mine = by_item.find(item.id);
        if (mine == by_item.end()) {
            continue;
        }
        for (const Payment* record : mine->second) {
            const Payment& p = *record;
            dues.clear();
            append_due_dates(item.schedule, item.business_day, calendar, p.due, p.due, dues, scratch);
            if (dues.empty()) {
                continue; // validate() rejects records for dates the item is not due
            }
            Occurrence& o = make(dues.front());
            if (p.status == PaymentStatus::paid) {
                if (*p.date <= as_of) {
                    out.pop_back(); // already in the balance
                    continue;
                }
                o.state = OccurrenceState::paid;
                o.applied_amount = *p.amount;
                if (*p.date <= to) {
                    o.apply_date = *p.date;
                }
                if (!o.apply_date && (o.effective <= as_of || o.effective > to)) {
                    out.pop_back(); // paid after the window, for a date outside it
                }
            } else if (p.status == PaymentStatus::unpaid && o.effective <= as_of) {
                if (item.kind == ItemKind::bill) {
                    o.state = OccurrenceState::missed;
                    o.apply_date = std::max(first_day, as_of);
                } else {
                    o.state = OccurrenceState::missing;
                }
            } else {
                out.pop_back(); // an unpaid record for a date still ahead: the scheduled one stands
            }
        }
    }
    return out;
}

} // namespace steadypay::core

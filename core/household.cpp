#include "core/household.hpp"

#include "core/text.hpp"

#include <array>
#include <set>
#include <utility>

namespace steadypay::core {

namespace {

struct PriorityInfo {
    Priority priority;
    std::string_view key;
};

constexpr std::array<PriorityInfo, k_priority_count> k_priorities{{
    {Priority::housing, "housing"},
    {Priority::utilities, "utilities"},
    {Priority::transportation, "transportation"},
    {Priority::childcare, "childcare"},
    {Priority::credit_minimum, "credit_minimum"},
    {Priority::other_debt, "other_debt"},
    {Priority::phone_internet, "phone_internet"},
    {Priority::discretionary, "discretionary"},
}};

std::string quoted(std::string_view s) { return quote_input(s); }

std::string at(std::string_view list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

} // namespace

Result<Priority> parse_priority(std::string_view text) {
    for (const auto& p : k_priorities) {
        if (p.key == text) {
            return p.priority;
        }
    }
    return bad_input("{0} is not a priority (housing, utilities, transportation, childcare, credit_minimum, "
                     "other_debt, phone_internet or discretionary)",
                     quoted(text));
}

std::string_view to_string(Priority p) { return k_priorities[static_cast<std::size_t>(p)].key; }

Result<IntradayOrder> parse_intraday_order(std::string_view text) {
    if (text == "debits_first") {
        return IntradayOrder::debits_first;
    }
    if (text == "credits_first") {
        return IntradayOrder::credits_first;
    }
    return bad_input("{0} is not an intraday order (debits_first or credits_first)", quoted(text));
}

std::string_view to_string(IntradayOrder o) {
    return o == IntradayOrder::debits_first ? "debits_first" : "credits_first";
}

Result<Uncovered> parse_uncovered(std::string_view text) {
    if (text == "pay") {
        return Uncovered::pay;
    }
    if (text == "decline") {
        return Uncovered::decline;
    }
    return bad_input("{0} is not what a bank does with a payment it cannot cover (pay or decline)", quoted(text));
}

std::string_view to_string(Uncovered u) { return u == Uncovered::pay ? "pay" : "decline"; }

Result<PaymentStatus> parse_payment_status(std::string_view text) {
    if (text == "paid") {
        return PaymentStatus::paid;
    }
    if (text == "skipped") {
        return PaymentStatus::skipped;
    }
    if (text == "unpaid") {
        return PaymentStatus::unpaid;
    }
    return bad_input("{0} is not a payment status (paid, skipped or unpaid)", quoted(text));
}

std::string_view to_string(PaymentStatus s) {
    switch (s) {
    case PaymentStatus::paid:
        return "paid";
    case PaymentStatus::skipped:
        return "skipped";
    case PaymentStatus::unpaid:
        return "unpaid";
    }
    return "paid";
}

BusinessCalendar Household::calendar() const {
    auto cal = BusinessCalendar::make(weekend, holidays, region_holiday_dates(holiday_region), holidays_removed);
    // validate() rejects a weekend of seven days; an unvalidated household falls back to Sat+Sun.
    return cal ? std::move(cal).value() : BusinessCalendar{};
}

const Account* Household::find_account(std::string_view id) const {
    for (const auto& a : accounts) {
        if (a.id == id) {
            return &a;
        }
    }
    return nullptr;
}

const Income* Household::find_income(std::string_view id) const {
    for (const auto& i : incomes) {
        if (i.id == id) {
            return &i;
        }
    }
    return nullptr;
}

const Bill* Household::find_bill(std::string_view id) const {
    for (const auto& b : bills) {
        if (b.id == id) {
            return &b;
        }
    }
    return nullptr;
}

const Payment* Household::find_payment(std::string_view item, Date due) const {
    for (const auto& p : payments) {
        if (p.item == item && p.due == due) {
            return &p;
        }
    }
    return nullptr;
}

std::optional<Date> Household::latest_as_of() const {
    std::optional<Date> latest;
    for (const auto& a : accounts) {
        if (!latest || a.as_of > *latest) {
            latest = a.as_of;
        }
    }
    return latest;
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) {
        return false;
    }
    const auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!lower_or_digit(id[0])) {
        return false;
    }
    for (char c : id) {
        if (!lower_or_digit(c) && c != '_' && c != '-') {
            return false;
        }
    }
    return true;
}

std::string make_id(std::string_view name, const std::function<bool(std::string_view)>& taken) {
    std::string base;
    bool pending_dash = false;
    for (char ch : name) {
        const auto u = static_cast<unsigned char>(ch);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z')) {
            if (pending_dash && !base.empty()) {
                base += '-';
            }
            pending_dash = false;
            base += static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
        } else {
            pending_dash = true;
        }
    }
    base = base.substr(0, 56);
    if (base.empty()) {
        base = "item";
    }
    if (!taken(base)) {
        return base;
    }
    for (int n = 2;; ++n) {
        const std::string candidate = base + "-" + std::to_string(n);
        if (!taken(candidate)) {
            return candidate;
        }
    }
}

Result<std::size_t> remove_item(Household& h, std::string_view id) {
    const auto bills = std::erase_if(h.bills, [&](const Bill& b) { return b.id == id; });
    const auto incomes = std::erase_if(h.incomes, [&](const Income& x) { return x.id == id; });
    if (bills + incomes == 0) {
        return problem(Errc::not_found, "no bill or income has the id \"{0}\"", id);
    }
    return std::erase_if(h.payments, [&](const Payment& p) { return p.item == id; });
}

Status remove_account(Household& h, std::string_view id) {
    if (!h.find_account(id)) {
        return problem(Errc::not_found, "no account has the id \"{0}\"", id);
    }
    ListFact users;
    for (const auto& x : h.incomes) {
        if (x.account == id) {
            users.names.push_back(x.id);
        }
    }
    for (const auto& b : h.bills) {
        if (b.account == id) {
            users.names.push_back(b.id);
        }
    }
    if (!users.names.empty()) {
        return bad_input("account \"{0}\" is used by {1}: move or remove them first", id, users);
    }
    std::erase_if(h.accounts, [&](const Account& a) { return a.id == id; });
    return {};
}

std::optional<FieldMessage> field_of(const Error& error, std::string_view list, std::size_t index) {
    if (error.where.empty()) {
        return std::nullopt;
    }
    const std::string prefix = std::string(list) + "[" + std::to_string(index) + "]";
    const std::string& place = error.where.front();
    if (place.rfind(prefix, 0) != 0 || (place.size() > prefix.size() && place[prefix.size()] != '.')) {
        return std::nullopt;
    }
    FieldMessage out{place.size() > prefix.size() ? place.substr(prefix.size() + 1) : std::string(), error};
    out.error.where.erase(out.error.where.begin());
    return out;
}

namespace {

class Validator {
public:
    explicit Validator(const Household& h) : m_h(h) {}

    Status run() {
        if (auto s = text(m_h.name, "household.name", true); !s) {
            return s;
        }
        std::set<int> weekend;
        for (std::size_t i = 0; i < m_h.weekend.size(); ++i) {
            if (!weekend.insert(static_cast<int>(m_h.weekend[i].c_encoding())).second) {
                return fail(at("household.weekend", i), "{0} is listed twice", quoted(weekday_code(m_h.weekend[i])));
            }
        }
        if (weekend.size() == 7) {
            return fail("household.weekend",
                        "every day of the week is a weekend day: at least one must be a business day");
        }
        for (const auto& [list, key] : {std::pair{&m_h.holidays, "household.holidays"},
                                        std::pair{&m_h.holidays_removed, "household.holidays_removed"}}) {
            std::set<Date> seen;
            for (std::size_t i = 0; i < list->size(); ++i) {
                if (!seen.insert((*list)[i]).second) {
                    return fail(at(key, i), "{0} is listed twice", (*list)[i]);
                }
            }
        }
        const auto& lt = m_h.lead_times;
        for (const auto& [value, key] : {std::pair{lt.overdraft, "overdraft"}, std::pair{lt.below_cushion, "below_cushion"},
                                         std::pair{lt.bill_at_risk, "bill_at_risk"},
                                         std::pair{lt.autopay_insufficient_funds, "autopay_insufficient_funds"}}) {
            if (auto s = day_count(value, 0, 365, std::string("household.warning_lead_days.") + key); !s) {
                return s;
            }
        }
        for (std::size_t i = 0; i < m_h.accounts.size(); ++i) {
            if (auto s = account(m_h.accounts[i], at("accounts", i)); !s) {
                return s;
            }
        }
        for (std::size_t i = 0; i < m_h.incomes.size(); ++i) {
            if (auto s = income(m_h.incomes[i], at("incomes", i)); !s) {
                return s;
            }
        }
        for (std::size_t i = 0; i < m_h.bills.size(); ++i) {
            if (auto s = bill(m_h.bills[i], at("bills", i)); !s) {
                return s;
            }
        }
        const auto calendar = m_h.calendar();
        std::set<std::pair<std::string, Date>> seen;
        for (std::size_t i = 0; i < m_h.payments.size(); ++i) {
            if (auto s = payment(m_h.payments[i], at("payments", i), calendar, seen); !s) {
                return s;
            }
        }
        return {};
    }

private:
    template <class... F> static Status fail(const std::string& where, Message what, const F&... facts) {
        return bad_input(what, facts...).context(where);
    }

    // `used` says the id is taken: "{0} is already used by another account".
    Status id(const std::string& value, const std::string& where, std::set<std::string>& ids, Marked used) {
        if (!is_valid_id(value)) {
            return fail(
                where + ".id",
                "{0} is not a valid id (lower-case letters, digits, '_' and '-', starting with a letter or digit)",
                quoted(value));
        }
        if (!ids.insert(value).second) {
            return fail(where + ".id", used, quoted(value));
        }
        return {};
    }

    // Amounts a household can have: no wider than k_max_amount_minor either way, so that no sum
    // a forecast makes of them comes near the limits of 64 bits.
    static Status in_bounds(const Money& m, const std::string& where) {
        if (m.minor() > k_max_amount_minor || m.minor() < -k_max_amount_minor) {
            return fail(where, "{0} is more than Steadypay counts (at most {1})", m,
                        Money::from_minor(k_max_amount_minor, m.currency()));
        }
        return {};
    }

    static Status not_negative(const Money& m, const std::string& where) {
        if (m.is_negative()) {
            return fail(where, "{0} must not be negative", m);
        }
        return in_bounds(m, where);
    }

    // Names and notes: one line of UTF-8 text a person can read, not too long to show.
    static Status text(const std::string& value, const std::string& where, bool required) {
        constexpr std::size_t k_max_bytes = 1000;
        if (required && value.empty()) {
            return fail(where, "must not be empty");
        }
        if (!is_clean_text(value)) {
            return fail(where, "{0} holds control characters or bytes that are not UTF-8 text", quoted(value));
        }
        if (value.size() > k_max_bytes) {
            return fail(where, "is too long ({0} bytes; at most {1})", value.size(), k_max_bytes);
        }
        return {};
    }

    static Status day_count(int value, int lo, int hi, const std::string& where) {
        if (value < lo || value > hi) {
            return fail(where, "{0} is out of range ({1}..{2})", value, lo, hi);
        }
        return {};
    }

    Status account(const Account& a, const std::string& where) {
        if (auto s = id(a.id, where, m_account_ids, N_("{0} is already used by another account")); !s) {
            return s;
        }
        if (auto s = text(a.name, where + ".name", true); !s) {
            return s;
        }
        if (auto s = in_bounds(a.balance, where + ".balance"); !s) {
            return s;
        }
        for (const auto& [m, key] :
             {std::pair{&a.overdraft_limit, "overdraft_limit"}, std::pair{&a.overdraft_fee, "overdraft_fee"},
              std::pair{&a.cushion, "cushion"}, std::pair{&a.returned_item_fee, "returned_item_fee"}}) {
            if (auto s = not_negative(*m, where + "." + key); !s) {
                return s;
            }
        }
        return {};
    }

    Status item_common(const std::string& item_id, const std::string& name, const std::string& account,
                       const Amount& amount, const Schedule& schedule, const std::string& where) {
        if (auto s = id(item_id, where, m_item_ids, N_("{0} is already used by another income or bill")); !s) {
            return s;
        }
        if (auto s = text(name, where + ".name", true); !s) {
            return s;
        }
        if (!m_h.find_account(account)) {
            return fail(where + ".account", "{0} is not an account id", quoted(account));
        }
        if (amount.is_range) {
            if (auto s = not_negative(amount.min, where + ".amount.min"); !s) {
                return s;
            }
            if (auto s = not_negative(amount.max, where + ".amount.max"); !s) {
                return s;
            }
            if (amount.max < amount.min) {
                return fail(where + ".amount", "max {0} is less than min {1}", amount.max, amount.min);
            }
        } else if (auto s = not_negative(amount.min, where + ".amount"); !s) {
            return s;
        }
        if (schedule.end && *schedule.end < schedule.start) {
            return fail(where + ".schedule.end", "{0} is before the start {1}", *schedule.end, schedule.start);
        }
        return {};
    }

    Status income(const Income& i, const std::string& where) {
        if (auto s = item_common(i.id, i.name, i.account, i.amount, i.schedule, where); !s) {
            return s;
        }
        return text(i.source, where + ".source", false);
    }

    Status bill(const Bill& b, const std::string& where) {
        if (auto s = item_common(b.id, b.name, b.account, b.amount, b.schedule, where); !s) {
            return s;
        }
        for (const auto& [value, key] : {std::pair{&b.payee, ".payee"}, std::pair{&b.hardship_contact, ".hardship_contact"}}) {
            if (auto s = text(*value, where + key, false); !s) {
                return s;
            }
        }
        if (b.minimum) {
            if (auto s = not_negative(*b.minimum, where + ".minimum"); !s) {
                return s;
            }
            if (*b.minimum > b.amount.max) {
                return fail(where + ".minimum", "{0} is more than the amount {1}", *b.minimum, b.amount.max);
            }
        }
        if (auto s = not_negative(b.late_fee, where + ".late_fee"); !s) {
            return s;
        }
        if (auto s = not_negative(b.returned_payment_fee, where + ".returned_payment_fee"); !s) {
            return s;
        }
        if (auto s = day_count(b.autopay_lead_days, 0, 60, where + ".autopay_lead_days"); !s) {
            return s;
        }
        if (auto s = day_count(b.grace_days, 0, 365, where + ".grace_days"); !s) {
            return s;
        }
        if (b.reported_late_after_days) {
            if (auto s = day_count(*b.reported_late_after_days, 1, 3650, where + ".reported_late_after_days"); !s) {
                return s;
            }
        }
        if (b.shutoff_after_days) {
            if (auto s = day_count(*b.shutoff_after_days, 1, 3650, where + ".shutoff_after_days"); !s) {
                return s;
            }
        }
        return {};
    }

    Status payment(const Payment& p, const std::string& where, const BusinessCalendar& calendar,
                   std::set<std::pair<std::string, Date>>& seen) {
        const Schedule* schedule = nullptr;
        BusinessDayRule rule = BusinessDayRule::none;
        if (const auto* b = m_h.find_bill(p.item)) {
            schedule = &b->schedule;
            rule = b->business_day;
        } else if (const auto* i = m_h.find_income(p.item)) {
            schedule = &i->schedule;
            rule = i->business_day;
        } else {
            return fail(where + ".item", "{0} is not a bill or income id", quoted(p.item));
        }
        if (!is_due_date(*schedule, rule, calendar, p.due)) {
            return fail(where + ".due", "{0} is not due on {1}", quoted(p.item), p.due);
        }
        if (!seen.insert({p.item, p.due}).second) {
            return fail(where, "a second record for {0} due {1}", quoted(p.item), p.due);
        }
        if (p.status == PaymentStatus::paid) {
            if (!p.date) {
                return fail(where + ".date", "a paid payment needs its date");
            }
            if (!p.amount) {
                return fail(where + ".amount", "a paid payment needs its amount");
            }
            return not_negative(*p.amount, where + ".amount");
        }
        if (p.date || p.amount) {
            return fail(where + (p.date ? ".date" : ".amount"),
                        "only a paid payment has a date and an amount (this one is {0})", to_string(p.status));
        }
        return {};
    }

    const Household& m_h;
    std::set<std::string> m_account_ids;
    std::set<std::string> m_item_ids;
};

} // namespace

Status validate(const Household& household) {
    try {
        return Validator(household).run();
    } catch (const MoneyError& e) {
        return e.error();
    }
}

} // namespace steadypay::core

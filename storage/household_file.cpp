#include "storage/household_file.hpp"

#include "storage/strict_json.hpp"

#include "core/text.hpp"

#include <date/tz.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace steadypay::storage {

using core::Amount;
using core::Date;
using core::Household;
using core::KeySet;
using core::Money;
using nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace {

// Thrown inside this file to abandon a read; turned into an Error at the edge.
struct Invalid {
    core::Error error;
};

template <class... F> [[noreturn]] void fail(const std::string& path, core::Message what, const F&... facts) {
    throw Invalid{core::bad_input(what, facts...).context(path)};
}

[[noreturn]] void fail(const std::string& path, const core::Error& e) {
    throw Invalid{e.context(path)};
}

core::Marked describe(const json& j) {
    switch (j.type()) {
    case json::value_t::null:
        return core::N_("null");
    case json::value_t::boolean:
        return core::N_("a boolean");
    case json::value_t::number_float:
        return core::N_("a number with a fraction");
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return core::N_("a number");
    case json::value_t::string:
        return core::N_("a string");
    case json::value_t::array:
        return core::N_("a list");
    case json::value_t::object:
        return core::N_("an object");
    default:
        return core::N_("a value of another kind");
    }
}

std::string as_string(const json& j, const std::string& path) {
    if (!j.is_string()) {
        fail(path, "must be a string, not {0}", describe(j));
    }
    return j.get<std::string>();
}

Money as_amount(const json& j, const std::string& path, core::Currency currency) {
    if (j.is_number()) {
        fail(path, "amounts are decimal strings, like \"1850.00\", not numbers (a number can lose cents)");
    }
    auto m = Money::parse(as_string(j, path), currency);
    if (!m) {
        fail(path, m.error());
    }
    return m.value();
}

Date as_date(const json& j, const std::string& path) {
    auto d = core::parse_iso_date(as_string(j, path));
    if (!d) {
        fail(path, d.error());
    }
    return d.value();
}

int as_int(const json& j, const std::string& path) {
    constexpr std::int64_t k_limit = 1000000;
    // JSON numbers past 64 bits arrive as unsigned (up to 2^64 - 1) or as floating point: both are
    // out of range, never wrapped into a small number.
    if (j.is_number_unsigned()) {
        const auto u = j.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(k_limit)) {
            fail(path, "{0} is out of range", u);
        }
        return static_cast<int>(u);
    }
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) > static_cast<double>(k_limit)) {
            fail(path, "a number this large is out of range");
        }
    }
    if (!j.is_number_integer()) {
        fail(path, "must be a whole number, not {0}", describe(j));
    }
    const auto v = j.get<std::int64_t>();
    if (v < -k_limit || v > k_limit) {
        fail(path, "{0} is out of range", v);
    }
    return static_cast<int>(v);
}

bool as_bool(const json& j, const std::string& path) {
    if (!j.is_boolean()) {
        fail(path, "must be true or false, not {0}", describe(j));
    }
    return j.get<bool>();
}

template <class T, class F> T parsed(const json& j, const std::string& path, F&& parse) {
    auto r = parse(as_string(j, path));
    if (!r) {
        fail(path, r.error());
    }
    return std::move(r).value();
}

// One JSON object being read: checks its keys against the allowed ones and records them.
class Obj {
public:
    Obj(const json& j, std::string path, std::initializer_list<std::string_view> allowed, KeySet* written)
        : m_j(j), m_path(std::move(path)) {
        if (!j.is_object()) {
            if (m_path.empty()) {
                throw Invalid{core::bad_input("the document must be an object, not {0}", describe(j))};
            }
            fail(m_path, "must be an object, not {0}", describe(j));
        }
        for (const auto& [key, value] : j.items()) {
            const bool known = std::find(allowed.begin(), allowed.end(), key) != allowed.end();
            if (!known) {
                const auto best = core::closest_match(key, std::vector<std::string_view>(allowed));
                const std::vector<std::string> names(allowed.begin(), allowed.end());
                if (best.empty()) {
                    fail(json_path(m_path, key), "unknown key (known keys: {0})", core::ListFact{names, {}});
                }
                fail(json_path(m_path, key), "unknown key (did you mean \"{0}\"?)", best);
            }
            if (written) {
                written->add(key);
            }
        }
    }

    [[nodiscard]] std::string at(std::string_view key) const { return json_path(m_path, key); }

    // The value of `key`, or nullptr when absent or null.
    [[nodiscard]] const json* optional(std::string_view key) const {
        const auto it = m_j.find(key);
        return it == m_j.end() || it->is_null() ? nullptr : &*it;
    }
    [[nodiscard]] const json& required(std::string_view key) const {
        const auto it = m_j.find(key);
        if (it == m_j.end()) {
            fail(m_path.empty() ? std::string(key) : m_path, "\"{0}\" is missing", key);
        }
        if (it->is_null()) {
            fail(at(key), "must not be null");
        }
        return *it;
    }

    [[nodiscard]] std::string string(std::string_view key) const { return as_string(required(key), at(key)); }
    [[nodiscard]] std::string string_or(std::string_view key, std::string fallback) const {
        const auto* v = optional(key);
        return v ? as_string(*v, at(key)) : fallback;
    }
    [[nodiscard]] Money amount(std::string_view key, core::Currency c) const { return as_amount(required(key), at(key), c); }
    [[nodiscard]] Money amount_or_zero(std::string_view key, core::Currency c) const {
        const auto* v = optional(key);
        return v ? as_amount(*v, at(key), c) : Money(c);
    }
    [[nodiscard]] Date date(std::string_view key) const { return as_date(required(key), at(key)); }
    [[nodiscard]] int integer_or(std::string_view key, int fallback) const {
        const auto* v = optional(key);
        return v ? as_int(*v, at(key)) : fallback;
    }
    [[nodiscard]] std::optional<int> nullable_integer(std::string_view key) const {
        const auto* v = optional(key);
        return v ? std::optional<int>(as_int(*v, at(key))) : std::nullopt;
    }
    [[nodiscard]] bool boolean_or(std::string_view key, bool fallback) const {
        const auto* v = optional(key);
        return v ? as_bool(*v, at(key)) : fallback;
    }
    template <class T, class F> T enumeration_or(std::string_view key, T fallback, F&& parse) const {
        const auto* v = optional(key);
        return v ? parsed<T>(*v, at(key), parse) : fallback;
    }
    template <class T, class F> T enumeration(std::string_view key, F&& parse) const {
        return parsed<T>(required(key), at(key), parse);
    }
    [[nodiscard]] const json& list_or_empty(std::string_view key) const {
        static const json empty = json::array();
        const auto* v = optional(key);
        if (!v) {
            return empty;
        }
        if (!v->is_array()) {
            fail(at(key), "must be a list, not {0}", describe(*v));
        }
        return *v;
    }

private:
    const json& m_j;
    std::string m_path;
};

Amount read_amount(const Obj& o, std::string_view key, core::Currency c) {
    const json& j = o.required(key);
    if (j.is_object()) {
        Obj range(j, o.at(key), {"min", "max"}, nullptr);
        return Amount::range(range.amount("min", c), range.amount("max", c));
    }
    return Amount::fixed(as_amount(j, o.at(key), c));
}

core::Schedule read_schedule(const Obj& o) {
    Obj s(o.required("schedule"), o.at("schedule"), {"rrule", "start", "end"}, nullptr);
    const std::string rrule = s.string("rrule");
    const Date start = s.date("start");
    std::optional<Date> end;
    if (const auto* e = s.optional("end")) {
        end = as_date(*e, s.at("end"));
    }
    auto rule = core::parse_rrule(rrule);
    if (!rule) {
        fail(s.at("rrule"), rule.error());
    }
    if (end && *end < start) {
        fail(s.at("end"), "{0} is before the start {1}", *end, start);
    }
    return core::Schedule{rrule, std::move(rule).value(), start, end};
}

Household read(const json& doc) {
    Household h;
    Obj top(doc, "", {"format", "household", "accounts", "incomes", "bills", "payments"}, &h.written);
    const std::string format = top.string("format");
    if (format != k_household_format) {
        fail("format", "\"{0}\" is not supported (this program reads {1})", format, k_household_format);
    }
    Obj hh(top.required("household"), "household",
           {"name", "currency", "timezone", "weekend", "holiday_region", "holidays", "holidays_removed", "intraday_order",
            "warning_lead_days"},
           &h.written);
    h.name = hh.string("name");
    h.currency = hh.enumeration<core::Currency>("currency", core::Currency::from_code);
    h.timezone = hh.string_or("timezone", "UTC");
    if (!is_known_time_zone(h.timezone)) {
        fail(hh.at("timezone"), "\"{0}\" is not a time zone of the IANA database (such as Europe/London or UTC)",
             h.timezone);
    }
    if (const auto* w = hh.optional("weekend")) {
        if (!w->is_array()) {
            fail(hh.at("weekend"), "must be a list of two-letter days, like [\"SA\", \"SU\"]");
        }
        h.weekend.clear();
        for (std::size_t i = 0; i < w->size(); ++i) {
            h.weekend.push_back(parsed<date::weekday>((*w)[i], json_path(hh.at("weekend"), i), core::parse_weekday_code));
        }
    }
    h.holiday_region = hh.enumeration_or("holiday_region", core::HolidayRegion::none, core::parse_holiday_region);
    for (const auto& [key, list] : {std::pair{"holidays", &h.holidays}, std::pair{"holidays_removed", &h.holidays_removed}}) {
        const json& dates = hh.list_or_empty(key);
        for (std::size_t i = 0; i < dates.size(); ++i) {
            list->push_back(as_date(dates[i], json_path(hh.at(key), i)));
        }
    }
    h.intraday_order = hh.enumeration_or("intraday_order", core::IntradayOrder::debits_first,
                                         core::parse_intraday_order);
    if (const auto* lead = hh.optional("warning_lead_days")) {
        auto& t = h.lead_times;
        Obj lt(*lead, hh.at("warning_lead_days"), {"overdraft", "below_cushion", "bill_at_risk", "autopay_insufficient_funds"},
               &t.written);
        t.overdraft = lt.integer_or("overdraft", t.overdraft);
        t.below_cushion = lt.integer_or("below_cushion", t.below_cushion);
        t.bill_at_risk = lt.integer_or("bill_at_risk", t.bill_at_risk);
        t.autopay_insufficient_funds = lt.integer_or("autopay_insufficient_funds", t.autopay_insufficient_funds);
    }
    const auto c = h.currency;

    const json& accounts = top.list_or_empty("accounts");
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        core::Account a;
        Obj o(accounts[i], json_path("accounts", i),
              {"id", "name", "balance", "as_of", "overdraft_limit", "overdraft_fee", "cushion", "when_uncovered",
               "returned_item_fee"},
              &a.written);
        a.id = o.string("id");
        a.name = o.string("name");
        a.balance = o.amount("balance", c);
        a.as_of = o.date("as_of");
        a.overdraft_limit = o.amount_or_zero("overdraft_limit", c);
        a.overdraft_fee = o.amount_or_zero("overdraft_fee", c);
        a.cushion = o.amount_or_zero("cushion", c);
        a.when_uncovered = o.enumeration_or("when_uncovered", core::Uncovered::pay, core::parse_uncovered);
        a.returned_item_fee = o.amount_or_zero("returned_item_fee", c);
        h.accounts.push_back(std::move(a));
    }

    const json& incomes = top.list_or_empty("incomes");
    for (std::size_t i = 0; i < incomes.size(); ++i) {
        core::Income x;
        Obj o(incomes[i], json_path("incomes", i),
              {"id", "name", "source", "account", "amount", "schedule", "business_day"}, &x.written);
        x.id = o.string("id");
        x.name = o.string("name");
        x.source = o.string_or("source", "");
        x.account = o.string("account");
        x.amount = read_amount(o, "amount", c);
        x.schedule = read_schedule(o);
        x.business_day = o.enumeration_or("business_day", core::BusinessDayRule::none, core::parse_business_day_rule);
        h.incomes.push_back(std::move(x));
    }

    const json& bills = top.list_or_empty("bills");
    for (std::size_t i = 0; i < bills.size(); ++i) {
        core::Bill b;
        Obj o(bills[i], json_path("bills", i),
              {"id", "name", "payee", "account", "amount", "minimum", "schedule", "business_day", "priority", "autopay",
               "autopay_lead_days", "grace_days", "late_fee", "returned_payment_fee", "reported_late_after_days",
               "shutoff_after_days", "hardship_contact"},
              &b.written);
        b.id = o.string("id");
        b.name = o.string("name");
        b.payee = o.string_or("payee", "");
        b.account = o.string("account");
        b.amount = read_amount(o, "amount", c);
        if (const auto* m = o.optional("minimum")) {
            b.minimum = as_amount(*m, o.at("minimum"), c);
        }
        b.schedule = read_schedule(o);
        b.business_day = o.enumeration_or("business_day", core::BusinessDayRule::none, core::parse_business_day_rule);
        b.priority = o.enumeration<core::Priority>("priority", core::parse_priority);
        b.autopay = o.boolean_or("autopay", false);
        b.autopay_lead_days = o.integer_or("autopay_lead_days", 0);
        b.grace_days = o.integer_or("grace_days", 0);
        b.late_fee = o.amount_or_zero("late_fee", c);
        b.returned_payment_fee = o.amount_or_zero("returned_payment_fee", c);
        b.reported_late_after_days = o.nullable_integer("reported_late_after_days");
        b.shutoff_after_days = o.nullable_integer("shutoff_after_days");
        b.hardship_contact = o.string_or("hardship_contact", "");
        h.bills.push_back(std::move(b));
    }

    const json& payments = top.list_or_empty("payments");
    for (std::size_t i = 0; i < payments.size(); ++i) {
        core::Payment p;
        Obj o(payments[i], json_path("payments", i), {"item", "due", "status", "date", "amount"}, &p.written);
        p.item = o.string("item");
        p.due = o.date("due");
        p.status = o.enumeration<core::PaymentStatus>("status", core::parse_payment_status);
        if (const auto* d = o.optional("date")) {
            p.date = as_date(*d, o.at("date"));
        }
        if (const auto* m = o.optional("amount")) {
            p.amount = as_amount(*m, o.at("amount"), c);
        }
        h.payments.push_back(std::move(p));
    }

    if (auto s = core::validate(h); !s) {
        throw Invalid{std::move(s).error()};
    }
    return h;
}

// Writing -----------------------------------------------------------------------------------

ojson amount_json(const Amount& a) {
    if (a.is_range) {
        ojson r;
        r["min"] = a.min.to_string();
        r["max"] = a.max.to_string();
        return r;
    }
    return a.min.to_string();
}

ojson schedule_json(const core::Schedule& s) {
    ojson j;
    j["rrule"] = s.rrule;
    j["start"] = core::to_iso(s.start);
    if (s.end) {
        j["end"] = core::to_iso(*s.end);
    }
    return j;
}

// Writes `key` when the source spelled it out or the value is not the default.
class Out {
public:
    Out(ojson& j, const KeySet& written) : m_j(j), m_written(written) {}
    template <class V> void always(const char* key, V&& value) { m_j[key] = std::forward<V>(value); }
    template <class V> void unless_default(const char* key, bool is_default, V&& value) {
        if (!is_default || m_written.has(key)) {
            m_j[key] = std::forward<V>(value);
        }
    }

private:
    ojson& m_j;
    const KeySet& m_written;
};

ojson nullable(const std::optional<int>& v) { return v ? ojson(*v) : ojson(nullptr); }

} // namespace

core::Result<Household> parse_household(std::string_view json_text) {
    auto doc = parse_json_strict(json_text);
    if (!doc) {
        return std::move(doc).error();
    }
    try {
        return read(doc.value());
    } catch (Invalid& e) {
        return std::move(e.error);
    } catch (const core::MoneyError& e) {
        return e.error();
    }
}

core::Result<Household> load_household_file(const std::filesystem::path& path) {
    auto text = read_text_file(path);
    if (!text) {
        return std::move(text).error();
    }
    auto h = parse_household(text.value());
    if (!h) {
        return std::move(h).error().context(path.string());
    }
    return h;
}

std::string household_to_json(const Household& h) {
    ojson doc;
    doc["format"] = std::string(k_household_format);
    ojson hh;
    Out ho(hh, h.written);
    ho.always("name", h.name);
    ho.always("currency", std::string(h.currency.code()));
    ho.unless_default("timezone", h.timezone == "UTC", h.timezone);
    {
        ojson w = ojson::array();
        for (auto wd : h.weekend) {
            w.push_back(std::string(core::weekday_code(wd)));
        }
        const bool default_weekend = h.weekend == std::vector<date::weekday>{date::Saturday, date::Sunday};
        ho.unless_default("weekend", default_weekend, w);
    }
    ho.unless_default("holiday_region", h.holiday_region == core::HolidayRegion::none,
                      std::string(core::to_string(h.holiday_region)));
    for (const auto& [key, list] : {std::pair{"holidays", &h.holidays}, std::pair{"holidays_removed", &h.holidays_removed}}) {
        ojson hol = ojson::array();
        for (auto d : *list) {
            hol.push_back(core::to_iso(d));
        }
        ho.unless_default(key, list->empty(), hol);
    }
    ho.unless_default("intraday_order", h.intraday_order == core::IntradayOrder::debits_first,
                      std::string(core::to_string(h.intraday_order)));
    {
        const auto& t = h.lead_times;
        const core::WarningLeadTimes defaults;
        ojson lt = ojson::object();
        Out lo(lt, t.written);
        lo.unless_default("overdraft", t.overdraft == defaults.overdraft, t.overdraft);
        lo.unless_default("below_cushion", t.below_cushion == defaults.below_cushion, t.below_cushion);
        lo.unless_default("bill_at_risk", t.bill_at_risk == defaults.bill_at_risk, t.bill_at_risk);
        lo.unless_default("autopay_insufficient_funds", t.autopay_insufficient_funds == defaults.autopay_insufficient_funds,
                          t.autopay_insufficient_funds);
        ho.unless_default("warning_lead_days", lt.empty(), lt);
    }
    doc["household"] = hh;

    Out top(doc, h.written);
    ojson accounts = ojson::array();
    for (const auto& a : h.accounts) {
        ojson j;
        Out o(j, a.written);
        o.always("id", a.id);
        o.always("name", a.name);
        o.always("balance", a.balance.to_string());
        o.always("as_of", core::to_iso(a.as_of));
        o.unless_default("overdraft_limit", a.overdraft_limit.is_zero(), a.overdraft_limit.to_string());
        o.unless_default("overdraft_fee", a.overdraft_fee.is_zero(), a.overdraft_fee.to_string());
        o.unless_default("cushion", a.cushion.is_zero(), a.cushion.to_string());
        o.unless_default("when_uncovered", a.when_uncovered == core::Uncovered::pay,
                         std::string(core::to_string(a.when_uncovered)));
        o.unless_default("returned_item_fee", a.returned_item_fee.is_zero(), a.returned_item_fee.to_string());
        accounts.push_back(std::move(j));
    }
    top.unless_default("accounts", h.accounts.empty(), accounts);

    ojson incomes = ojson::array();
    for (const auto& x : h.incomes) {
        ojson j;
        Out o(j, x.written);
        o.always("id", x.id);
        o.always("name", x.name);
        o.unless_default("source", x.source.empty(), x.source);
        o.always("account", x.account);
        o.always("amount", amount_json(x.amount));
        o.always("schedule", schedule_json(x.schedule));
        o.unless_default("business_day", x.business_day == core::BusinessDayRule::none,
                         std::string(core::to_string(x.business_day)));
        incomes.push_back(std::move(j));
    }
    top.unless_default("incomes", h.incomes.empty(), incomes);

    ojson bills = ojson::array();
    for (const auto& b : h.bills) {
        ojson j;
        Out o(j, b.written);
        o.always("id", b.id);
        o.always("name", b.name);
        o.unless_default("payee", b.payee.empty(), b.payee);
        o.always("account", b.account);
        o.always("amount", amount_json(b.amount));
        o.unless_default("minimum", !b.minimum, b.minimum ? ojson(b.minimum->to_string()) : ojson(nullptr));
        o.always("schedule", schedule_json(b.schedule));
        o.unless_default("business_day", b.business_day == core::BusinessDayRule::none,
                         std::string(core::to_string(b.business_day)));
        o.always("priority", std::string(core::to_string(b.priority)));
        o.unless_default("autopay", !b.autopay, b.autopay);
        o.unless_default("autopay_lead_days", b.autopay_lead_days == 0, b.autopay_lead_days);
        o.unless_default("grace_days", b.grace_days == 0, b.grace_days);
        o.unless_default("late_fee", b.late_fee.is_zero(), b.late_fee.to_string());
        o.unless_default("returned_payment_fee", b.returned_payment_fee.is_zero(), b.returned_payment_fee.to_string());
        o.unless_default("reported_late_after_days", !b.reported_late_after_days, nullable(b.reported_late_after_days));
        o.unless_default("shutoff_after_days", !b.shutoff_after_days, nullable(b.shutoff_after_days));
        o.unless_default("hardship_contact", b.hardship_contact.empty(), b.hardship_contact);
        bills.push_back(std::move(j));
    }
    top.unless_default("bills", h.bills.empty(), bills);

    ojson payments = ojson::array();
    for (const auto& p : h.payments) {
        ojson j;
        j["item"] = p.item;
        j["due"] = core::to_iso(p.due);
        j["status"] = std::string(core::to_string(p.status));
        if (p.date) {
            j["date"] = core::to_iso(*p.date);
        }
        if (p.amount) {
            j["amount"] = p.amount->to_string();
        }
        payments.push_back(std::move(j));
    }
    top.unless_default("payments", h.payments.empty(), payments);
    return doc.dump(2) + "\n";
}

core::Status save_household_file(const Household& household, const std::filesystem::path& path) {
    return write_file_atomically(path, household_to_json(household));
}

bool is_known_time_zone(std::string_view name) {
    if (name.empty()) {
        return false;
    }
    try {
        return date::locate_zone(name) != nullptr;
    } catch (const std::exception&) {
        return false;
    }
}

core::Result<std::string> read_text_file(const std::filesystem::path& path, std::size_t max_bytes) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        return core::problem(core::Errc::io, "is a folder, not a file").context(path.string());
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return core::problem(errno == ENOENT ? core::Errc::not_found : core::Errc::io, "cannot open ({0})",
                             std::strerror(errno))
            .context(path.string());
    }
    std::string text;
    char buf[65536];
    while (true) {
        const auto n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            const auto e =
                core::problem(core::Errc::io, "cannot read ({0})", std::strerror(errno)).context(path.string());
            ::close(fd);
            return e;
        }
        if (n == 0) {
            break;
        }
        if (text.size() + static_cast<std::size_t>(n) > max_bytes) {
            ::close(fd);
            return core::bad_input("is too large (more than {0} bytes) for what it should hold", max_bytes)
                .context(path.string());
        }
        text.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return text;
}

core::Status write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    const auto fail_io = [&](core::Marked what) {
        return core::problem(core::Errc::io, what, std::strerror(errno)).context(path.string());
    };
    std::filesystem::path tmp = path;
    tmp += ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return fail_io(core::N_("cannot create a temporary file beside it ({0})"));
    }
    std::size_t done = 0;
    while (done < content.size()) {
        const auto n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            auto e = fail_io(core::N_("cannot write ({0})"));
            ::close(fd);
            ::unlink(tmp.c_str());
            return e;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        auto e = fail_io(core::N_("cannot sync ({0})"));
        ::close(fd);
        ::unlink(tmp.c_str());
        return e;
    }
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        auto e = fail_io(core::N_("cannot rename the temporary file into place ({0})"));
        ::unlink(tmp.c_str());
        return e;
    }
    // Sync the folder so the rename itself survives a crash.
    auto dir = path.parent_path();
    if (dir.empty()) {
        dir = ".";
    }
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

} // namespace steadypay::storage

#include "storage/household_rows.hpp"

#include "core/numbers.hpp"
#include "core/text.hpp"
#include "storage/household_file.hpp"

#include <map>
#include <variant>

namespace steadypay::storage {

namespace {

using core::Currency;
using core::Date;
using core::Error;
using core::Errc;
using core::Household;
using core::Money;
using core::Result;
using core::Status;

std::string join(const std::vector<std::string>& parts, char sep) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) {
            s += sep;
        }
        s += parts[i];
    }
    return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    if (s.empty()) {
        return out;
    }
    std::size_t begin = 0;
    while (true) {
        const auto pos = s.find(sep, begin);
        out.push_back(s.substr(begin, pos == std::string::npos ? std::string::npos : pos - begin));
        if (pos == std::string::npos) {
            return out;
        }
        begin = pos + 1;
    }
}

std::string written_text(const core::KeySet& k) { return join(k.keys(), ','); }

core::KeySet written_keys(const std::string& text) {
    core::KeySet k;
    for (const auto& key : split(text, ',')) {
        k.add(key);
    }
    return k;
}

// Reading ------------------------------------------------------------------------------------

// The fields of one row, each checked as it is read. A damaged field is recorded and read as a
// placeholder; the caller drops the row when `damaged()`.
class Fields {
public:
    Fields(const Statement& s, std::string table, std::vector<Damage>& out)
        : m_s(s), m_table(std::move(table)), m_out(out), m_first(out.size()), m_row(s.column_int(0)) {}

    [[nodiscard]] bool damaged() const { return m_out.size() > m_first; }
    [[nodiscard]] std::int64_t row() const { return m_row; }

    void damage(const char* field, Error problem) {
        m_out.push_back(Damage{m_table, m_row, field, std::move(problem)});
    }
    template <class... F> void damage(const char* field, core::Message what, const F&... facts) {
        damage(field, core::problem(Errc::store_unavailable, what, facts...));
    }

    std::string text(int col, const char* field) {
        if (m_s.column_type(col) != SQLITE_TEXT) {
            damage(field, "holds {0} where text belongs", kind(col));
            return {};
        }
        return m_s.column_text(col);
    }
    std::optional<std::string> optional_text(int col, const char* field) {
        if (m_s.column_is_null(col)) {
            return std::nullopt;
        }
        return text(col, field);
    }
    std::int64_t integer(int col, const char* field, std::int64_t lo, std::int64_t hi) {
        if (m_s.column_type(col) != SQLITE_INTEGER) {
            damage(field, "holds {0} where a whole number belongs", kind(col));
            return lo;
        }
        const auto v = m_s.column_int(col);
        if (v < lo || v > hi) {
            damage(field, "{0} is out of range ({1}..{2})", v, lo, hi);
            return lo;
        }
        return v;
    }
    std::optional<int> optional_count(int col, const char* field, int lo, int hi) {
        if (m_s.column_is_null(col)) {
            return std::nullopt;
        }
        return static_cast<int>(integer(col, field, lo, hi));
    }
    int count(int col, const char* field, int lo, int hi) { return static_cast<int>(integer(col, field, lo, hi)); }
    bool flag(int col, const char* field) { return integer(col, field, 0, 1) != 0; }
    Money money(int col, const char* field, Currency c, bool may_be_negative) {
        return Money::from_minor(
            integer(col, field, may_be_negative ? -core::k_max_amount_minor : 0, core::k_max_amount_minor), c);
    }
    std::optional<Money> optional_money(int col, const char* field, Currency c) {
        if (m_s.column_is_null(col)) {
            return std::nullopt;
        }
        return money(col, field, c, false);
    }
    Date date(int col, const char* field) { return date_of(text(col, field), field); }
    std::optional<Date> optional_date(int col, const char* field) {
        auto t = optional_text(col, field);
        return t ? std::optional<Date>(date_of(*t, field)) : std::nullopt;
    }
    // A value one of core's parse functions reads ("housing", "following"...).
    template <class T, class Parse> T choice(int col, const char* field, Parse parse) {
        const auto t = text(col, field);
        if (damaged_field(field)) {
            return T{};
        }
        auto v = parse(t);
        if (!v) {
            damage(field, v.error());
            return T{};
        }
        return v.value();
    }
    Date date_of(const std::string& iso, const char* field) {
        if (damaged_field(field)) {
            return Date{};
        }
        auto d = core::parse_iso_date(iso);
        if (!d) {
            damage(field, d.error());
            return Date{};
        }
        return d.value();
    }

private:
    [[nodiscard]] bool damaged_field(const char* field) const {
        for (std::size_t i = m_first; i < m_out.size(); ++i) {
            if (m_out[i].field == field) {
                return true;
            }
        }
        return false;
    }
    [[nodiscard]] core::Marked kind(int col) const {
        switch (m_s.column_type(col)) {
        case SQLITE_INTEGER:
            return core::N_("a whole number");
        case SQLITE_FLOAT:
            return core::N_("a fraction");
        case SQLITE_NULL:
            return core::N_("nothing");
        case SQLITE_BLOB:
            return core::N_("binary data");
        default:
            return core::N_("text");
        }
    }

    const Statement& m_s;
    std::string m_table;
    std::vector<Damage>& m_out;
    std::size_t m_first;
    std::int64_t m_row;
};

Error damaged(const Damage& d) {
    return problem(Errc::store_unavailable, "the store is damaged").because(describe(d));
}

class Reader {
public:
    Reader(const Database& db, std::int64_t id, std::vector<Damage>* collect)
        : m_db(db), m_id(id), m_collect(collect) {}

    Result<Household> run() {
        Household h;
        Status s = household(h);
        if (s) s = settings(h);
        if (s) s = accounts(h);
        if (s) s = incomes(h);
        if (s) s = bills(h);
        if (s) s = payments(h);
        if (!s) {
            return std::move(s).error();
        }
        if (m_collect) {
            m_collect->insert(m_collect->end(), m_damage.begin(), m_damage.end());
        }
        return h;
    }

private:
    // Runs `sql` (its first column the rowid, its parameter the household) and calls `row` with
    // each row's fields. Damage stops the read unless it is being collected.
    template <class F> Status rows(const char* table, const std::string& sql, F&& row) {
        auto s = m_db.prepare(sql);
        if (!s) {
            return std::move(s).error();
        }
        s->bind(1, m_id);
        return each_row(s.value(), [&]() -> Status {
            Fields f(s.value(), table, m_damage);
            row(f);
            if (f.damaged() && !m_collect) {
                return damaged(m_damage.front());
            }
            return {};
        });
    }

    Status household(Household& h) {
        bool found = false;
        auto s = rows("households",
                      "SELECT rowid, name, currency, timezone, weekend, holidays, intraday_order, written, holiday_region, "
                      "holidays_removed FROM households "
                      "WHERE id = ?1",
                      [&](Fields& f) {
                          found = true;
                          h.name = f.text(1, "name");
                          h.currency = f.choice<Currency>(2, "currency", Currency::from_code);
                          h.timezone = f.text(3, "timezone");
                          if (!f.damaged() && !is_known_time_zone(h.timezone)) {
                              f.damage("timezone", "{0} is not a time zone", core::quote_input(h.timezone));
                          }
                          h.weekend.clear();
                          for (const auto& code : split(f.text(4, "weekend"), ',')) {
                              auto wd = core::parse_weekday_code(code);
                              if (!wd) {
                                  f.damage("weekend", wd.error());
                                  break;
                              }
                              h.weekend.push_back(wd.value());
                          }
                          for (const auto& d : split(f.text(5, "holidays"), ',')) {
                              h.holidays.push_back(f.date_of(d, "holidays"));
                          }
                          h.intraday_order = f.choice<core::IntradayOrder>(6, "intraday_order", core::parse_intraday_order);
                          h.written = written_keys(f.text(7, "written"));
                          h.holiday_region = f.choice<core::HolidayRegion>(8, "holiday_region", core::parse_holiday_region);
                          for (const auto& d : split(f.text(9, "holidays_removed"), ',')) {
                              h.holidays_removed.push_back(f.date_of(d, "holidays_removed"));
                          }
                      });
        if (!s) {
            return s;
        }
        if (!found) {
            return problem(Errc::store_unavailable, "the store is damaged: it holds no household");
        }
        if (!m_damage.empty() && !m_collect) {
            return damaged(m_damage.front());
        }
        return {};
    }

    Status settings(Household& h) {
        auto& t = h.lead_times;
        return rows("settings", "SELECT rowid, key, value FROM settings WHERE household_id = ?1", [&](Fields& f) {
            const auto key = f.text(1, "key");
            const auto value = f.text(2, "value");
            if (f.damaged()) {
                return;
            }
            if (key == "lead_times.written") {
                t.written = written_keys(value);
                return;
            }
            int* target = key == "lead_days.overdraft"                    ? &t.overdraft
                          : key == "lead_days.below_cushion"              ? &t.below_cushion
                          : key == "lead_days.bill_at_risk"               ? &t.bill_at_risk
                          : key == "lead_days.autopay_insufficient_funds" ? &t.autopay_insufficient_funds
                                                                          : nullptr;
            if (!target) {
                f.damage("key", "{0} is not a setting", core::quote_input(key));
                return;
            }
            const auto n = core::parse_whole(value, 0, 365);
            if (!n) {
                f.damage("value", "{0}: {1} is not a day count (0..365)", key, core::quote_input(value));
                return;
            }
            *target = static_cast<int>(n.value);
        });
    }

    Status accounts(Household& h) {
        const auto c = h.currency;
        return rows("accounts",
                    "SELECT rowid, id, name, balance, as_of, overdraft_limit, overdraft_fee, cushion, written, "
                    "when_uncovered, returned_item_fee FROM accounts WHERE household_id = ?1 ORDER BY position, rowid",
                    [&](Fields& f) {
                        core::Account a;
                        a.id = f.text(1, "id");
                        a.name = f.text(2, "name");
                        a.balance = f.money(3, "balance", c, true);
                        a.as_of = f.date(4, "as_of");
                        a.overdraft_limit = f.money(5, "overdraft_limit", c, false);
                        a.overdraft_fee = f.money(6, "overdraft_fee", c, false);
                        a.cushion = f.money(7, "cushion", c, false);
                        a.written = written_keys(f.text(8, "written"));
                        a.when_uncovered = f.choice<core::Uncovered>(9, "when_uncovered", core::parse_uncovered);
                        a.returned_item_fee = f.money(10, "returned_item_fee", c, false);
                        if (!f.damaged()) {
                            h.accounts.push_back(std::move(a));
                        }
                    });
    }

    // The rule, start and end of an income's or bill's schedule, from three columns.
    static core::Schedule schedule(Fields& f, int col) {
        const auto rrule = f.text(col, "rrule");
        const auto start = f.date(col + 1, "start");
        const auto end = f.optional_date(col + 2, "end");
        if (f.damaged()) {
            return {};
        }
        auto s = core::Schedule::make(rrule, start, end);
        if (!s) {
            f.damage("rrule", s.error());
            return {};
        }
        return std::move(s).value();
    }

    static core::Amount amount(Fields& f, int col, Currency c) {
        core::Amount a;
        a.min = f.money(col, "amount_min", c, false);
        a.max = f.money(col + 1, "amount_max", c, false);
        a.is_range = f.flag(col + 2, "amount_is_range");
        if (!f.damaged() && (a.max < a.min || (!a.is_range && !(a.max == a.min)))) {
            f.damage("amount_max", "{0} does not go with amount_min {1}", a.max, a.min);
        }
        return a;
    }

    Status incomes(Household& h) {
        const auto c = h.currency;
        return rows("incomes",
                    "SELECT rowid, id, name, source, account_id, amount_min, amount_max, amount_is_range, rrule, start, "
                    "end, business_day, written FROM incomes WHERE household_id = ?1 ORDER BY position, rowid",
                    [&](Fields& f) {
                        core::Income x;
                        x.id = f.text(1, "id");
                        x.name = f.text(2, "name");
                        x.source = f.text(3, "source");
                        x.account = f.text(4, "account_id");
                        x.amount = amount(f, 5, c);
                        x.schedule = schedule(f, 8);
                        x.business_day =
                            f.choice<core::BusinessDayRule>(11, "business_day", core::parse_business_day_rule);
                        x.written = written_keys(f.text(12, "written"));
                        if (!f.damaged()) {
                            h.incomes.push_back(std::move(x));
                        }
                    });
    }

    Status bills(Household& h) {
        const auto c = h.currency;
        return rows(
            "bills",
            "SELECT rowid, id, name, payee, account_id, amount_min, amount_max, amount_is_range, minimum, rrule, start, "
            "end, business_day, priority, autopay, autopay_lead_days, grace_days, late_fee, reported_late_after_days, "
            "shutoff_after_days, hardship_contact, written, returned_payment_fee FROM bills WHERE household_id = ?1 "
            "ORDER BY position, rowid",
            [&](Fields& f) {
                core::Bill b;
                b.id = f.text(1, "id");
                b.name = f.text(2, "name");
                b.payee = f.text(3, "payee");
                b.account = f.text(4, "account_id");
                b.amount = amount(f, 5, c);
                b.minimum = f.optional_money(8, "minimum", c);
                b.schedule = schedule(f, 9);
                b.business_day = f.choice<core::BusinessDayRule>(12, "business_day", core::parse_business_day_rule);
                b.priority = f.choice<core::Priority>(13, "priority", core::parse_priority);
                b.autopay = f.flag(14, "autopay");
                b.autopay_lead_days = f.count(15, "autopay_lead_days", 0, 60);
                b.grace_days = f.count(16, "grace_days", 0, 365);
                b.late_fee = f.money(17, "late_fee", c, false);
                b.reported_late_after_days = f.optional_count(18, "reported_late_after_days", 1, 3650);
                b.shutoff_after_days = f.optional_count(19, "shutoff_after_days", 1, 3650);
                b.hardship_contact = f.text(20, "hardship_contact");
                b.written = written_keys(f.text(21, "written"));
                b.returned_payment_fee = f.money(22, "returned_payment_fee", c, false);
                if (!f.damaged()) {
                    h.bills.push_back(std::move(b));
                }
            });
    }

    Status payments(Household& h) {
        const auto c = h.currency;
        return rows("payments",
                    "SELECT rowid, item_id, due, status, date, amount FROM payments WHERE household_id = ?1 "
                    "ORDER BY position, rowid",
                    [&](Fields& f) {
                        core::Payment p;
                        p.item = f.text(1, "item_id");
                        p.due = f.date(2, "due");
                        p.status = f.choice<core::PaymentStatus>(3, "status", core::parse_payment_status);
                        p.date = f.optional_date(4, "date");
                        p.amount = f.optional_money(5, "amount", c);
                        if (!f.damaged()) {
                            h.payments.push_back(std::move(p));
                        }
                    });
    }

    const Database& m_db;
    std::int64_t m_id;
    std::vector<Damage>* m_collect;
    std::vector<Damage> m_damage;
};

// Writing ------------------------------------------------------------------------------------

using Value = std::variant<std::monostate, std::int64_t, std::string>;

struct Row {
    std::vector<Value> key;    // the key columns after household_id
    std::vector<Value> values; // the other columns, position aside
};

struct Table {
    const char* name;
    std::vector<const char*> key_columns;
    std::vector<const char*> columns;
};

Value iso(const std::optional<Date>& d) { return d ? Value(core::to_iso(*d)) : Value(); }
Value minor(const std::optional<Money>& m) { return m ? Value(m->minor()) : Value(); }
Value count(const std::optional<int>& v) { return v ? Value(std::int64_t{*v}) : Value(); }
Value flag(bool b) { return std::int64_t{b ? 1 : 0}; }

const Table k_accounts{"accounts",
                       {"id"},
                       {"name", "balance", "as_of", "overdraft_limit", "overdraft_fee", "cushion", "written",
                        "when_uncovered", "returned_item_fee"}};
const Table k_incomes{"incomes",
                      {"id"},
                      {"name", "source", "account_id", "amount_min", "amount_max", "amount_is_range", "rrule", "start",
                       "end", "business_day", "written"}};
const Table k_bills{"bills",
                    {"id"},
                    {"name", "payee", "account_id", "amount_min", "amount_max", "amount_is_range", "minimum", "rrule",
                     "start", "end", "business_day", "priority", "autopay", "autopay_lead_days", "grace_days",
                     "late_fee", "reported_late_after_days", "shutoff_after_days", "hardship_contact", "written",
                     "returned_payment_fee"}};
const Table k_payments{"payments", {"item_id", "due"}, {"status", "date", "amount"}};
const Table k_settings{"settings", {"key"}, {"value"}};

std::vector<Row> rows_of_accounts(const Household& h) {
    std::vector<Row> out;
    for (const auto& a : h.accounts) {
        out.push_back(Row{{a.id},
                          {a.name, a.balance.minor(), core::to_iso(a.as_of), a.overdraft_limit.minor(),
                           a.overdraft_fee.minor(), a.cushion.minor(), written_text(a.written),
                           std::string(core::to_string(a.when_uncovered)), a.returned_item_fee.minor()}});
    }
    return out;
}

std::vector<Row> rows_of_incomes(const Household& h) {
    std::vector<Row> out;
    for (const auto& x : h.incomes) {
        out.push_back(Row{{x.id},
                          {x.name, x.source, x.account, x.amount.min.minor(), x.amount.max.minor(),
                           flag(x.amount.is_range), x.schedule.rrule, core::to_iso(x.schedule.start),
                           iso(x.schedule.end), std::string(core::to_string(x.business_day)),
                           written_text(x.written)}});
    }
    return out;
}

std::vector<Row> rows_of_bills(const Household& h) {
    std::vector<Row> out;
    for (const auto& b : h.bills) {
        out.push_back(Row{{b.id},
                          {b.name, b.payee, b.account, b.amount.min.minor(), b.amount.max.minor(),
                           flag(b.amount.is_range), minor(b.minimum), b.schedule.rrule, core::to_iso(b.schedule.start),
                           iso(b.schedule.end), std::string(core::to_string(b.business_day)),
                           std::string(core::to_string(b.priority)), flag(b.autopay),
                           std::int64_t{b.autopay_lead_days}, std::int64_t{b.grace_days}, b.late_fee.minor(),
                           count(b.reported_late_after_days), count(b.shutoff_after_days), b.hardship_contact,
                           written_text(b.written), b.returned_payment_fee.minor()}});
    }
    return out;
}

std::vector<Row> rows_of_payments(const Household& h) {
    std::vector<Row> out;
    for (const auto& p : h.payments) {
        out.push_back(Row{{p.item, core::to_iso(p.due)},
                          {std::string(core::to_string(p.status)), iso(p.date), minor(p.amount)}});
    }
    return out;
}

std::vector<Row> rows_of_settings(const Household& h) {
    const auto& t = h.lead_times;
    return {Row{{std::string("lead_days.overdraft")}, {std::to_string(t.overdraft)}},
            Row{{std::string("lead_days.below_cushion")}, {std::to_string(t.below_cushion)}},
            Row{{std::string("lead_days.bill_at_risk")}, {std::to_string(t.bill_at_risk)}},
            Row{{std::string("lead_days.autopay_insufficient_funds")}, {std::to_string(t.autopay_insufficient_funds)}},
            Row{{std::string("lead_times.written")}, {written_text(t.written)}}};
}

Statement& bind_value(Statement& s, int index, const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        return s.bind(index, *i);
    }
    if (const auto* t = std::get_if<std::string>(&v)) {
        return s.bind(index, *t);
    }
    return s.bind(index, std::nullopt);
}

// Brings `table` from `before` to `after` (both in list order), touching only the rows that differ.
// Tables with a `position` keep each row's old position while the order allows it.
Status sync(const Database& db, std::int64_t id, const Table& table, const std::vector<Row>& before,
            const std::vector<Row>& after, bool positioned) {
    std::map<std::vector<Value>, const Row*> old_rows;
    for (const auto& r : before) {
        old_rows[r.key] = &r;
    }
    std::map<std::vector<Value>, std::int64_t> old_positions;
    std::string key_match;
    for (std::size_t k = 0; k < table.key_columns.size(); ++k) {
        key_match += std::string(" AND ") + table.key_columns[k] + " = ?" + std::to_string(k + 2);
    }
    if (positioned && !before.empty()) {
        std::string cols;
        for (const auto* c : table.key_columns) {
            cols += std::string(c) + ", ";
        }
        auto q = db.prepare("SELECT " + cols + "position FROM " + table.name + " WHERE household_id = ?1");
        if (!q) {
            return std::move(q).error();
        }
        q->bind(1, id);
        const auto n = static_cast<int>(table.key_columns.size());
        auto s = each_row(q.value(), [&]() -> Status {
            std::vector<Value> key;
            for (int k = 0; k < n; ++k) {
                key.emplace_back(q->column_text(k));
            }
            old_positions[key] = q->column_int(n);
            return {};
        });
        if (!s) {
            return s;
        }
    }
    std::map<std::vector<Value>, bool> kept;
    for (const auto& r : after) {
        kept[r.key] = true;
    }
    auto remove = db.prepare(std::string("DELETE FROM ") + table.name + " WHERE household_id = ?1" + key_match);
    if (!remove) {
        return std::move(remove).error();
    }
    for (const auto& r : before) {
        if (kept.count(r.key)) {
            continue;
        }
        remove->bind(1, id);
        for (std::size_t k = 0; k < r.key.size(); ++k) {
            bind_value(remove.value(), static_cast<int>(k + 2), r.key[k]);
        }
        if (auto s = remove->run(); !s) {
            return s;
        }
    }
    // INSERT binds household_id, the keys, the columns, then the position; UPDATE sets the
    // columns and the position of the row with those keys.
    std::string names = "household_id";
    std::string marks = "?1";
    std::string sets;
    int n = 1;
    for (const auto* c : table.key_columns) {
        names += std::string(", ") + c;
        marks += ", ?" + std::to_string(++n);
    }
    const int first_column = n + 1;
    for (const auto* c : table.columns) {
        names += std::string(", ") + c;
        marks += ", ?" + std::to_string(++n);
        sets += (sets.empty() ? "" : ", ") + std::string(c) + " = ?" + std::to_string(n);
    }
    if (positioned) {
        names += ", position";
        marks += ", ?" + std::to_string(++n);
        sets += ", position = ?" + std::to_string(n);
    }
    // A key-value table may lack a key the household has (a store made before it existed): there,
    // a changed row is written whole. (Positioned tables are read back row for row, so `before`
    // is exactly what they hold.)
    auto insert = db.prepare(std::string(positioned ? "INSERT INTO " : "INSERT OR REPLACE INTO ") + table.name + " (" +
                             names + ") VALUES (" + marks + ")");
    auto update = db.prepare(std::string("UPDATE ") + table.name + " SET " + sets + " WHERE household_id = ?1" + key_match);
    if (!insert) {
        return std::move(insert).error();
    }
    if (!update) {
        return std::move(update).error();
    }
    std::int64_t last = -1;
    for (const auto& r : after) {
        const auto old = old_rows.find(r.key);
        const auto old_position = old_positions.find(r.key);
        const bool keeps_place = old_position != old_positions.end() && old_position->second > last;
        const std::int64_t position = keeps_place ? old_position->second : last + 1;
        last = position;
        if (old != old_rows.end() && old->second->values == r.values && (!positioned || keeps_place)) {
            continue; // unchanged, in its place
        }
        const bool inserting = old == old_rows.end() || !positioned;
        auto& stmt = inserting ? insert.value() : update.value();
        stmt.bind(1, id);
        for (std::size_t k = 0; k < r.key.size(); ++k) {
            bind_value(stmt, static_cast<int>(k + 2), r.key[k]);
        }
        for (std::size_t c = 0; c < r.values.size(); ++c) {
            bind_value(stmt, first_column + static_cast<int>(c), r.values[c]);
        }
        if (positioned) {
            stmt.bind(n, position);
        }
        if (auto s = stmt.run(); !s) {
            return s;
        }
        if (!inserting && sqlite3_changes(db.handle()) != 1) {
            return problem(Errc::internal, "a row of {0} was not where it was read", table.name);
        }
    }
    return {};
}

std::vector<Value> household_values(const Household& h) {
    std::vector<std::string> weekend;
    for (auto wd : h.weekend) {
        weekend.emplace_back(core::weekday_code(wd));
    }
    const auto dates = [](const std::vector<core::Date>& list) {
        std::vector<std::string> out;
        for (auto d : list) {
            out.push_back(core::to_iso(d));
        }
        return join(out, ',');
    };
    return {h.name,
            std::string(h.currency.code()),
            h.timezone,
            join(weekend, ','),
            dates(h.holidays),
            std::string(core::to_string(h.intraday_order)),
            written_text(h.written),
            std::string(core::to_string(h.holiday_region)),
            dates(h.holidays_removed)};
}

} // namespace

Error describe(const Damage& d) {
    return problem(Errc::store_unavailable, "{0} row {1}, field {2}", d.table, d.row, d.field).because(d.problem);
}

Result<Household> read_household(const Database& db, std::int64_t id, std::vector<Damage>* damage) {
    return Reader(db, id, damage).run();
}

Status write_household(const Database& db, std::int64_t id, const Household* before, const Household& after) {
    if (auto s = db.exec("PRAGMA defer_foreign_keys = ON"); !s) {
        return s;
    }
    const auto values = household_values(after);
    if (!before || household_values(*before) != values) {
        auto s = db.prepare(before ? "UPDATE households SET name = ?2, currency = ?3, timezone = ?4, weekend = ?5, "
                                     "holidays = ?6, intraday_order = ?7, written = ?8, holiday_region = ?9, "
                                     "holidays_removed = ?10 WHERE id = ?1"
                                   : "INSERT INTO households (id, name, currency, timezone, weekend, holidays, "
                                     "intraday_order, written, holiday_region, holidays_removed) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        if (!s) {
            return std::move(s).error();
        }
        s->bind(1, id);
        for (std::size_t i = 0; i < values.size(); ++i) {
            bind_value(s.value(), static_cast<int>(i + 2), values[i]);
        }
        if (auto r = s->run(); !r) {
            return r;
        }
    }
    static const Household k_none;
    const Household& old = before ? *before : k_none;
    Status s = sync(db, id, k_settings, before ? rows_of_settings(old) : std::vector<Row>{}, rows_of_settings(after),
                    false);
    if (s) s = sync(db, id, k_accounts, rows_of_accounts(old), rows_of_accounts(after), true);
    if (s) s = sync(db, id, k_incomes, rows_of_incomes(old), rows_of_incomes(after), true);
    if (s) s = sync(db, id, k_bills, rows_of_bills(old), rows_of_bills(after), true);
    if (s) s = sync(db, id, k_payments, rows_of_payments(old), rows_of_payments(after), true);
    return s;
}

} // namespace steadypay::storage

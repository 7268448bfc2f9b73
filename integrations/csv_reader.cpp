#include "integrations/csv_reader.hpp"

#include "core/text.hpp"

#include <csv.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>

namespace steadypay::integrations {

using core::Result;

namespace {

constexpr std::size_t k_max_field_bytes = 64 * 1024;
constexpr std::size_t k_max_rows = 2'000'000;

struct Row {
    std::size_t line = 0; // where it starts, from 1
    std::vector<std::string> fields;
};

struct Collector {
    std::vector<Row> rows;
    Row current;
    std::size_t line = 1;  // the line being fed
    bool too_long = false;
    bool too_many = false;
};

void on_field(void* data, std::size_t size, void* self) {
    auto* c = static_cast<Collector*>(self);
    if (c->current.fields.empty()) {
        c->current.line = c->line;
    }
    if (size > k_max_field_bytes) {
        c->too_long = true;
        size = 0;
    }
    c->current.fields.emplace_back(static_cast<const char*>(data), size);
}

void on_row(int, void* self) {
    auto* c = static_cast<Collector*>(self);
    const bool blank = c->current.fields.empty() || (c->current.fields.size() == 1 && c->current.fields[0].empty());
    if (!blank) {
        if (c->rows.size() >= k_max_rows) {
            c->too_many = true;
        } else {
            c->rows.push_back(std::move(c->current));
        }
    }
    c->current = Row{};
}

std::string place(std::string_view file, std::size_t line) { return std::string(file) + ":" + std::to_string(line); }

// The delimiter the first line uses most, of , ; TAB |.
char sniff_delimiter(std::string_view text) {
    const auto first_line = text.substr(0, text.find('\n'));
    char best = ',';
    std::size_t most = 0;
    for (const char d : {',', ';', '\t', '|'}) {
        const auto n = static_cast<std::size_t>(std::count(first_line.begin(), first_line.end(), d));
        if (n > most) {
            most = n;
            best = d;
        }
    }
    return best;
}

Result<std::vector<Row>> parse_rows(std::string_view text, char delimiter, std::string_view file) {
    csv_parser p{};
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
        return problem(core::Errc::internal, "cannot start the CSV reader");
    }
    std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&p, csv_free);
    csv_set_delim(&p, static_cast<unsigned char>(delimiter));
    Collector c;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        end = end == std::string_view::npos ? text.size() : end + 1;
        const auto line = text.substr(at, end - at);
        if (csv_parse(&p, line.data(), line.size(), on_field, on_row, &c) != line.size()) {
            return core::bad_input("the quotes do not pair up ({0})", std::string(csv_strerror(csv_error(&p))))
                .context(place(file, c.line));
        }
        at = end;
        ++c.line;
    }
    if (csv_fini(&p, on_field, on_row, &c) != 0) {
        return core::bad_input("a quoted field is not closed before the end of the file")
            .context(place(file, c.current.line ? c.current.line : c.line));
    }
    if (c.too_long) {
        return core::bad_input("a field is longer than {0} bytes: this is not a statement", k_max_field_bytes)
            .context(std::string(file));
    }
    if (c.too_many) {
        return core::bad_input("has more than {0} rows", k_max_rows).context(std::string(file));
    }
    return std::move(c.rows);
}

std::string folded(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '"' || c == '\r') {
            continue;
        }
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    const auto b = out.find_first_not_of(" \t");
    const auto e = out.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
}

CsvMapping bank_mapping() {
    CsvMapping m;
    m.name = "bank";
    auto& c = m.columns;
    c.date = {"date", "posting date", "posted date", "post date", "transaction date", "booking date", "trans. date",
              "תאריך", "תאריך עסקה", "תאריך פעולה", "התאריך", "التاريخ", "تاريخ العملية", "تاريخ المعاملة"};
    c.amount = {"amount", "transaction amount", "סכום", "סכום פעולה", "المبلغ", "مبلغ العملية"};
    c.debit = {"debit", "debits", "withdrawal", "withdrawals", "money out", "paid out", "debit amount", "חובה",
               "בחובה", "مدين", "سحب", "المدين"};
    c.credit = {"credit", "credits", "deposit", "deposits", "money in", "paid in", "credit amount", "זכות",
                "בזכות", "دائن", "إيداع", "الدائن"};
    c.payee = {"description", "payee", "name", "details", "merchant", "narrative", "transaction description",
               "תיאור", "פרטים", "תיאור התנועה", "הפעולה", "الوصف", "البيان", "التفاصيل"};
    c.memo = {"memo", "reference", "notes", "אסמכתא", "הערות", "المرجع", "ملاحظات"};
    c.balance = {"balance", "running balance", "יתרה", "יתרה בש\"ח", "الرصيد"};
    c.id = {"transaction id", "id", "fitid"};
    return m;
}

std::map<std::string, CsvMapping, std::less<>> make_presets() {
    std::map<std::string, CsvMapping, std::less<>> p;
    {
        CsvMapping m;
        m.name = "paypal";
        auto& c = m.columns;
        c.date = {"date"};
        c.payee = {"name"};
        c.amount = {"net"};
        c.id = {"transaction id"};
        c.type = {"type"};
        c.status = {"status"};
        c.currency = {"currency"};
        c.balance = {"balance"};
        c.memo = {"item title", "subject", "note"};
        // Not money moving: holds and their releases, authorizations, and PayPal's own "Update to"
        // rows, which restate an earlier transaction.
        m.skip_status = {"pending", "denied", "removed", "placed", "held"};
        m.skip_type = {"hold", "authorization", "update to"};
        p.emplace(m.name, m);
    }
    {
        CsvMapping m;
        m.name = "stripe";
        auto& c = m.columns;
        c.id = {"balance_transaction_id", "id"};
        c.date = {"created_utc", "created", "created (utc)", "created date (utc)"};
        c.available = {"available_on_utc", "available_on", "available on (utc)", "available on"};
        c.amount = {"net"};
        c.currency = {"currency"};
        c.payee = {"description"};
        c.memo = {"reporting_category", "type"};
        c.type = {"reporting_category", "type"};
        c.status = {"status"};
        m.skip_status = {"pending"};
        p.emplace(m.name, m);
    }
    {
        CsvMapping m;
        m.name = "square";
        auto& c = m.columns;
        c.date = {"date"};
        c.amount = {"net total"};
        c.id = {"transaction id", "payment id"};
        c.payee = {"customer name", "description"};
        c.memo = {"description", "event type"};
        c.status = {"transaction status"};
        m.skip_status = {"pending", "failed", "canceled", "cancelled"};
        p.emplace(m.name, m);
    }
    {
        CsvMapping m;
        m.name = "square-deposits";
        auto& c = m.columns;
        c.date = {"deposit date", "transfer date", "date"};
        c.amount = {"net amount", "amount", "deposit amount", "net total"};
        c.id = {"deposit id", "transfer id"};
        c.payee = {"description", "type"};
        c.status = {"status"};
        m.skip_status = {"pending", "failed", "canceled", "cancelled"};
        p.emplace(m.name, m);
    }
    {
        CsvMapping m;
        m.name = "payoneer";
        auto& c = m.columns;
        c.date = {"transaction date", "date"};
        c.payee = {"description", "details"};
        c.amount = {"amount"};
        c.currency = {"currency"};
        c.status = {"status"};
        c.id = {"transaction id", "id", "reference"};
        c.balance = {"running balance", "balance"};
        m.skip_status = {"pending", "cancelled", "canceled", "failed", "rejected"};
        p.emplace(m.name, m);
    }
    p.emplace("bank", bank_mapping());
    {
        CsvMapping m;
        m.name = "bank-headerless";
        m.header = false;
        m.columns.date = {"1"};
        m.columns.payee = {"2"};
        m.columns.amount = {"3"};
        p.emplace(m.name, m);
    }
    {
        CsvMapping m;
        m.name = "bank-headerless-debit-credit";
        m.header = false;
        m.columns.date = {"1"};
        m.columns.payee = {"2"};
        m.columns.debit = {"3"};
        m.columns.credit = {"4"};
        p.emplace(m.name, m);
    }
    return p;
}

const std::map<std::string, CsvMapping, std::less<>>& presets() {
    static const auto p = make_presets();
    return p;
}

// Which preset a header row is: PayPal's, Stripe's, Square's, else a bank's.
CsvMapping detect_preset(const std::vector<std::string>& header) {
    std::vector<std::string> h;
    for (const auto& x : header) {
        h.push_back(folded(x));
    }
    const auto has = [&](std::string_view name) { return std::find(h.begin(), h.end(), name) != h.end(); };
    if (has("transaction id") && has("gross") && has("net") && has("name")) {
        return presets().at("paypal");
    }
    if (has("balance_transaction_id") || (has("available_on") || has("available_on_utc") || has("available on (utc)"))) {
        return presets().at("stripe");
    }
    if (has("net total") && (has("transaction id") || has("payment id"))) {
        return presets().at("square");
    }
    if (has("deposit id") || has("transfer id")) {
        return presets().at("square-deposits");
    }
    return presets().at("bank");
}

// The column of each field, by the header (or by number).
struct Layout {
    std::optional<std::size_t> date, amount, debit, credit, payee, memo, id, kind, status, type, available, currency,
        balance;
};

Result<std::optional<std::size_t>> find_column(const std::vector<std::string>& names, const std::vector<std::string>* header,
                                               std::size_t width) {
    for (const auto& n : names) {
        if (header == nullptr) {
            std::size_t w = 0;
            const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), w);
            if (ec != std::errc() || end != n.data() + n.size() || w < 1 || w > width) {
                return core::bad_input("column {0} is not in the file (its rows have {1})", core::quote_input(n), width);
            }
            return std::optional<std::size_t>(w - 1);
        }
        const auto want = folded(n);
        for (std::size_t i = 0; i < header->size(); ++i) {
            if (folded((*header)[i]) == want) {
                return std::optional<std::size_t>(i);
            }
        }
    }
    return std::optional<std::size_t>{};
}

bool contains_any(const std::string& text, const std::vector<std::string>& needles) {
    const auto f = folded(text);
    return std::any_of(needles.begin(), needles.end(), [&](const std::string& n) {
        return !n.empty() && f.find(folded(n)) != std::string::npos;
    });
}

bool equals_any(const std::string& text, const std::vector<std::string>& values) {
    const auto f = folded(text);
    return std::any_of(values.begin(), values.end(), [&](const std::string& v) { return folded(v) == f; });
}

core::TransactionKind kind_of(const std::string& text) {
    const auto f = folded(text);
    if (f.find("card") != std::string::npos || f.find("pos") == 0 || f.find("purchase") != std::string::npos) {
        return core::TransactionKind::card;
    }
    if (f.find("transfer") != std::string::npos || f.find("ach") != std::string::npos ||
        f.find("direct") != std::string::npos || f.find("payout") != std::string::npos ||
        f.find("deposit") != std::string::npos) {
        return core::TransactionKind::transfer;
    }
    if (f.find("fee") != std::string::npos) {
        return core::TransactionKind::fee;
    }
    if (f.find("check") != std::string::npos || f.find("cheque") != std::string::npos) {
        return core::TransactionKind::check;
    }
    return core::TransactionKind::other;
}

template <class F> void each_list(CsvColumns& c, F&& f) {
    f("date", c.date);
    f("amount", c.amount);
    f("debit", c.debit);
    f("credit", c.credit);
    f("payee", c.payee);
    f("memo", c.memo);
    f("id", c.id);
    f("kind", c.kind);
    f("status", c.status);
    f("type", c.type);
    f("available", c.available);
    f("currency", c.currency);
    f("balance", c.balance);
}

} // namespace

const std::vector<std::string>& csv_preset_names() {
    static const std::vector<std::string> names{"paypal", "stripe", "square", "square-deposits", "payoneer",
                                                "bank", "bank-headerless", "bank-headerless-debit-credit"};
    return names;
}

Result<CsvMapping> csv_preset(std::string_view name) {
    if (const auto it = presets().find(name); it != presets().end()) {
        return it->second;
    }
    return core::bad_input("{0} is not a preset ({1})", core::quote_input(name), core::ListFact{csv_preset_names(), {}});
}

Result<CsvMapping> mapping_from_json(std::string_view text) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return core::bad_input("a column mapping is a JSON object");
    }
    CsvMapping m;
    const auto text_of = [&](const char* key, std::string& out) -> core::Status {
        if (!j.contains(key)) {
            return {};
        }
        if (!j[key].is_string()) {
            return core::bad_input("must be a string").context(key);
        }
        out = j[key].get<std::string>();
        return {};
    };
    const auto flag = [&](const char* key, bool& out) -> core::Status {
        if (!j.contains(key)) {
            return {};
        }
        if (!j[key].is_boolean()) {
            return core::bad_input("must be true or false").context(key);
        }
        out = j[key].get<bool>();
        return {};
    };
    const auto list = [&](const nlohmann::json& obj, const char* key, std::vector<std::string>& out,
                          std::string_view where) -> core::Status {
        if (!obj.contains(key)) {
            return {};
        }
        const auto& v = obj[key];
        if (v.is_string()) {
            out = {v.get<std::string>()};
            return {};
        }
        if (!v.is_array() || !std::all_of(v.begin(), v.end(), [](const auto& x) { return x.is_string(); })) {
            return core::bad_input("must be a list of column names").context(std::string(where) + key);
        }
        out = v.get<std::vector<std::string>>();
        return {};
    };
    std::string delimiter;
    std::string decimal;
    std::string order;
    for (auto s : {text_of("name", m.name), text_of("delimiter", delimiter), text_of("decimal", decimal),
                   text_of("date_order", order), flag("header", m.header), flag("negate", m.negate),
                   flag("debit_negative", m.debit_negative), list(j, "skip_status", m.skip_status, ""),
                   list(j, "skip_type", m.skip_type, "")}) {
        if (!s) {
            return std::move(s).error();
        }
    }
    if (delimiter == "\\t" || delimiter == "tab") {
        delimiter = "\t";
    }
    if (delimiter.size() > 1 || (delimiter.size() == 1 && std::string_view(",;\t|").find(delimiter[0]) == std::string_view::npos)) {
        return core::bad_input("{0} is not a delimiter (one of , ; tab |)", core::quote_input(delimiter)).context("delimiter");
    }
    m.delimiter = delimiter.empty() ? '\0' : delimiter[0];
    if (!decimal.empty() && decimal != "." && decimal != ",") {
        return core::bad_input("{0} is not a decimal separator (. or ,)", core::quote_input(decimal)).context("decimal");
    }
    m.decimal = decimal.empty() ? '.' : decimal[0];
    if (!order.empty()) {
        auto o = parse_date_order(order);
        if (!o) {
            return std::move(o).error().context("date_order");
        }
        m.date_order = o.value();
    }
    if (j.contains("columns")) {
        if (!j["columns"].is_object()) {
            return core::bad_input("must be an object").context("columns");
        }
        core::Status s;
        each_list(m.columns, [&](const char* key, std::vector<std::string>& out) {
            if (s) {
                s = list(j["columns"], key, out, "columns.");
            }
        });
        if (!s) {
            return std::move(s).error();
        }
    }
    return m;
}

std::string mapping_to_json(const CsvMapping& m) {
    nlohmann::ordered_json j;
    j["name"] = m.name;
    j["header"] = m.header;
    if (m.delimiter != '\0') {
        j["delimiter"] = m.delimiter == '\t' ? std::string("tab") : std::string(1, m.delimiter);
    }
    j["decimal"] = std::string(1, m.decimal);
    if (m.date_order != DateOrder::detect) {
        j["date_order"] = m.date_order == DateOrder::dmy ? "dmy" : m.date_order == DateOrder::mdy ? "mdy" : "ymd";
    }
    j["negate"] = m.negate;
    j["debit_negative"] = m.debit_negative;
    auto columns = nlohmann::ordered_json::object();
    auto copy = m.columns;
    each_list(copy, [&](const char* key, std::vector<std::string>& names) {
        if (!names.empty()) {
            columns[key] = names;
        }
    });
    j["columns"] = columns;
    j["skip_status"] = m.skip_status;
    j["skip_type"] = m.skip_type;
    return j.dump(2) + "\n";
}

Result<CsvMapping> with_columns(CsvMapping base, std::string_view spec) {
    std::size_t at = 0;
    while (at <= spec.size()) {
        auto end = spec.find(',', at);
        end = end == std::string_view::npos ? spec.size() : end;
        const auto part = spec.substr(at, end - at);
        const auto eq = part.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == part.size()) {
            return core::bad_input("{0} is not field=column (date=Posting Date,amount=Amount,payee=Description)",
                                   core::quote_input(part));
        }
        const auto field = part.substr(0, eq);
        bool known = false;
        each_list(base.columns, [&](const char* key, std::vector<std::string>& names) {
            if (field == key) {
                names = {std::string(part.substr(eq + 1))};
                known = true;
            }
        });
        if (!known) {
            return core::bad_input(
                "{0} is not a field (date, amount, debit, credit, payee, memo, id, kind, status, type, available, "
                "currency, balance)",
                core::quote_input(field));
        }
        at = end + 1;
    }
    return base;
}

Result<core::Statement> read_csv(std::string_view text, const CsvMapping* given, const core::Currency& currency,
                                 std::string_view file, DateOrder order) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    const char delimiter = given && given->delimiter ? given->delimiter : sniff_delimiter(text);
    auto rows = parse_rows(text, delimiter, file);
    if (!rows) {
        return std::move(rows).error();
    }
    const bool has_header = given ? given->header : true;
    if (rows->empty() || (has_header && rows->size() == 1)) {
        return core::bad_input("has no transactions").context(std::string(file));
    }
    const auto& first = rows->front();
    CsvMapping mapping = given ? *given : detect_preset(first.fields);
    const std::vector<std::string>* header = has_header ? &first.fields : nullptr;
    Layout l;
    const std::size_t width = first.fields.size();
    core::Status s;
    const auto find = [&](const std::vector<std::string>& names, std::optional<std::size_t>& out) {
        if (!s) {
            return;
        }
        auto r = find_column(names, header, width);
        if (!r) {
            s = std::move(r).error().context(place(file, first.line));
            return;
        }
        out = r.value();
    };
    const auto& c = mapping.columns;
    find(c.date, l.date);
    find(c.amount, l.amount);
    find(c.debit, l.debit);
    find(c.credit, l.credit);
    find(c.payee, l.payee);
    find(c.memo, l.memo);
    find(c.id, l.id);
    find(c.kind, l.kind);
    find(c.status, l.status);
    find(c.type, l.type);
    find(c.available, l.available);
    find(c.currency, l.currency);
    find(c.balance, l.balance);
    if (!s) {
        return std::move(s).error();
    }
    if (!l.date || (!l.amount && !l.debit && !l.credit)) {
        auto e = !l.date ? core::bad_input("no column is the date: name it (for example --columns date=Posting Date)")
                         : core::bad_input("no column is the amount: name it (for example --columns amount=Amount)");
        return std::move(e).context(place(file, first.line));
    }
    if (l.payee && l.memo && *l.payee == *l.memo) {
        l.memo.reset();
    }

    core::Statement st;
    st.format = "csv:" + mapping.name;
    const DateOrder want_order = order != DateOrder::detect ? order : mapping.date_order;
    std::vector<const Row*> kept;
    std::vector<DateText> dates;
    std::vector<DateText> available;
    const auto cell = [](const Row& r, const std::optional<std::size_t>& col) -> std::string {
        return col && *col < r.fields.size() ? r.fields[*col] : std::string();
    };
    for (std::size_t i = has_header ? 1 : 0; i < rows->size(); ++i) {
        const Row& r = (*rows)[i];
        if (r.fields.size() < width && r.fields.size() <= std::max({l.date.value_or(0), l.amount.value_or(0)})) {
            return core::bad_input("has {0} fields where the first row has {1}", r.fields.size(), width)
                .context(place(file, r.line));
        }
        if ((l.status && equals_any(cell(r, l.status), mapping.skip_status)) ||
            (l.type && contains_any(cell(r, l.type), mapping.skip_type))) {
            ++st.skipped;
            continue;
        }
        if (l.currency) {
            const auto code = folded(cell(r, l.currency));
            std::string mine(currency.code());
            std::transform(mine.begin(), mine.end(), mine.begin(), [](unsigned char ch) { return std::tolower(ch); });
            if (!code.empty() && code != mine) {
                ++st.skipped;
                continue;
            }
        }
        kept.push_back(&r);
        dates.push_back(DateText{cell(r, l.date), place(file, r.line)});
        if (l.available && !cell(r, l.available).empty()) {
            available.push_back(DateText{cell(r, l.available), place(file, r.line)});
        }
    }
    auto posted = parse_dates(dates, want_order);
    if (!posted) {
        return std::move(posted).error();
    }
    auto avail = parse_dates(available, want_order);
    if (!avail) {
        return std::move(avail).error();
    }
    const auto column_name = [&](const std::optional<std::size_t>& col) {
        return header && col && *col < header->size() ? (*header)[*col] : std::to_string(col.value_or(0) + 1);
    };
    std::size_t next_available = 0;
    std::vector<std::optional<core::Money>> balances;
    for (std::size_t k = 0; k < kept.size(); ++k) {
        const Row& r = *kept[k];
        const auto where = place(file, r.line);
        const auto amount_in = [&](const std::optional<std::size_t>& col) -> Result<std::optional<core::Money>> {
            const auto value = cell(r, col);
            if (!col || folded(value).empty()) {
                return std::optional<core::Money>{};
            }
            auto m = parse_amount_text(value, currency, mapping.decimal);
            if (!m) {
                return std::move(m).error().context(column_name(col)).context(where);
            }
            return std::optional<core::Money>(m.value());
        };
        core::Transaction t;
        t.posted = posted.value()[k];
        if (l.available && !cell(r, l.available).empty()) {
            const auto a = avail.value()[next_available++];
            if (a > t.posted) {
                t.available = a;
            }
        }
        auto amount = amount_in(l.amount);
        auto debit = amount_in(l.debit);
        auto credit = amount_in(l.credit);
        auto balance = amount_in(l.balance);
        for (auto* a : {&amount, &debit, &credit, &balance}) {
            if (!*a) {
                return std::move(*a).error();
            }
        }
        if (amount.value()) {
            t.amount = mapping.negate ? -*amount.value() : *amount.value();
        } else if (debit.value() || credit.value()) {
            core::Money sum(currency);
            if (debit.value()) {
                const auto d = *debit.value();
                sum -= mapping.debit_negative || d.is_negative() ? -d : d;
            }
            if (credit.value()) {
                sum += *credit.value();
            }
            t.amount = sum;
        } else {
            return core::bad_input("has no amount").context(where);
        }
        t.payee = cell(r, l.payee);
        t.memo = cell(r, l.memo);
        t.source_id = cell(r, l.id);
        t.kind = kind_of(l.kind ? cell(r, l.kind) : cell(r, l.type));
        for (auto* field : {&t.payee, &t.memo, &t.source_id}) {
            if (!core::is_clean_text(*field)) {
                *field = core::printable(*field);
            }
        }
        balances.push_back(balance.value());
        st.transactions.push_back(std::move(t));
    }
    // A running balance column: the statement's closing balance is the one beside its last
    // transaction in time (files list newest first or oldest first).
    if (l.balance && !st.transactions.empty()) {
        const auto& txs = st.transactions;
        const bool oldest_first = std::is_sorted(txs.begin(), txs.end(),
                                                 [](const auto& a, const auto& b) { return a.posted < b.posted; });
        const bool newest_first = std::is_sorted(txs.begin(), txs.end(),
                                                 [](const auto& a, const auto& b) { return a.posted > b.posted; });
        if (oldest_first != newest_first) {
            const std::size_t last = oldest_first ? txs.size() - 1 : 0;
            if (balances[last]) {
                st.ledger = core::StatementBalance{*balances[last], txs[last].posted};
            }
        }
    }
    return st;
}

} // namespace steadypay::integrations

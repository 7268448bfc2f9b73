#include "integrations/qif_reader.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace steadypay::integrations {

using core::Result;

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

struct Record {
    std::size_t line = 0; // its first line
    std::size_t date_line = 0;
    std::size_t amount_line = 0;
    std::string date;
    std::string amount;
    std::string payee;
    std::string memo;
    std::string number;
    std::string category;
    bool any = false;
};

core::TransactionKind kind_of(const Record& r) {
    const auto n = lower(r.number);
    if (!r.category.empty() && r.category.front() == '[') {
        return core::TransactionKind::transfer; // QIF writes a transfer's other account in brackets
    }
    if (n == "atm") {
        return core::TransactionKind::cash;
    }
    if (n == "xfer" || n == "eft" || n == "dep" || n == "ach") {
        return core::TransactionKind::transfer;
    }
    if (!n.empty() && std::all_of(n.begin(), n.end(), ::isdigit)) {
        return core::TransactionKind::check;
    }
    return core::TransactionKind::other;
}

} // namespace

Result<core::Statement> read_qif(std::string_view text, const core::Currency& currency, std::string_view file,
                                 DateOrder order) {
    const auto place = [&](std::size_t line) { return std::string(file) + ":" + std::to_string(line); };
    enum class Section { none, money, list, account };
    Section section = Section::none;
    bool typed = false;
    std::vector<Record> records;
    Record cur;
    std::size_t line_no = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        auto end = text.find('\n', at);
        end = end == std::string_view::npos ? text.size() : end;
        std::string_view line = text.substr(at, end - at);
        at = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
            line.remove_prefix(1);
        }
        if (line.empty()) {
            continue;
        }
        if (line.front() == '!') {
            const auto header = lower(line);
            if (header.rfind("!type:", 0) == 0) {
                const auto type = header.substr(6);
                const auto trimmed = type.substr(0, type.find_last_not_of(" \t") + 1);
                if (trimmed == "bank" || trimmed == "ccard" || trimmed == "cash" || trimmed == "oth a" ||
                    trimmed == "oth l") {
                    section = Section::money;
                    typed = true;
                } else if (trimmed == "invst") {
                    return core::bad_input("is an investment account: only bank, cash and card accounts can be imported")
                        .context(place(line_no));
                } else {
                    section = Section::list; // categories, classes, memorized payees: not transactions
                }
            } else if (header.rfind("!account", 0) == 0) {
                section = Section::account;
            } else if (header.rfind("!option", 0) != 0 && header.rfind("!clear", 0) != 0) {
                return core::bad_input("{0} is not a QIF header", core::quote_input(line)).context(place(line_no));
            }
            continue;
        }
        if (section == Section::none) {
            return core::bad_input("is not a QIF file (it does not start with !Type:)").context(place(line_no));
        }
        if (section != Section::money) {
            continue;
        }
        const char code = line.front();
        const std::string value(line.substr(1));
        if (!cur.any) {
            cur.line = line_no;
        }
        cur.any = true;
        switch (code) {
        case 'D':
            cur.date = value;
            cur.date_line = line_no;
            break;
        case 'T':
        case 'U':
            if (code == 'T' || cur.amount.empty()) {
                cur.amount = value;
                cur.amount_line = line_no;
            }
            break;
        case 'P':
            cur.payee = value;
            break;
        case 'M':
            cur.memo = value;
            break;
        case 'N':
            cur.number = value;
            break;
        case 'L':
            cur.category = value;
            break;
        case '^':
            if (cur.date.empty()) {
                return core::bad_input("this transaction has no date (D line)").context(place(cur.line));
            }
            if (cur.amount.empty()) {
                return core::bad_input("this transaction has no amount (T line)").context(place(cur.line));
            }
            records.push_back(cur);
            cur = Record{};
            break;
        case 'C': case 'A': case 'S': case 'E': case '$': case '%': case 'F': case 'X': case 'K': case 'B': case 'Q':
        case 'I': case 'Y': case 'O': case 'R': case 'G': case 'V': case 'W': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7':
            break; // cleared status, address, splits (the T line holds their total) and the rest
        default:
            return core::bad_input("{0} is not a QIF line", core::quote_input(line)).context(place(line_no));
        }
    }
    if (cur.any && (!cur.date.empty() || !cur.amount.empty())) {
        return core::bad_input("the last transaction does not end with ^ (the file may be cut short)")
            .context(place(cur.line));
    }
    if (!typed) {
        return core::bad_input("is not a QIF file (it has no !Type:Bank, CCard or Cash section)").context(std::string(file));
    }
    std::vector<DateText> dates;
    for (const auto& r : records) {
        dates.push_back(DateText{r.date, place(r.date_line)});
    }
    auto posted = parse_dates(dates, order);
    if (!posted) {
        return std::move(posted).error();
    }
    core::Statement st;
    st.format = "qif";
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        auto amount = parse_amount_text(r.amount, currency);
        if (!amount) {
            return std::move(amount).error().context(place(r.amount_line));
        }
        core::Transaction t;
        t.posted = posted.value()[i];
        t.amount = amount.value();
        t.payee = core::is_clean_text(r.payee) ? r.payee : core::printable(r.payee);
        t.memo = core::is_clean_text(r.memo) ? r.memo : core::printable(r.memo);
        t.kind = kind_of(r);
        st.transactions.push_back(std::move(t));
    }
    return st;
}

} // namespace steadypay::integrations

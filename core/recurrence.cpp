#include "core/recurrence.hpp"

#include "core/text.hpp"

#include "core/numbers.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <span>

namespace steadypay::core {

namespace {

using date::days;

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t begin = 0;
    while (true) {
        const auto pos = s.find(sep, begin);
        parts.push_back(s.substr(begin, pos == std::string_view::npos ? std::string_view::npos : pos - begin));
        if (pos == std::string_view::npos) {
            return parts;
        }
        begin = pos + 1;
    }
}

// A signed decimal integer ('+' allowed, as RFC 5545 writes "+3"), nothing else; nullopt when it
// is not one or does not fit an int.
std::optional<int> parse_int(std::string_view s) {
    const auto n = parse_whole(s, INT32_MIN, INT32_MAX, true);
    return n ? std::optional<int>(static_cast<int>(n.value)) : std::nullopt;
}

std::string part(std::string_view name, std::string_view value) {
    return std::string(name) + "=" + clip_input(value);
}

Result<std::vector<int>> parse_int_list(std::string_view name, std::string_view value, int max, bool allow_negative) {
    std::vector<int> out;
    for (auto item : split(value, ',')) {
        const auto n = parse_whole(item, -INT64_MAX, INT64_MAX, true);
        if (n.error == WholeError::not_a_number) {
            return bad_input("{0}: {1} is not a whole number", part(name, value), quote_input(item));
        }
        const std::int64_t a = n.value < 0 ? -n.value : n.value;
        if (!n || a < 1 || a > max || (n.value < 0 && !allow_negative)) {
            // The bounds as the rule writes numbers, in any language.
            return allow_negative
                       ? bad_input("{0} is out of range (1..{1} or -{1}..-1)", part(name, item), std::to_string(max))
                       : bad_input("{0} is out of range (1..{1})", part(name, item), std::to_string(max));
        }
        out.push_back(static_cast<int>(n.value));
    }
    return out;
}

Result<Date> parse_until(std::string_view value) {
    // DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS, optionally with Z); only the date matters here.
    const bool date_only = value.size() == 8;
    const bool date_time = (value.size() == 15 || (value.size() == 16 && value[15] == 'Z')) && value[8] == 'T';
    const auto digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!(date_only || date_time) || !digits(value.substr(0, 8)) || (date_time && !digits(value.substr(9, 6)))) {
        return bad_input("{0} is not a date: write YYYYMMDD, like UNTIL=20271231", part("UNTIL", value));
    }
    std::string iso = std::string(value.substr(0, 4)) + "-" + std::string(value.substr(4, 2)) + "-" +
                      std::string(value.substr(6, 2));
    auto d = parse_iso_date(iso);
    if (!d) {
        return bad_input("{0} is not a date that exists", part("UNTIL", value));
    }
    return d.value();
}

Result<std::vector<WeekdayNum>> parse_by_day(std::string_view value) {
    std::vector<WeekdayNum> out;
    for (auto item : split(value, ',')) {
        if (item.size() < 2) {
            return bad_input("{0}: {1} is not a weekday (MO..SU, optionally with an ordinal such as 2FR or -1MO)",
                             part("BYDAY", value), quote_input(item));
        }
        const auto code = item.substr(item.size() - 2);
        auto wd = parse_weekday_code(code);
        if (!wd) {
            return bad_input("{0}: {1} is not a weekday (MO..SU, optionally with an ordinal such as 2FR or -1MO)",
                             part("BYDAY", value), quote_input(item));
        }
        int ordinal = 0;
        const auto num = item.substr(0, item.size() - 2);
        if (!num.empty()) {
            const auto n = parse_int(num);
            if (!n || *n == 0 || *n > 53 || *n < -53) {
                return bad_input("{0}: the ordinal must be 1..53 or -53..-1", part("BYDAY", item));
            }
            ordinal = *n;
        }
        out.push_back(WeekdayNum{ordinal, wd.value()});
    }
    return out;
}

} // namespace

Result<RecurrenceRule> parse_rrule(std::string_view text) {
    std::string s = upper(text);
    std::string_view body = s;
    if (body.substr(0, 6) == "RRULE:") {
        body.remove_prefix(6);
    }
    if (!body.empty() && body.back() == ';') {
        body.remove_suffix(1);
    }
    if (body.empty()) {
        return bad_input("the rule is empty: it needs at least FREQ, like FREQ=MONTHLY;BYMONTHDAY=1");
    }
    RecurrenceRule rule;
    bool have_freq = false;
    std::vector<std::string> seen;
    for (auto p : split(body, ';')) {
        const auto eq = p.find('=');
        if (eq == std::string_view::npos || eq == 0) {
            return bad_input("{0} is not a NAME=VALUE part", quote_input(p));
        }
        const auto name = p.substr(0, eq);
        const auto value = p.substr(eq + 1);
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
            return bad_input("{0} is given twice", clip_input(name));
        }
        seen.emplace_back(name);
        if (value.empty()) {
            return bad_input("{0} has no value", clip_input(name));
        }
        if (name == "FREQ") {
            if (value == "DAILY") {
                rule.freq = Frequency::daily;
            } else if (value == "WEEKLY") {
                rule.freq = Frequency::weekly;
            } else if (value == "MONTHLY") {
                rule.freq = Frequency::monthly;
            } else if (value == "YEARLY") {
                rule.freq = Frequency::yearly;
            } else if (value == "HOURLY" || value == "MINUTELY" || value == "SECONDLY") {
                return bad_input("{0} is not supported: schedules are dates (DAILY, WEEKLY, MONTHLY or YEARLY)",
                                 part(name, value));
            } else {
                return bad_input("{0} is not a frequency (DAILY, WEEKLY, MONTHLY or YEARLY)", part(name, value));
            }
            have_freq = true;
        } else if (name == "INTERVAL") {
            const auto n = parse_int(value);
            if (!n || *n < 1 || *n > 10000) {
                return bad_input("{0} must be a whole number from 1 to 10000", part(name, value));
            }
            rule.interval = *n;
        } else if (name == "COUNT") {
            const auto n = parse_int(value);
            if (!n || *n < 1 || *n > 1000000) {
                return bad_input("{0} must be a whole number from 1 to 1000000", part(name, value));
            }
            rule.count = *n;
        } else if (name == "UNTIL") {
            auto d = parse_until(value);
            if (!d) {
                return std::move(d).error();
            }
            rule.until = d.value();
        } else if (name == "BYDAY") {
            auto v = parse_by_day(value);
            if (!v) {
                return std::move(v).error();
            }
            rule.by_day = std::move(v).value();
        } else if (name == "BYMONTHDAY") {
            auto v = parse_int_list(name, value, 31, true);
            if (!v) {
                return std::move(v).error();
            }
            rule.by_month_day = std::move(v).value();
        } else if (name == "BYMONTH") {
            auto v = parse_int_list(name, value, 12, false);
            if (!v) {
                return std::move(v).error();
            }
            rule.by_month = std::move(v).value();
        } else if (name == "BYSETPOS") {
            auto v = parse_int_list(name, value, 366, true);
            if (!v) {
                return std::move(v).error();
            }
            rule.by_set_pos = std::move(v).value();
        } else if (name == "WKST") {
            auto wd = parse_weekday_code(value);
            if (!wd) {
                return bad_input("{0} is not a weekday (MO, TU, WE, TH, FR, SA or SU)", part(name, value));
            }
            rule.wkst = wd.value();
        } else if (name == "BYYEARDAY" || name == "BYWEEKNO" || name == "BYHOUR" || name == "BYMINUTE" ||
                   name == "BYSECOND") {
            return bad_input("{0} is not supported (supported: FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, "
                             "BYMONTH, BYSETPOS, WKST)",
                             clip_input(name));
        } else {
            return bad_input("{0} is not an RRULE part (supported: FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, "
                             "BYMONTH, BYSETPOS, WKST)",
                             quote_input(name));
        }
    }
    if (!have_freq) {
        return bad_input("FREQ is missing (DAILY, WEEKLY, MONTHLY or YEARLY)");
    }
    if (rule.count && rule.until) {
        return bad_input("COUNT and UNTIL cannot both be given (RFC 5545)");
    }
    if (rule.freq == Frequency::daily || rule.freq == Frequency::weekly) {
        for (const auto& wn : rule.by_day) {
            if (wn.ordinal != 0) {
                return bad_input("BYDAY={0}: an ordinal needs FREQ=MONTHLY or FREQ=YEARLY",
                                 std::to_string(wn.ordinal) + std::string(weekday_code(wn.weekday)));
            }
        }
    }
    if (rule.freq == Frequency::weekly && !rule.by_month_day.empty()) {
        return bad_input("BYMONTHDAY cannot be used with FREQ=WEEKLY (RFC 5545)");
    }
    if (!rule.by_set_pos.empty() && rule.by_day.empty() && rule.by_month_day.empty() && rule.by_month.empty()) {
        return bad_input("BYSETPOS needs another BY part (BYDAY, BYMONTHDAY or BYMONTH) to choose from");
    }
    return rule;
}

std::string to_string(const RecurrenceRule& rule) {
    static constexpr std::array<std::string_view, 4> k_freq{"DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
    std::string s = "FREQ=" + std::string(k_freq[static_cast<std::size_t>(rule.freq)]);
    const auto list = [&](std::string_view name, const std::vector<int>& v) {
        if (v.empty()) {
            return;
        }
        s += ";" + std::string(name) + "=";
        for (std::size_t i = 0; i < v.size(); ++i) {
            s += (i ? "," : "") + std::to_string(v[i]);
        }
    };
    if (rule.interval != 1) {
        s += ";INTERVAL=" + std::to_string(rule.interval);
    }
    if (rule.count) {
        s += ";COUNT=" + std::to_string(*rule.count);
    }
    if (rule.until) {
        auto iso = to_iso(*rule.until);
        iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
        s += ";UNTIL=" + iso;
    }
    list("BYMONTH", rule.by_month);
    list("BYMONTHDAY", rule.by_month_day);
    if (!rule.by_day.empty()) {
        s += ";BYDAY=";
        for (std::size_t i = 0; i < rule.by_day.size(); ++i) {
            s += (i ? "," : "") + (rule.by_day[i].ordinal ? std::to_string(rule.by_day[i].ordinal) : std::string()) +
                 std::string(weekday_code(rule.by_day[i].weekday));
        }
    }
    list("BYSETPOS", rule.by_set_pos);
    if (rule.wkst != date::Monday) {
        s += ";WKST=" + std::string(weekday_code(rule.wkst));
    }
    return s;
}

namespace {

// A rule with DTSTART's defaults filled in and its lists turned into lookup tables.
class Expander {
public:
    // No heap allocation here: expansions run once per item in every forecast.
    Expander(const RecurrenceRule& rule, Date dtstart) : m_rule(rule), m_dtstart(dtstart) {
        const date::year_month_day start{dtstart};
        for (int m : rule.by_month) {
            m_month_ok[static_cast<std::size_t>(m)] = true;
            m_month_filter = true;
        }
        for (int md : rule.by_month_day) {
            add_month_day(md);
        }
        for (const auto& wn : rule.by_day) {
            add_weekday(wn);
        }
        // RFC 5545: parts that are not given take their values from DTSTART.
        if (rule.by_day.empty() && rule.by_month_day.empty()) {
            switch (rule.freq) {
            case Frequency::yearly:
                if (!m_month_filter) {
                    m_month_ok[static_cast<unsigned>(start.month())] = true;
                    m_month_filter = true;
                }
                add_month_day(static_cast<int>(static_cast<unsigned>(start.day())));
                break;
            case Frequency::monthly:
                add_month_day(static_cast<int>(static_cast<unsigned>(start.day())));
                break;
            case Frequency::weekly:
                add_weekday(WeekdayNum{0, date::weekday{dtstart}});
                break;
            case Frequency::daily:
                break;
            }
        }
    }

    // Calls visit(d) for every occurrence in [from, to], in order, until visit returns false.
    template <class Visit> void run(Date from, Date to, Visit&& visit) {
        Date last = std::min(to, k_max_date);
        if (m_rule.until) {
            last = std::min(last, *m_rule.until);
        }
        if (last < m_dtstart || from > last) {
            return;
        }
        long remaining = m_rule.count ? *m_rule.count : -1;
        // Without COUNT nothing before `from` needs to be seen: jump to its period.
        const Date skip_to = m_rule.count ? m_dtstart : std::max(from, m_dtstart);
        const long interval = m_rule.interval;
        std::vector<Date> set;
        set.reserve(32);

        // Returns false when the expansion is over.
        const auto emit = [&](std::vector<Date>& period) {
            apply_set_pos(period);
            for (Date d : period) {
                if (d < m_dtstart) {
                    continue;
                }
                if (d > last) {
                    return false;
                }
                if (remaining > 0) {
                    --remaining;
                }
                if (d >= from && !visit(d)) {
                    return false;
                }
                if (remaining == 0) {
                    return false;
                }
            }
            return true;
        };

        switch (m_rule.freq) {
        case Frequency::daily: {
            long k = (skip_to - m_dtstart).count() / interval;
            for (;; ++k) {
                const Date d = m_dtstart + days{static_cast<int>(k * interval)};
                if (d > last) {
                    return;
                }
                set.clear();
                if (day_passes_daily(d)) {
                    set.push_back(d);
                }
                if (!emit(set)) {
                    return;
                }
            }
        }
        case Frequency::weekly: {
            const Date week0 = m_dtstart - (date::weekday{m_dtstart} - m_rule.wkst);
            long k = (skip_to - week0).count() / (7 * interval);
            for (;; ++k) {
                const Date ws = week0 + days{static_cast<int>(k * 7 * interval)};
                if (ws > last) {
                    return;
                }
                set.clear();
                // The week starts on WKST, so the weekday of day i is known without date arithmetic.
                unsigned wd = m_rule.wkst.c_encoding();
                for (int i = 0; i < 7; ++i, wd = wd == 6 ? 0 : wd + 1) {
                    if (m_has_by_day && !m_plain_weekday[wd]) {
                        continue;
                    }
                    const Date d = ws + days{i};
                    if (month_ok(d)) {
                        set.push_back(d);
                    }
                }
                if (!emit(set)) {
                    return;
                }
            }
        }
        case Frequency::monthly: {
            const long m0 = month_index(m_dtstart);
            long k = (month_index(skip_to) - m0) / interval;
            for (;; ++k) {
                const auto ym = year_month_of(m0 + k * interval);
                const Date month_first{ym / 1};
                if (month_first > last) {
                    return;
                }
                set.clear();
                if (!m_month_filter || m_month_ok[static_cast<unsigned>(ym.month())]) {
                    const Date month_last = month_first + days{static_cast<int>(days_in_month(ym)) - 1};
                    month_candidates(ym, month_first, month_last, set);
                }
                if (!emit(set)) {
                    return;
                }
            }
        }
        case Frequency::yearly: {
            const int y0 = static_cast<int>(date::year_month_day{m_dtstart}.year());
            long k = (static_cast<int>(date::year_month_day{skip_to}.year()) - y0) / interval;
            for (;; ++k) {
                const date::year y{static_cast<int>(y0 + k * interval)};
                if (Date{y / 1 / 1} > last) {
                    return;
                }
                set.clear();
                // Ordinals count within the year unless BYMONTH narrows them to months (RFC 5545).
                const bool year_scope = !m_month_filter;
                const Date jan1{y / 1 / 1};
                const Date dec31{y / 12 / 31};
                for (unsigned m = 1; m <= 12; ++m) {
                    if (m_month_filter && !m_month_ok[m]) {
                        continue;
                    }
                    const date::year_month ym{y, date::month{m}};
                    if (year_scope) {
                        month_candidates(ym, jan1, dec31, set);
                    } else {
                        month_candidates(ym, Date{ym / 1}, Date{ym / date::last}, set);
                    }
                }
                if (!emit(set)) {
                    return;
                }
            }
        }
        }
    }

private:
    static long month_index(Date d) {
        const date::year_month_day ymd{d};
        return static_cast<long>(static_cast<int>(ymd.year())) * 12 + static_cast<long>(static_cast<unsigned>(ymd.month())) - 1;
    }
    static date::year_month year_month_of(long index) {
        return date::year_month{date::year{static_cast<int>(index / 12)}, date::month{static_cast<unsigned>(index % 12 + 1)}};
    }

    bool month_ok(Date d) const {
        return !m_month_filter || m_month_ok[static_cast<unsigned>(date::year_month_day{d}.month())];
    }
    bool weekday_plain_ok(Date d) const { return !m_has_by_day || m_plain_weekday[date::weekday{d}.c_encoding()]; }

    bool month_day_ok(const date::year_month_day& ymd) const {
        if (m_month_day_count == 0) {
            return true;
        }
        const int day = static_cast<int>(static_cast<unsigned>(ymd.day()));
        const int last = static_cast<int>(days_in_month(ymd.year() / ymd.month()));
        for (std::size_t i = 0; i < m_month_day_count; ++i) {
            const int md = m_month_days[i];
            if (md == day || (md < 0 && last + 1 + md == day)) {
                return true;
            }
        }
        return false;
    }

    bool day_passes_daily(Date d) const {
        const date::year_month_day ymd{d};
        return (!m_month_filter || m_month_ok[static_cast<unsigned>(ymd.month())]) && month_day_ok(ymd) &&
               weekday_plain_ok(d);
    }

    // BYDAY, with ordinals counted within [scope_first, scope_last] (a month or a year).
    bool by_day_ok(Date d, Date scope_first, Date scope_last) const {
        if (!m_has_by_day) {
            return true;
        }
        const date::weekday wd{d};
        if (m_plain_weekday[wd.c_encoding()]) {
            return true;
        }
        for (const auto& wn : m_ordinals) {
            if (wn.ordinal == 0 || wn.weekday != wd) {
                continue;
            }
            const int from_start = (d - scope_first).count() / 7 + 1;
            const int from_end = (scope_last - d).count() / 7 + 1;
            if (wn.ordinal == from_start || wn.ordinal == -from_end) {
                return true;
            }
        }
        return false;
    }

    // Appends the days of month `ym` that pass BYMONTHDAY and BYDAY, in order.
    void month_candidates(date::year_month ym, Date scope_first, Date scope_last, std::vector<Date>& out) const {
        const int last = static_cast<int>(days_in_month(ym));
        const Date first{ym / 1};
        if (m_month_day_count > 0) {
            // Resolve each BYMONTHDAY (negative ones from the end); days past the month's end do not exist.
            std::array<int, 62> resolved; // only the first n are read
            std::size_t n = 0;
            for (std::size_t i = 0; i < m_month_day_count; ++i) {
                const int md = m_month_days[i];
                const int d = md > 0 ? md : last + 1 + md;
                if (d >= 1 && d <= last) {
                    resolved[n++] = d;
                }
            }
            if (n > 1) {
                std::sort(resolved.begin(), resolved.begin() + static_cast<std::ptrdiff_t>(n));
            }
            for (std::size_t i = 0; i < n; ++i) {
                if (i > 0 && resolved[i] == resolved[i - 1]) {
                    continue;
                }
                const Date d = first + date::days{resolved[i] - 1};
                if (by_day_ok(d, scope_first, scope_last)) {
                    out.push_back(d);
                }
            }
            return;
        }
        if (m_plain_any && m_ordinals.empty()) {
            // Only plain weekdays: the weekday steps along with the day, no date arithmetic per day.
            unsigned wd = date::weekday{first}.c_encoding();
            for (int day = 1; day <= last; ++day) {
                if (m_plain_weekday[wd]) {
                    out.push_back(first + date::days{day - 1});
                }
                wd = wd == 6 ? 0 : wd + 1;
            }
            return;
        }
        for (int day = 1; day <= last; ++day) {
            const Date d = first + date::days{day - 1};
            if (by_day_ok(d, scope_first, scope_last)) {
                out.push_back(d);
            }
        }
    }

    // Keeps the positions BYSETPOS names, in place (positions outside the set are ignored).
    void apply_set_pos(std::vector<Date>& period) const {
        if (m_rule.by_set_pos.empty() || period.empty()) {
            return;
        }
        // A period holds at most a year of days.
        const auto n = static_cast<long>(period.size());
        std::array<bool, 366> keep; // only the first n are used, and cleared here
        std::fill_n(keep.begin(), period.size(), false);
        for (int pos : m_rule.by_set_pos) {
            const long index = pos > 0 ? pos - 1 : n + pos;
            if (index >= 0 && index < n) {
                keep[static_cast<std::size_t>(index)] = true;
            }
        }
        std::size_t out = 0;
        for (std::size_t i = 0; i < period.size(); ++i) {
            if (keep[i]) {
                period[out++] = period[i];
            }
        }
        period.resize(out);
    }

    void add_month_day(int md) {
        // Values are 1..31 or -31..-1 (the parser checks); each is kept once.
        if (std::find(m_month_days.begin(), m_month_days.begin() + static_cast<std::ptrdiff_t>(m_month_day_count), md) ==
            m_month_days.begin() + static_cast<std::ptrdiff_t>(m_month_day_count)) {
            m_month_days[m_month_day_count++] = md;
        }
    }
    void add_weekday(const WeekdayNum& wn) {
        m_has_by_day = true;
        if (wn.ordinal == 0) {
            m_plain_weekday[wn.weekday.c_encoding()] = true;
            m_plain_any = true;
        } else {
            m_ordinals = std::span<const WeekdayNum>(m_rule.by_day); // ordinals only come from the rule itself
        }
    }

    const RecurrenceRule& m_rule;
    Date m_dtstart;
    std::array<int, 62> m_month_days{};
    std::size_t m_month_day_count = 0;
    std::array<bool, 13> m_month_ok{};
    bool m_month_filter = false;
    bool m_has_by_day = false;
    std::array<bool, 7> m_plain_weekday{};
    bool m_plain_any = false;
    std::span<const WeekdayNum> m_ordinals; // the rule's BYDAY list when it has ordinals (plain entries are skipped)
};

} // namespace

void expand_into(const RecurrenceRule& rule, Date dtstart, Date from, Date to, std::vector<Date>& out) {
    out.clear();
    Expander(rule, dtstart).run(from, to, [&](Date d) {
        out.push_back(d);
        return true;
    });
}

std::vector<Date> expand(const RecurrenceRule& rule, Date dtstart, Date from, Date to) {
    std::vector<Date> out;
    expand_into(rule, dtstart, from, to, out);
    return out;
}

void for_each_occurrence(const RecurrenceRule& rule, Date dtstart, Date from, Date to,
                         const std::function<bool(Date)>& visit) {
    Expander(rule, dtstart).run(from, to, visit);
}

std::vector<Date> first_occurrences(const RecurrenceRule& rule, Date dtstart, std::size_t n, Date to) {
    std::vector<Date> out;
    if (n == 0) {
        return out;
    }
    Expander(rule, dtstart).run(dtstart, to, [&](Date d) {
        out.push_back(d);
        return out.size() < n;
    });
    return out;
}

} // namespace steadypay::core

#include "core/result.hpp"

#include <cstdio>

namespace steadypay::core {
namespace {

std::string iso(date::sys_days d) {
    const date::year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

std::string plain(const Fact& f) {
    struct Writer {
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(date::sys_days d) const { return iso(d); }
        std::string operator()(const AmountFact& a) const { return a.plain; }
        std::string operator()(std::int64_t n) const { return std::to_string(n); }
        std::string operator()(const Phrase& p) const { return p.text; }
        std::string operator()(const ListFact& l) const {
            std::string out;
            for (const auto& name : l.names) {
                out += (out.empty() ? "" : ", ") + name;
            }
            for (const auto& d : l.dates) {
                out += (out.empty() ? "" : ", ") + iso(d);
            }
            return out;
        }
    };
    return std::visit(Writer{}, f);
}

} // namespace

std::string fill_fields(std::string_view pattern, const std::vector<std::string>& fields) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
            out += c;
            ++i;
            continue;
        }
        if (c == '{') {
            const auto close = pattern.find('}', i);
            std::size_t n = 0;
            bool number = close != std::string_view::npos && close > i + 1;
            for (std::size_t k = i + 1; number && k < close; ++k) {
                number = pattern[k] >= '0' && pattern[k] <= '9';
                n = n * 10 + static_cast<std::size_t>(pattern[k] - '0');
            }
            if (number && n < fields.size()) {
                out += fields[n];
                i = close;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::string Error::text() const {
    std::vector<std::string> fields;
    fields.reserve(facts.size());
    for (const auto& f : facts) {
        fields.push_back(plain(f));
    }
    return fill_fields(what_plural && count != 1 ? what_plural : what, fields);
}

std::string Error::message() const {
    std::string out;
    for (const auto& w : where) {
        out += w + ": ";
    }
    out += text();
    if (cause) {
        out += (out.empty() ? "" : ": ") + cause->message();
    }
    return out;
}

} // namespace steadypay::core

// steadypay schedule RRULE --start DATE (--until DATE | --count N) [--business-day RULE]
//                    [--holidays REGION] [--weekend SA,SU] [--holiday DATE]...
// Prints the due dates of a schedule, one ISO date a line. Needs no store.

#include "app/cli/commands.hpp"
#include "app/cli/options.hpp"
#include "app/common/i18n.hpp"

#include "core/schedule.hpp"

#include <ostream>

namespace steadypay::cli {

namespace {

class ScheduleCommand final : public Command {
public:
    void add_to(CLI::App& app, Context&) override {
        m_sub = app.add_subcommand("schedule", "Print the due dates of a recurrence rule, one ISO date a line");
        m_sub->add_option("rrule", m_rrule, "RFC 5545 rule, e.g. \"FREQ=MONTHLY;BYMONTHDAY=1\"")->required();
        m_sub->add_option("--start", m_start, "The first day the schedule exists (DTSTART), YYYY-MM-DD")->required();
        auto* until = m_sub->add_option("--until", m_until, "The last due date to print, YYYY-MM-DD");
        auto* count = m_sub->add_option("--count", m_count, "How many due dates to print");
        until->excludes(count);
        m_sub->add_option("--business-day", m_business_day,
                          "none, preceding, following or modified_following (default none)");
        m_sub->add_option("--holidays", m_region, "Keep a region's bank holidays: US, IL, EG or none (the default)");
        m_sub->add_option("--weekend", m_weekend, "Weekend days, e.g. SA,SU or FR,SA (default: the region's)");
        m_sub->add_option("--holiday", m_holidays, "A holiday, YYYY-MM-DD; repeat for more");
    }

    int run(Context& ctx) override {
        auto schedule_rule = core::parse_rrule(m_rrule);
        if (!schedule_rule) {
            return ctx.fail(std::move(schedule_rule).error().context("RRULE"));
        }
        auto start = date_option("--start", m_start);
        if (!start) {
            return ctx.fail(start.error());
        }
        std::optional<core::Date> until;
        if (!m_until.empty()) {
            auto u = date_option("--until", m_until);
            if (!u) {
                return ctx.fail(u.error());
            }
            until = u.value();
        }
        std::optional<std::size_t> count;
        if (!m_count.empty()) {
            auto n = count_option("--count", m_count, 1, 1000000);
            if (!n) {
                return ctx.fail(n.error());
            }
            count = static_cast<std::size_t>(n.value());
        }
        const bool bounded = schedule_rule->count || schedule_rule->until;
        if (!until && !count && !bounded) {
            return ctx.fail(core::bad_input("give --until DATE or --count N: the rule has no end of its own"));
        }
        auto business_day = core::parse_business_day_rule(m_business_day);
        if (!business_day) {
            return ctx.fail(std::move(business_day).error().context("--business-day"));
        }
        auto region = core::parse_holiday_region(m_region);
        if (!region) {
            return ctx.fail(std::move(region).error().context("--holidays"));
        }
        core::Result<std::vector<date::weekday>> weekend = core::region_weekend(region.value());
        if (!m_weekend.empty()) {
            weekend = weekdays_option("--weekend", m_weekend);
        }
        if (!weekend) {
            return ctx.fail(weekend.error());
        }
        std::vector<core::Date> holidays;
        for (const auto& text : m_holidays) {
            auto d = date_option("--holiday", text);
            if (!d) {
                return ctx.fail(d.error());
            }
            holidays.push_back(d.value());
        }
        auto calendar = core::BusinessCalendar::make(weekend.value(), holidays, core::region_holiday_dates(region.value()));
        if (!calendar) {
            return ctx.fail(std::move(calendar).error().context("--weekend"));
        }
        const core::Schedule schedule{m_rrule, schedule_rule.value(), start.value(), std::nullopt};
        const auto n = count.value_or(std::numeric_limits<std::size_t>::max());
        const auto dates =
            core::first_due_dates(schedule, business_day.value(), calendar.value(), n, until.value_or(core::k_max_date));
        for (const auto& d : dates) {
            ctx.out << core::to_iso(d.due) << '\n';
        }
        if (dates.empty()) {
            // Not an error (the rule is well formed), but worth saying: it is usually a typo.
            ctx.err << "steadypay: "
                    << (until ? app::say("the rule has no dates from {0} to {1} (nothing is printed)",
                                         core::to_iso(start.value()), core::to_iso(*until))
                              : app::say("the rule has no dates from {0} (nothing is printed)",
                                         core::to_iso(start.value())))
                    << '\n';
        }
        return 0;
    }

private:
    std::string m_rrule;
    std::string m_start;
    std::string m_until;
    std::string m_count;
    std::string m_business_day = "none";
    std::string m_region = "none";
    std::string m_weekend;
    std::vector<std::string> m_holidays;
};

} // namespace

std::unique_ptr<Command> make_schedule_command() { return std::make_unique<ScheduleCommand>(); }

} // namespace steadypay::cli

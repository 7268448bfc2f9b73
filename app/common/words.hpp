#pragma once
// The facts core returns, said in the person's language: a plan decision's reason, a warning's
// title, details and actions. Every sentence goes through the catalogue (app/common/i18n.hpp), so
// the command line and the window say the same thing in English, Hebrew or Arabic.

#include "core/plan.hpp"
#include "core/schedule_presets.hpp"
#include "core/warnings.hpp"

#include <memory>
#include <string>
#include <vector>

namespace steadypay::app {

// "today, Dec 8", "tomorrow, Dec 9", "Dec 12, in 4 days", "Nov 30, 8 days ago".
[[nodiscard]] std::string when(core::Date d, core::Date today);

// What a decision costs: "on time", "6 days late: 25.00 late fee; reported late to credit bureaus".
[[nodiscard]] std::string lateness(const core::Bill& bill, const core::PlanDecision& d);

// One line a person can act on: "Ask Metro Wireless to move Phone's autopay from Dec 8 to Dec 12:
// paying 65.00 on Dec 8 would overdraw Checking on Dec 8; your Paycheck lands Dec 12. 4 days
// after its due date, inside its 5-day grace: no fee." Dates are said relative to `context`'s year.
[[nodiscard]] std::string plan_reason(const core::Household& household, const core::PlanDecision& d,
                                      core::Date context);

struct WarningText {
    std::string title;                // "Checking would be overdrawn"
    std::string message;              // one or two sentences
    std::vector<std::string> actions; // most useful first
};
[[nodiscard]] WarningText warning_text(const core::Household& household, const core::Warning& w, core::Date today);

// A schedule preset in words: "Monthly on the 30th, or the last day of a shorter month",
// "Every 2 months on the 20th, counting from the start date's month".
[[nodiscard]] std::string schedule_text(const core::SchedulePreset& preset);

// A priority class by its name: "Credit minimum payments".
[[nodiscard]] std::string priority_name(core::Priority p);

// An error in words: where it happened (a file, a field, an option: as they are written), what is
// wrong, and what caused it, each fact in the person's formats:
// "household.json: bills[2].amount: \"12,50\" is not an amount: ...".
[[nodiscard]] std::string describe(const core::Error& error);

// For the length of a scope, everything is said in English with plain amounts, whatever the
// language in use: the text fields of the JSON documents, which scripts read.
class EnglishScope {
public:
    EnglishScope();
    ~EnglishScope();
    EnglishScope(const EnglishScope&) = delete;
    EnglishScope& operator=(const EnglishScope&) = delete;

private:
    struct Saved;
    std::unique_ptr<Saved> m_saved;
};

} // namespace steadypay::app

#pragma once
// Business days and the adjustment of due dates that fall on other days.
//
// Conventions (QuantLib's names and meanings):
//   none                the date as scheduled
//   following           the first business day on or after it
//   preceding           the last business day on or before it
//   modified_following  following, unless that crosses into the next month; then preceding
//
// With a Saturday+Sunday weekend: Sat 2026-11-28 -> following Mon 11-30, preceding Fri 11-27.
// Sat 2026-10-31 -> following would be Mon 11-02 (another month), so modified_following gives
// Fri 10-30. With a Friday+Saturday weekend (Israel) Fri 2026-11-27 -> following Sun 11-29.

#include "core/dates.hpp"
#include "core/result.hpp"

#include <array>
#include <memory>
#include <string_view>
#include <vector>

namespace steadypay::core {

enum class BusinessDayRule { none, preceding, following, modified_following };

[[nodiscard]] Result<BusinessDayRule> parse_business_day_rule(std::string_view text);
[[nodiscard]] std::string_view to_string(BusinessDayRule rule);

class BusinessCalendar {
public:
    // Saturday and Sunday off, no holidays.
    BusinessCalendar();

    // At least one day of the week must be a business day. Holidays may come in any order and
    // may repeat. `region` holds a region's holiday dates, sorted (region_holiday_dates());
    // `removed` are those of them the person does not keep.
    [[nodiscard]] static Result<BusinessCalendar> make(const std::vector<date::weekday>& weekend,
                                                       std::vector<Date> holidays,
                                                       std::shared_ptr<const std::vector<Date>> region = nullptr,
                                                       std::vector<Date> removed = {});

    [[nodiscard]] bool is_business_day(Date d) const;
    [[nodiscard]] bool is_weekend(date::weekday wd) const { return m_weekend[wd.c_encoding()]; }
    [[nodiscard]] Date adjust(Date d, BusinessDayRule rule) const;
    // The longest run of consecutive non-business days: no adjustment moves a date further.
    [[nodiscard]] int max_shift() const { return m_max_run; }

private:
    [[nodiscard]] bool is_holiday(Date d) const;

    std::array<bool, 7> m_weekend{};
    std::vector<Date> m_holidays; // sorted, unique
    std::shared_ptr<const std::vector<Date>> m_region; // sorted, unique; may be null
    std::vector<Date> m_removed;                       // sorted, unique
    int m_max_run = 0;
};

} // namespace steadypay::core

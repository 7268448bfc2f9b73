#pragma once
// The daily balance of one account, drawn: the closing balance and the intraday low, the cushion
// and zero lines, overdraft and below-cushion days shaded, markers for paydays and bills. The
// numbers all come from core's forecast; this only draws them.

#include "app/gui/model/axis.hpp"
#include "core/forecast.hpp"

#include <wx/panel.h>

#include <vector>

namespace steadypay::gui {

class ForecastChart : public wxPanel {
public:
    explicit ForecastChart(wxWindow* parent);

    // Shows `days` days of `account` from the forecast (fewer if the forecast is shorter).
    void set(const core::Household& household, const core::Forecast& forecast, std::size_t account, int days);
    void clear();
    [[nodiscard]] std::size_t days_shown() const { return m_days.size(); }

private:
    struct Day {
        core::Date date;
        std::int64_t low = 0;
        std::int64_t close = 0;
        bool income = false;
        bool bill = false;
        wxString label; // the day's events, for the hover text
    };

    void on_paint(wxPaintEvent&);
    void on_motion(wxMouseEvent&);
    [[nodiscard]] wxRect plot_area() const;
    [[nodiscard]] double x_of(std::size_t index, const wxRect& area) const;
    [[nodiscard]] double y_of(std::int64_t minor, const wxRect& area) const;

    std::vector<Day> m_days;
    core::Currency m_currency;
    std::int64_t m_cushion = 0;
    BalanceScale m_scale; // the amounts up the chart, and their grid lines
    int m_hover = -1;
};

} // namespace steadypay::gui

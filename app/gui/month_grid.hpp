#pragma once
// A month drawn as a grid of days: each day's payments and incomes, its closing balance, and
// shortfall days coloured. It draws what it is given.

#include "core/dates.hpp"

#include <wx/panel.h>

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace steadypay::gui {

struct DayCell {
    wxString balance;            // empty outside the forecast
    std::vector<wxString> lines; // "Rent -1150.00"
    std::vector<bool> incoming;  // per line: an income
    enum class State { none, ok, below_cushion, overdraft } state = State::none;
};

class MonthGrid : public wxPanel {
public:
    explicit MonthGrid(wxWindow* parent);
    void set(date::year_month month, std::map<core::Date, DayCell> cells, core::Date today);
    void on_select(std::function<void(core::Date)> f) { m_on_select = std::move(f); }
    [[nodiscard]] std::size_t count(DayCell::State state) const;

private:
    void on_paint(wxPaintEvent&);
    void on_click(wxMouseEvent&);
    [[nodiscard]] core::Date first_shown() const;

    date::year_month m_month{date::year{2026}, date::month{1}};
    std::map<core::Date, DayCell> m_cells;
    core::Date m_today;
    std::optional<core::Date> m_selected;
    std::function<void(core::Date)> m_on_select;
};

} // namespace steadypay::gui

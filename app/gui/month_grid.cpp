#include "app/gui/month_grid.hpp"

#include "app/gui/util.hpp"

#include <wx/dcbuffer.h>

namespace steadypay::gui {

MonthGrid::MonthGrid(wxWindow* parent) : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(700, 420)) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &MonthGrid::on_paint, this);
    Bind(wxEVT_LEFT_DOWN, &MonthGrid::on_click, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

void MonthGrid::set(date::year_month month, std::map<core::Date, DayCell> cells, core::Date today) {
    m_month = month;
    m_cells = std::move(cells);
    m_today = today;
    Refresh();
}

std::size_t MonthGrid::count(DayCell::State state) const {
    std::size_t n = 0;
    for (const auto& [d, c] : m_cells) {
        const date::year_month_day ymd{d};
        n += (ymd.year() / ymd.month()) == m_month && c.state == state ? 1U : 0U;
    }
    return n;
}

core::Date MonthGrid::first_shown() const {
    // Weeks start on the locale's first day (Monday or Sunday).
    const core::Date first{m_month / 1};
    wxDateTime::WeekDay first_day = wxDateTime::Mon;
    const unsigned week_start = wxDateTime::GetFirstWeekDay(&first_day) && first_day == wxDateTime::Sun ? 0U : 1U;
    const unsigned wd = date::weekday{first}.c_encoding();
    return first - date::days{static_cast<int>((wd + 7U - week_start) % 7U)};
}

void MonthGrid::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetBackgroundColour()));
    dc.Clear();
    const auto size = GetClientSize();
    const int header = dc.GetCharHeight() + 6;
    const int cw = size.x / 7;
    const int ch = std::max((size.y - header) / 6, 20);
    const core::Date start = first_shown();
    dc.SetTextForeground(colours::muted);
    for (int c = 0; c < 7; ++c) {
        const auto wd = date::weekday{start + date::days{c}};
        dc.DrawText(wxs(app::formats().weekday_short(static_cast<int>(wd.iso_encoding()) - 1)), c * cw + 4, 2);
    }
    const wxFont normal = GetFont();
    const wxFont small = normal.Smaller();
    for (int i = 0; i < 42; ++i) {
        const core::Date d = start + date::days{i};
        const date::year_month_day ymd{d};
        const bool in_month = (ymd.year() / ymd.month()) == m_month;
        const wxRect r(i % 7 * cw, header + i / 7 * ch, cw - 1, ch - 1);
        const auto it = m_cells.find(d);
        wxColour fill = in_month ? *wxWHITE : wxColour(245, 245, 245);
        if (it != m_cells.end()) {
            if (it->second.state == DayCell::State::overdraft) {
                fill = colours::overdraft_fill;
            } else if (it->second.state == DayCell::State::below_cushion) {
                fill = colours::below_cushion_fill;
            }
        }
        dc.SetBrush(wxBrush(fill));
        dc.SetPen(wxPen(m_selected == d ? wxColour(30, 80, 170) : wxColour(220, 220, 220), m_selected == d ? 2 : 1));
        dc.DrawRectangle(r);
        dc.SetFont(d == m_today ? normal.Bold() : normal);
        dc.SetTextForeground(in_month ? *wxBLACK : colours::muted);
        dc.DrawText(wxString::Format("%u", static_cast<unsigned>(ymd.day())), r.x + 4, r.y + 2);
        if (it == m_cells.end()) {
            continue;
        }
        dc.SetFont(small);
        const auto& cell = it->second;
        int y = r.y + dc.GetCharHeight() + 4;
        for (std::size_t k = 0; k < cell.lines.size() && y + dc.GetCharHeight() < r.GetBottom() - dc.GetCharHeight();
             ++k) {
            dc.SetTextForeground(cell.incoming[k] ? colours::income : colours::bill);
            dc.DrawText(cell.lines[k], r.x + 4, y);
            y += dc.GetCharHeight();
        }
        if (!cell.balance.empty()) {
            dc.SetTextForeground(cell.state == DayCell::State::overdraft ? colours::overdraft : *wxBLACK);
            const auto w = dc.GetTextExtent(cell.balance).x;
            dc.DrawText(cell.balance, r.GetRight() - w - 4, r.GetBottom() - dc.GetCharHeight() - 2);
        }
    }
}

void MonthGrid::on_click(wxMouseEvent& e) {
    const auto size = GetClientSize();
    wxClientDC dc(this);
    const int header = dc.GetCharHeight() + 6;
    const int cw = std::max(size.x / 7, 1);
    const int ch = std::max((size.y - header) / 6, 20);
    if (e.GetY() < header) {
        return;
    }
    const int index = (e.GetY() - header) / ch * 7 + std::min(e.GetX() / cw, 6);
    if (index < 0 || index >= 42) {
        return;
    }
    m_selected = first_shown() + date::days{index};
    Refresh();
    if (m_on_select) {
        m_on_select(*m_selected);
    }
}

} // namespace steadypay::gui

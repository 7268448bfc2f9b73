#include "app/gui/forecast_chart.hpp"

#include <limits>

#include "app/gui/model/axis.hpp"

#include "app/common/report.hpp"
#include "app/gui/util.hpp"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace steadypay::gui {

namespace {
constexpr int k_left = 80;
constexpr int k_right = 16;
constexpr int k_top = 12;
constexpr int k_bottom = 40;
} // namespace

ForecastChart::ForecastChart(wxWindow* parent) : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(600, 260)) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(wxSize(360, 150)); // an 800x600 screen still shows the list below it
    // Time runs left to right on a chart in every language (a mirrored drawing context would
    // also mirror the digits of the axis labels).
    SetLayoutDirection(wxLayout_LeftToRight);
    Bind(wxEVT_PAINT, &ForecastChart::on_paint, this);
    Bind(wxEVT_MOTION, &ForecastChart::on_motion, this);
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) {
        m_hover = -1;
        UnsetToolTip();
        Refresh();
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

void ForecastChart::clear() {
    m_days.clear();
    Refresh();
}

void ForecastChart::set(const core::Household& h, const core::Forecast& f, std::size_t account, int days) {
    m_days.clear();
    m_currency = h.currency;
    if (account >= f.accounts.size()) {
        Refresh();
        return;
    }
    const auto& af = f.accounts[account];
    m_cushion = h.accounts[af.account].cushion.minor();
    const auto n = std::min(af.days.size(), static_cast<std::size_t>(std::max(days, 1)));
    for (std::size_t i = 0; i < n; ++i) {
        m_days.push_back(Day{af.days[i].date, af.days[i].low.minor(), af.days[i].close.minor(), false, false, {}});
    }
    for (const auto& e : f.events) {
        if (e.account != af.account || m_days.empty() || e.date > m_days.back().date) {
            continue;
        }
        auto& d = m_days[static_cast<std::size_t>(core::days_between(m_days.front().date, e.date))];
        const auto& o = f.occurrences[e.occurrence];
        (o.kind == core::ItemKind::income ? d.income : d.bill) = true;
        d.label += (d.label.empty() ? "" : "; ") + wxs(core::item_name(h, o)) + " " + wxs(app::signed_amount(e.amount));
    }
    std::int64_t lo = std::numeric_limits<std::int64_t>::max();
    std::int64_t hi = std::numeric_limits<std::int64_t>::min();
    for (const auto& d : m_days) {
        lo = std::min(lo, d.low);
        hi = std::max(hi, d.close);
    }
    if (m_days.empty()) {
        lo = hi = 0;
    }
    // Around zero and the cushion stays readable when a paycheck month goes far above.
    m_scale = balance_scale(lo, hi, m_cushion, m_currency.minor_per_major());
    Refresh();
}

wxRect ForecastChart::plot_area() const {
    const auto size = GetClientSize();
    return {k_left, k_top, std::max(size.x - k_left - k_right, 10), std::max(size.y - k_top - k_bottom, 10)};
}

double ForecastChart::x_of(std::size_t index, const wxRect& area) const {
    const double n = static_cast<double>(std::max<std::size_t>(m_days.size(), 2) - 1);
    return area.x + area.width * static_cast<double>(index) / n;
}

double ForecastChart::y_of(std::int64_t minor, const wxRect& area) const {
    return area.y + area.height * (1.0 - m_scale.fraction(minor));
}

void ForecastChart::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetBackgroundColour()));
    dc.Clear();
    if (m_days.empty()) {
        dc.SetTextForeground(colours::muted);
        dc.DrawText(_("No forecast to show."), k_left, k_top + 20);
        return;
    }
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) {
        return;
    }
    const wxRect area = plot_area();
    const double day_width = area.width / static_cast<double>(std::max<std::size_t>(m_days.size(), 1));
    // Shortfall days.
    for (std::size_t i = 0; i < m_days.size(); ++i) {
        const auto& d = m_days[i];
        if (d.low < 0 || d.low < m_cushion) {
            gc->SetBrush(wxBrush(d.low < 0 ? colours::overdraft_fill : colours::below_cushion_fill));
            gc->SetPen(*wxTRANSPARENT_PEN);
            gc->DrawRectangle(x_of(i, area) - day_width / 2, area.y, day_width, area.height);
        }
    }
    // Horizontal grid with amounts.
    gc->SetFont(GetFont(), colours::muted);
    for (const std::int64_t v : m_scale.ticks()) {
        const double y = y_of(v, area);
        gc->SetPen(wxPen(wxColour(225, 225, 225)));
        gc->StrokeLine(area.x, y, area.GetRight(), y);
        // Whole units, in the locale's digits and grouping ("١٬٥٠٠" in Arabic).
        const auto text = wxs(app::formats().number(static_cast<long long>(v / m_currency.minor_per_major())));
        double w = 0;
        double h = 0;
        gc->GetTextExtent(text, &w, &h);
        gc->DrawText(text, area.x - w - 6, y - h / 2);
    }
    // Where the scale changes, above the danger zone: a dashed line.
    if (m_scale.split) {
        gc->SetPen(wxPen(wxColour(170, 170, 170), 1, wxPENSTYLE_LONG_DASH));
        gc->StrokeLine(area.x, y_of(m_scale.focus.hi, area), area.GetRight(), y_of(m_scale.focus.hi, area));
    }
    // Zero and cushion.
    gc->SetPen(wxPen(wxColour(90, 90, 90), 1));
    gc->StrokeLine(area.x, y_of(0, area), area.GetRight(), y_of(0, area));
    if (m_cushion != 0) {
        gc->SetPen(wxPen(colours::below_cushion, 1, wxPENSTYLE_SHORT_DASH));
        gc->StrokeLine(area.x, y_of(m_cushion, area), area.GetRight(), y_of(m_cushion, area));
    }
    // The intraday low (thin) and the closing balance (thick), as steps: balances change at day ends.
    const auto stroke_series = [&](auto value, const wxPen& pen) {
        wxGraphicsPath path = gc->CreatePath();
        for (std::size_t i = 0; i < m_days.size(); ++i) {
            const double x0 = x_of(i, area) - day_width / 2;
            const double y = y_of(value(m_days[i]), area);
            if (i == 0) {
                path.MoveToPoint(std::max<double>(x0, area.x), y);
            } else {
                path.AddLineToPoint(x0, y);
            }
            path.AddLineToPoint(std::min<double>(x0 + day_width, area.GetRight()), y);
        }
        gc->SetPen(pen);
        gc->StrokePath(path);
    };
    stroke_series([](const Day& d) { return d.low; }, wxPen(wxColour(120, 150, 210), 1, wxPENSTYLE_DOT));
    stroke_series([](const Day& d) { return d.close; }, wxPen(wxColour(30, 80, 170), 2));
    // Paydays and bills along the bottom; dates every week or so.
    gc->SetPen(*wxTRANSPARENT_PEN);
    const int step = std::max(1, static_cast<int>(m_days.size() / 8));
    for (std::size_t i = 0; i < m_days.size(); ++i) {
        const double x = x_of(i, area);
        if (m_days[i].income) {
            gc->SetBrush(wxBrush(colours::income));
            wxGraphicsPath t = gc->CreatePath();
            t.MoveToPoint(x, area.GetBottom() - 10);
            t.AddLineToPoint(x - 5, area.GetBottom());
            t.AddLineToPoint(x + 5, area.GetBottom());
            t.CloseSubpath();
            gc->FillPath(t);
        }
        if (m_days[i].bill) {
            gc->SetBrush(wxBrush(colours::bill));
            gc->DrawEllipse(x - 3, area.GetBottom() + 3, 6, 6);
        }
        if (static_cast<int>(i) % step == 0) {
            const auto text = wxs(app::formats().day(m_days[i].date, m_days[i].date));
            double w = 0;
            double h = 0;
            gc->GetTextExtent(text, &w, &h);
            gc->DrawText(text, x - w / 2, area.GetBottom() + 14);
        }
    }
    if (m_hover >= 0 && static_cast<std::size_t>(m_hover) < m_days.size()) {
        gc->SetPen(wxPen(wxColour(60, 60, 60), 1, wxPENSTYLE_DOT));
        const double x = x_of(static_cast<std::size_t>(m_hover), area);
        gc->StrokeLine(x, area.y, x, area.GetBottom());
    }
}

void ForecastChart::on_motion(wxMouseEvent& e) {
    if (m_days.empty()) {
        return;
    }
    const wxRect area = plot_area();
    const double n = static_cast<double>(std::max<std::size_t>(m_days.size(), 2) - 1);
    const double rel = (e.GetX() - area.x) / static_cast<double>(area.width);
    const int index = static_cast<int>(std::lround(std::clamp(rel, 0.0, 1.0) * n));
    if (index == m_hover) {
        return;
    }
    m_hover = index;
    const auto& d = m_days[static_cast<std::size_t>(index)];
    wxString text = wxs(app::formats().weekday_day(d.date, d.date)) + "\n" + _("Low") + " " +
                    money_text(core::Money::from_minor(d.low, m_currency)) + ", " + _("close") + " " +
                    money_text(core::Money::from_minor(d.close, m_currency));
    if (!d.label.empty()) {
        text += "\n" + d.label;
    }
    SetToolTip(text);
    Refresh();
}

} // namespace steadypay::gui

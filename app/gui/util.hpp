#pragma once
// Small pieces every window uses: text and date conversions between core and wx, a list model
// adapter over rows of text, and a label that shows a field's validation message.

#include "app/common/i18n.hpp"
#include "core/dates.hpp"
#include "core/holidays.hpp"
#include "core/money.hpp"

#include <wx/choice.h>
#include <wx/colour.h>
#include <wx/dataview.h>
#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/string.h>
#include <wx/toplevel.h>

#include <optional>
#include <string>
#include <vector>

namespace steadypay::gui {

inline wxString wxs(const std::string& s) {
    return wxString::FromUTF8(s);
}
inline wxString wxs(std::string_view s) {
    return wxString::FromUTF8(s.data(), s.size());
}
inline std::string utf8(const wxString& s) {
    return s.utf8_string();
}

inline wxDateTime to_wx(core::Date d) {
    const date::year_month_day ymd{d};
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(static_cast<unsigned>(ymd.day())),
                      static_cast<wxDateTime::Month>(static_cast<unsigned>(ymd.month()) - 1),
                      static_cast<int>(ymd.year()));
}

inline core::Date from_wx(const wxDateTime& t) {
    return core::Date{date::year{t.GetYear()} / date::month{static_cast<unsigned>(t.GetMonth()) + 1} /
                      date::day{static_cast<unsigned>(t.GetDay())}};
}

// "Tue, Dec 8" style dates for screens, as the person's locale writes them.
inline wxString short_date(core::Date d, core::Date today) { return wxs(app::formats().weekday_day(d, today)); }

// An amount as the person's bank writes it: "$1,150.00", "‏4,200.00 ‏₪".
inline wxString money_text(const core::Money& m) { return wxs(app::formats().money(m)); }
// An amount in a field, as the person would type it: "1,150.00".
inline wxString editable(const core::Money& m) { return wxs(app::formats().editable(m)); }

// A sentence of the window with its values, through the catalogue (app::say): each value is
// bidi-isolated and numbers are written in the locale's digits.
inline std::string say_arg(const wxString& s) { return utf8(s); }
inline const std::string& say_arg(const std::string& s) { return s; }
inline long long say_arg(long long n) { return n; }
template <class... Args> wxString say(const char* msgid, const Args&... args) {
    return wxs(app::say(msgid, say_arg(args)...));
}

// Colours with a meaning, used the same way everywhere.
namespace colours {
inline const wxColour overdraft{200, 40, 40};
inline const wxColour overdraft_fill{240, 190, 190};
inline const wxColour below_cushion{190, 120, 0};
inline const wxColour below_cushion_fill{250, 225, 170};
inline const wxColour good{30, 130, 70};
inline const wxColour good_fill{205, 235, 210};
inline const wxColour income{30, 130, 70};
inline const wxColour bill{170, 60, 60};
inline const wxColour muted{110, 110, 110};
inline const wxColour error{190, 0, 0};
} // namespace colours

// A list model over rows of text, with an optional text colour per row: lists read core values
// through it and nothing else.
class RowsModel : public wxDataViewVirtualListModel {
public:
    void set_rows(std::vector<std::vector<wxString>> rows, std::vector<std::optional<wxColour>> colours = {}) {
        m_rows = std::move(rows);
        m_colours = std::move(colours);
        Reset(static_cast<unsigned>(m_rows.size()));
    }
    [[nodiscard]] std::size_t size() const { return m_rows.size(); }
    [[nodiscard]] const std::vector<wxString>& row(std::size_t i) const { return m_rows[i]; }

    void GetValueByRow(wxVariant& value, unsigned row, unsigned col) const override {
        value = row < m_rows.size() && col < m_rows[row].size() ? m_rows[row][col] : wxString();
    }
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }
    bool GetAttrByRow(unsigned row, unsigned, wxDataViewItemAttr& attr) const override {
        if (row < m_colours.size() && m_colours[row]) {
            attr.SetColour(*m_colours[row]);
            return true;
        }
        return false;
    }

private:
    std::vector<std::vector<wxString>> m_rows;
    std::vector<std::optional<wxColour>> m_colours;
};

// A list control showing a RowsModel, with the given column titles and widths.
wxDataViewCtrl* make_list(wxWindow* parent, RowsModel* model, const std::vector<std::pair<wxString, int>>& columns);

// The selected row of a list over a RowsModel, if any.
std::optional<std::size_t> selected_row(const wxDataViewCtrl* list);

// A number field sized for its range by the toolkit (fixed widths cut off GTK 3's buttons).
inline wxSpinCtrl* make_spin(wxWindow* parent, int min, int max, int value) {
    return new wxSpinCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, min, max,
                          value);
}

// The usable part of the display `w` is on (without panels and docks).
[[nodiscard]] wxRect screen_area(const wxWindow* w);
// Shrinks a top-level window that is larger than its display's usable area to fit inside it, and
// moves it into view: an 800x600 screen shows the whole window.
void fit_on_screen(wxTopLevelWindow* w);

// Gives every window of `sizer` (and of the sizers inside it) to `parent`; a static box goes with
// the fields inside it.
void reparent_windows(wxSizer* sizer, wxWindow* parent);

// A red label under a field for its validation message; hidden while empty.
class FieldError : public wxStaticText {
public:
    explicit FieldError(wxWindow* parent);
    void set(const wxString& message);
};

// A choice of the holiday regions (none, United States, Israel, Egypt), showing `region`.
wxChoice* make_region_choice(wxWindow* parent, core::HolidayRegion region);
[[nodiscard]] core::HolidayRegion region_of(const wxChoice* choice);
void show_region(wxChoice* choice, core::HolidayRegion region);
// A bank holiday's name, in the person's language.
[[nodiscard]] wxString holiday_name(core::HolidayKind kind);

} // namespace steadypay::gui

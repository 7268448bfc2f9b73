#include "app/gui/util.hpp"

#include <wx/display.h>
#include <wx/statbox.h>

#include <algorithm>
#include <array>

namespace steadypay::gui {

wxDataViewCtrl* make_list(wxWindow* parent, RowsModel* model, const std::vector<std::pair<wxString, int>>& columns) {
    auto* list = new wxDataViewCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxDV_SINGLE | wxDV_ROW_LINES | wxDV_HORIZ_RULES);
    list->AssociateModel(model);
    model->DecRef(); // the control owns it now
    for (unsigned i = 0; i < columns.size(); ++i) {
        list->AppendTextColumn(columns[i].first, i, wxDATAVIEW_CELL_INERT, columns[i].second, wxALIGN_NOT,
                               wxDATAVIEW_COL_RESIZABLE);
    }
    return list;
}

std::optional<std::size_t> selected_row(const wxDataViewCtrl* list) {
    const auto item = list->GetSelection();
    if (!item.IsOk()) {
        return std::nullopt;
    }
    const auto* model = static_cast<const wxDataViewVirtualListModel*>(list->GetModel());
    return static_cast<std::size_t>(model->GetRow(item));
}

wxRect screen_area(const wxWindow* w) {
    const int index = wxDisplay::GetFromWindow(w);
    return wxDisplay(index == wxNOT_FOUND ? 0U : static_cast<unsigned>(index)).GetClientArea();
}

void fit_on_screen(wxTopLevelWindow* w) {
    const wxRect area = screen_area(w);
    const wxSize have = w->GetSize();
    const wxSize fits(std::min(have.x, area.width), std::min(have.y, area.height));
    if (fits != have) {
        w->SetSize(fits);
    }
    wxRect r = w->GetRect();
    if (!area.Contains(r)) {
        r.x = std::clamp(r.x, area.x, area.GetRight() - r.width + 1);
        r.y = std::clamp(r.y, area.y, area.GetBottom() - r.height + 1);
        w->Move(r.GetPosition());
    }
}

void reparent_windows(wxSizer* sizer, wxWindow* parent) {
    if (auto* box = dynamic_cast<wxStaticBoxSizer*>(sizer)) {
        box->GetStaticBox()->Reparent(parent); // its fields are its own children, and go with it
        return;
    }
    for (auto* item : sizer->GetChildren()) {
        if (auto* w = item->GetWindow()) {
            w->Reparent(parent);
        } else if (auto* inner = item->GetSizer()) {
            reparent_windows(inner, parent);
        }
    }
}

FieldError::FieldError(wxWindow* parent) : wxStaticText(parent, wxID_ANY, wxString()) {
    SetForegroundColour(colours::error);
    Hide();
}

void FieldError::set(const wxString& message) {
    if (message == GetLabel() && IsShown() == !message.empty()) {
        return;
    }
    SetLabel(message);
    Show(!message.empty());
    if (auto* top = wxGetTopLevelParent(this)) {
        // A long message wraps at the width of the field it is under (the whole dialog's, for a
        // message of its own); the dialog grows to show the whole of it, within the screen.
        const auto* slot = GetContainingSizer();
        const int width = slot && slot->GetSize().x > 150 ? slot->GetSize().x : top->GetClientSize().x - 40;
        Wrap(std::max(150, width));
        top->Layout();
        if (auto* sizer = top->GetSizer()) {
            const wxSize need = sizer->ComputeFittingWindowSize(top);
            const wxSize have = top->GetSize();
            const wxRect screen = screen_area(top);
            const wxSize grown(std::min(std::max(need.x, have.x), screen.width),
                               std::min(std::max(need.y, have.y), screen.height));
            if (grown != have) {
                top->SetSize(grown);
                top->Layout();
            }
        }
    }
}

namespace {

constexpr std::array k_regions{core::HolidayRegion::none, core::HolidayRegion::us, core::HolidayRegion::il,
                               core::HolidayRegion::eg};

} // namespace

wxChoice* make_region_choice(wxWindow* parent, core::HolidayRegion region) {
    const wxString names[] = {_("None (only the days I add)"), _("United States (Federal Reserve)"),
                              _("Israel (Bank of Israel)"), _("Egypt (Central Bank of Egypt)")};
    auto* choice = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, static_cast<int>(std::size(names)),
                                names);
    show_region(choice, region);
    return choice;
}

void show_region(wxChoice* choice, core::HolidayRegion region) {
    const auto at = std::find(k_regions.begin(), k_regions.end(), region);
    choice->SetSelection(static_cast<int>(at == k_regions.end() ? 0 : at - k_regions.begin()));
}

core::HolidayRegion region_of(const wxChoice* choice) {
    const int i = choice->GetSelection();
    return i < 0 || i >= static_cast<int>(k_regions.size()) ? core::HolidayRegion::none
                                                            : k_regions[static_cast<std::size_t>(i)];
}

wxString holiday_name(core::HolidayKind kind) {
    using K = core::HolidayKind;
    switch (kind) {
    case K::us_new_year: return _("New Year's Day");
    case K::us_martin_luther_king_day: return _("Martin Luther King Jr. Day");
    case K::us_washington_birthday: return _("Washington's Birthday");
    case K::us_memorial_day: return _("Memorial Day");
    case K::us_juneteenth: return _("Juneteenth");
    case K::us_independence_day: return _("Independence Day");
    case K::us_labor_day: return _("Labor Day");
    case K::us_columbus_day: return _("Columbus Day");
    case K::us_veterans_day: return _("Veterans Day");
    case K::us_thanksgiving: return _("Thanksgiving Day");
    case K::us_christmas: return _("Christmas Day");
    case K::il_purim: return _("Purim");
    case K::il_pesach: return _("Pesach");
    case K::il_pesach_seventh_day: return _("Seventh day of Pesach");
    case K::il_independence_day: return _("Independence Day (Yom Ha'atzmaut)");
    case K::il_shavuot: return _("Shavuot");
    case K::il_rosh_hashana: return _("Rosh Hashana");
    case K::il_rosh_hashana_second_day: return _("Rosh Hashana, second day");
    case K::il_yom_kippur: return _("Yom Kippur");
    case K::il_sukkot: return _("Sukkot");
    case K::il_simchat_torah: return _("Simchat Torah");
    case K::eg_bank_new_year: return _("New Year's Day (banks)");
    case K::eg_coptic_christmas: return _("Coptic Christmas");
    case K::eg_january_25_revolution: return _("January 25 Revolution and Police Day");
    case K::eg_sham_el_nessim: return _("Sham El-Nessim");
    case K::eg_sinai_liberation: return _("Sinai Liberation Day");
    case K::eg_labour_day: return _("Labour Day");
    case K::eg_june_30_revolution: return _("June 30 Revolution");
    case K::eg_bank_holiday_july_1: return _("Bank holiday (July 1)");
    case K::eg_july_23_revolution: return _("July 23 Revolution");
    case K::eg_armed_forces_day: return _("Armed Forces Day");
    case K::eg_islamic_new_year: return _("Islamic New Year");
    case K::eg_prophet_birthday: return _("The Prophet's Birthday");
    case K::eg_eid_al_fitr: return _("Eid al-Fitr");
    case K::eg_arafat_day: return _("Arafat Day");
    case K::eg_eid_al_adha: return _("Eid al-Adha");
    }
    return wxString();
}

} // namespace steadypay::gui

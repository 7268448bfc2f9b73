#include "app/gui/dialogs.hpp"

#include "app/common/clock.hpp"
#include "app/common/passphrase_strength.hpp"
#include "app/common/words.hpp"
#include "app/gui/util.hpp"
#include "core/recording.hpp"
#include "storage/household_file.hpp"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/clntdata.h>
#include <wx/combobox.h>
#include <wx/datectrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

namespace steadypay::gui {

namespace {

constexpr int k_custom = 9; // the last choice of the schedule editor: a rule of one's own

// The schedule editor's parameter controls, in the order they sit in its row (a label before its
// control); each preset shows some of them.
enum SchedulePart : std::size_t {
    part_day_label,
    part_day,
    part_second_label,
    part_second_day,
    part_every,
    part_interval,
    part_weeks,
    part_months,
    part_on,
    part_weekday,
    part_in,
    part_month,
    part_rrule,
    part_count,
};

} // namespace

wxString fields_of(wxWindow* w) {
    wxString out;
    if (auto* t = dynamic_cast<wxTextCtrl*>(w)) {
        out << t->GetValue();
    } else if (auto* c = dynamic_cast<wxComboBox*>(w)) {
        out << c->GetValue();
    } else if (auto* l = dynamic_cast<wxCheckListBox*>(w)) {
        for (unsigned i = 0; i < l->GetCount(); ++i) {
            out << l->GetString(i) << (l->IsChecked(i) ? "+" : "-");
        }
    } else if (auto* ch = dynamic_cast<wxChoice*>(w)) {
        out << ch->GetSelection();
    } else if (auto* b = dynamic_cast<wxCheckBox*>(w)) {
        out << b->GetValue();
    } else if (auto* r = dynamic_cast<wxRadioBox*>(w)) {
        out << r->GetSelection();
    } else if (auto* s = dynamic_cast<wxSpinCtrl*>(w)) {
        out << s->GetValue();
    } else if (auto* d = dynamic_cast<wxDatePickerCtrl*>(w)) {
        out << d->GetValue().FormatISODate();
    }
    out << '\x1f';
    for (auto* child : w->GetChildren()) {
        if (!child->IsTopLevel()) {
            out << fields_of(child);
        }
    }
    return out;
}

bool edited(wxDialog* dialog) {
    const auto* shown = dynamic_cast<wxStringClientData*>(dialog->GetClientObject());
    return shown && shown->GetData() != fields_of(dialog);
}

namespace {

// OK closes the dialog only when everything in it is right; the messages stay next to the fields.
// Cancel (the button, Escape or the window's close box) asks first when something was changed
// since the dialog was filled in.
template <class Dialog> void close_only_when_valid(Dialog* dialog) {
    dialog->Bind(
        wxEVT_BUTTON,
        [dialog](wxCommandEvent& e) {
            if (dialog->validate()) {
                e.Skip();
            }
        },
        wxID_OK);
    // What the dialog shows once its constructor and its caller have filled it in.
    dialog->CallAfter([dialog] { dialog->SetClientObject(new wxStringClientData(fields_of(dialog))); });
    dialog->Bind(
        wxEVT_BUTTON,
        [dialog](wxCommandEvent& e) {
            if (!edited(dialog) ||
                wxMessageBox(_("Discard your changes?"), _("Unsaved changes"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION,
                             dialog) == wxYES) {
                e.Skip();
            }
        },
        wxID_CANCEL);
}

wxString trimmed(const wxTextCtrl* t) {
    return t->GetValue().Strip(wxString::both);
}

// The money in a text field, or the message to show next to it.
core::Result<core::Money> money_of(const wxTextCtrl* t, core::Currency c) {
    const auto text = trimmed(t);
    return app::formats().parse_money(text.empty() ? "0" : utf8(text), c);
}

wxSizer* with_error(wxWindow* parent, wxWindow* control, FieldError*& error, wxWindow* extra = nullptr) {
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(control, wxSizerFlags(1).Expand());
    if (extra) {
        row->Add(extra, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
    }
    column->Add(row, wxSizerFlags().Expand());
    error = new FieldError(parent);
    column->Add(error);
    return column;
}

const std::array<core::Priority, core::k_priority_count> k_priorities{
    core::Priority::housing,        core::Priority::utilities,      core::Priority::transportation,
    core::Priority::childcare,      core::Priority::credit_minimum, core::Priority::other_debt,
    core::Priority::phone_internet, core::Priority::discretionary};

} // namespace

// ScheduleEditor ----------------------------------------------------------------------------------

ScheduleEditor::ScheduleEditor(wxWindow* parent, const core::Household& household)
    : wxPanel(parent), m_household(household) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    const wxString kinds[] = {_("Monthly, on a day of the month"),
                              _("Monthly, on the 29th-31st or the last day of a shorter month"),
                              _("On the last day of every month"),
                              _("Every other week"),
                              _("Twice a month, on two days"),
                              _("Every few weeks"),
                              _("Once a year"),
                              _("Once"),
                              _("Every few months, on a day of the month"),
                              _("A rule of my own (RFC 5545 RRULE)")};
    m_kind = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 10, kinds);
    top->Add(m_kind, wxSizerFlags().Expand());

    auto* params = new wxBoxSizer(wxHORIZONTAL);
    const auto label = [&](const wxString& text) {
        auto* t = new wxStaticText(this, wxID_ANY, text);
        params->Add(t, wxSizerFlags().CenterVertical().Border(wxRIGHT, 4));
        return t;
    };
    m_parts.push_back(label(_("day")));
    m_day = make_spin(this, 1, 31, 1);
    params->Add(m_day, wxSizerFlags().Border(wxRIGHT, 8));
    m_parts.push_back(m_day);
    m_parts.push_back(label(_("and day")));
    m_second_day = make_spin(this, 1, 31, 15);
    params->Add(m_second_day, wxSizerFlags().Border(wxRIGHT, 8));
    m_parts.push_back(m_second_day);
    m_parts.push_back(label(_("every")));
    m_interval = make_spin(this, 1, 52, 4);
    params->Add(m_interval, wxSizerFlags());
    m_parts.push_back(m_interval);
    m_parts.push_back(label(_("weeks")));
    m_parts.push_back(label(_("months")));
    m_parts.push_back(label(_("on")));
    wxArrayString days;
    for (unsigned i = 0; i < 7; ++i) {
        days.Add(wxDateTime::GetWeekDayName(static_cast<wxDateTime::WeekDay>(i)));
    }
    m_weekday = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, days);
    m_weekday->SetSelection(5);
    params->Add(m_weekday, wxSizerFlags().Border(wxRIGHT, 8));
    m_parts.push_back(m_weekday);
    m_parts.push_back(label(_("in")));
    wxArrayString months;
    for (int i = 0; i < 12; ++i) {
        months.Add(wxDateTime::GetMonthName(static_cast<wxDateTime::Month>(i)));
    }
    m_month = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, months);
    m_month->SetSelection(0);
    params->Add(m_month);
    m_parts.push_back(m_month);
    m_rrule = new wxTextCtrl(this, wxID_ANY, "FREQ=MONTHLY;BYMONTHDAY=1");
    params->Add(m_rrule, wxSizerFlags(1));
    m_parts.push_back(m_rrule);
    top->Add(params, wxSizerFlags().Expand().Border(wxTOP, 6));
    wxASSERT(m_parts.size() == part_count);

    auto* dates = new wxBoxSizer(wxHORIZONTAL);
    dates->Add(new wxStaticText(this, wxID_ANY, _("Starting")), wxSizerFlags().CenterVertical().Border(wxRIGHT, 4));
    m_start = new wxDatePickerCtrl(this, wxID_ANY);
    dates->Add(m_start, wxSizerFlags().Border(wxRIGHT, 12));
    m_has_end = new wxCheckBox(this, wxID_ANY, _("ending"));
    dates->Add(m_has_end, wxSizerFlags().CenterVertical().Border(wxRIGHT, 4));
    m_end = new wxDatePickerCtrl(this, wxID_ANY);
    dates->Add(m_end);
    top->Add(dates, wxSizerFlags().Border(wxTOP, 6));

    auto* bd = new wxBoxSizer(wxHORIZONTAL);
    bd->Add(new wxStaticText(this, wxID_ANY, _("On a weekend or holiday")),
            wxSizerFlags().CenterVertical().Border(wxRIGHT, 4));
    const wxString rules[] = {_("keep the date"), _("the business day before"), _("the business day after"),
                              _("the day after, or before at month end")};
    m_business_day = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 4, rules);
    m_business_day->SetSelection(0);
    bd->Add(m_business_day);
    top->Add(bd, wxSizerFlags().Border(wxTOP, 6));

    m_error = new FieldError(this);
    top->Add(m_error, wxSizerFlags().Border(wxTOP, 4));
    m_preview = new wxStaticText(this, wxID_ANY, wxString());
    m_preview->SetForegroundColour(colours::muted);
    top->Add(m_preview, wxSizerFlags().Border(wxTOP, 4));
    SetSizer(top);

    for (wxWindow* w : std::initializer_list<wxWindow*>{m_kind, m_weekday, m_month, m_business_day}) {
        w->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { changed(); });
    }
    for (auto* s : {m_day, m_second_day, m_interval}) {
        s->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { changed(); });
        s->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { changed(); });
    }
    m_rrule->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { changed(); });
    m_has_end->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { changed(); });
    for (auto* d : {m_start, m_end}) {
        d->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { changed(); });
    }
    m_end->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_has_end->GetValue()); });
    set_preset({core::PresetKind::monthly_on_day, 1}, app::clock().today(household.timezone));
}

void ScheduleEditor::set_preset(const core::SchedulePreset& p, core::Date start) {
    m_kind->SetSelection(static_cast<int>(p.kind));
    m_day->SetValue(p.day);
    m_second_day->SetValue(p.second_day);
    m_weekday->SetSelection(static_cast<int>(p.weekday.c_encoding()));
    m_interval->SetValue(p.interval);
    m_month->SetSelection(p.month - 1);
    m_start->SetValue(to_wx(start));
    changed();
}

void ScheduleEditor::set(const core::Schedule& s, core::BusinessDayRule rule) {
    if (const auto preset = core::detect_preset(s.rule)) {
        set_preset(*preset, s.start);
    } else {
        m_kind->SetSelection(k_custom);
        m_rrule->ChangeValue(wxs(s.rrule));
        m_start->SetValue(to_wx(s.start));
    }
    m_has_end->SetValue(s.end.has_value());
    if (s.end) {
        m_end->SetValue(to_wx(*s.end));
    }
    m_business_day->SetSelection(static_cast<int>(rule));
    changed();
}

core::BusinessDayRule ScheduleEditor::business_day() const {
    return static_cast<core::BusinessDayRule>(std::max(m_business_day->GetSelection(), 0));
}

core::Result<std::string> ScheduleEditor::rule_text() const {
    const int kind = m_kind->GetSelection();
    if (kind == k_custom) {
        return utf8(m_rrule->GetValue().Strip(wxString::both));
    }
    core::SchedulePreset p;
    p.kind = static_cast<core::PresetKind>(kind);
    p.day = m_day->GetValue();
    p.second_day = m_second_day->GetValue();
    p.weekday = date::weekday{static_cast<unsigned>(std::max(m_weekday->GetSelection(), 0))};
    p.interval = m_interval->GetValue();
    p.month = m_month->GetSelection() + 1;
    return core::preset_rule(p);
}

core::Result<core::Schedule> ScheduleEditor::schedule() const {
    auto rule = rule_text();
    if (!rule) {
        return std::move(rule).error();
    }
    std::optional<core::Date> end;
    if (m_has_end->GetValue()) {
        end = from_wx(m_end->GetValue());
    }
    return core::Schedule::make(rule.value(), from_wx(m_start->GetValue()), end);
}

std::vector<std::string> ScheduleEditor::shown_parts() const {
    static constexpr std::array<const char*, part_count> names{
        "day label",    "day",      "second day label", "second day", "every label", "interval",   "weeks label",
        "months label", "on label", "weekday",          "in label",   "month",       "rrule"};
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < m_parts.size(); ++i) {
        if (m_parts[i]->IsShown() && std::string_view(names[i]).find("label") == std::string_view::npos) {
            shown.emplace_back(names[i]);
        }
    }
    return shown;
}

void ScheduleEditor::show_error(const wxString& message) {
    m_error->set(message);
}

void ScheduleEditor::changed() {
    const int kind = m_kind->GetSelection();
    // Which parameter controls each choice uses (labels sit before their control in m_parts).
    const auto show = [&](std::initializer_list<std::size_t> parts) {
        for (std::size_t i = 0; i < m_parts.size(); ++i) {
            m_parts[i]->Show(std::find(parts.begin(), parts.end(), i) != parts.end());
        }
    };
    switch (kind) {
    case 0:
    case 1:
        show({part_day_label, part_day});
        break;
    case 3:
        show({part_on, part_weekday});
        break;
    case 4:
        show({part_day_label, part_day, part_second_label, part_second_day});
        break;
    case 5:
        show({part_every, part_interval, part_weeks, part_on, part_weekday});
        break;
    case 6:
        show({part_day_label, part_day, part_in, part_month});
        break;
    case 8:
        show({part_every, part_interval, part_months, part_day_label, part_day});
        break;
    case k_custom:
        show({part_rrule});
        break;
    default:
        show({});
    }
    if (kind == 1 && m_day->GetValue() < 29) {
        m_day->SetValue(30);
    }
    auto s = schedule();
    if (!s) {
        m_preview->SetLabel(wxString());
        m_error->set(wxs(app::describe(s.error())));
    } else {
        m_error->set(wxString());
        const auto today = app::clock().today(m_household.timezone);
        const auto from = std::max(today, s->start);
        const auto next =
            core::due_dates(s.value(), business_day(), m_household.calendar(), from, from + date::days{3 * 366});
        wxString text = next.empty() ? _("No due dates in the next three years.") : _("Next:");
        for (std::size_t i = 0; i < std::min<std::size_t>(next.size(), 6); ++i) {
            text += (i == 0 ? " " : i % 3 == 0 ? ",\n" : ", ") + short_date(next[i].due, today);
        }
        m_preview->SetLabel(text);
    }
    Layout();
    if (auto* top = wxGetTopLevelParent(this)) {
        top->Layout();
    }
    if (m_on_change) {
        m_on_change();
    }
}

// ItemDialog --------------------------------------------------------------------------------------

void ItemDialog::add_row(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, wxWindow* control,
                         const std::string& field, wxWindow* extra) {
    grid->Add(new wxStaticText(parent, wxID_ANY, label), wxSizerFlags().Border(wxTOP, 4));
    FieldError* error = nullptr;
    grid->Add(with_error(parent, control, error, extra), wxSizerFlags().Expand());
    m_field_errors[field] = error;
}

ItemDialog::ItemDialog(wxWindow* parent, const core::Household& household, ListKind kind, const std::string& id)
    : wxDialog(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_household(household), m_kind(kind), m_id(id) {
    const bool bill = kind == ListKind::bills;
    const core::Bill* existing_bill = nullptr;
    const core::Income* existing_income = nullptr;
    if (!id.empty()) {
        if (bill) {
            for (std::size_t i = 0; i < household.bills.size(); ++i) {
                if (household.bills[i].id == id) {
                    m_index = i;
                    existing_bill = &household.bills[i];
                }
            }
        } else {
            for (std::size_t i = 0; i < household.incomes.size(); ++i) {
                if (household.incomes[i].id == id) {
                    m_index = i;
                    existing_income = &household.incomes[i];
                }
            }
        }
    }
    SetTitle(bill ? (m_index ? _("Edit bill") : _("Add a bill")) : (m_index ? _("Edit income") : _("Add an income")));

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    wxSizer* money_short = nullptr; // a bill's second column
    auto* left = new wxFlexGridSizer(2, wxSize(10, 2));
    left->AddGrowableCol(1);
    name = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(260, -1));
    add_row(this, left, _("Name"), name, "name");
    party = new wxTextCtrl(this, wxID_ANY);
    add_row(this, left, bill ? _("Paid to") : _("Paid by"), party, bill ? "payee" : "source");
    account = new wxChoice(this, wxID_ANY);
    for (const auto& a : household.accounts) {
        account->Append(wxs(a.name));
    }
    account->SetSelection(0);
    add_row(this, left, _("Account"), account, "account");
    amount = new wxTextCtrl(this, wxID_ANY);
    varies = new wxCheckBox(this, wxID_ANY, _("varies, up to"));
    amount_max = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(90, -1));
    auto* amount_row = new wxBoxSizer(wxHORIZONTAL);
    amount_row->Add(varies, wxSizerFlags().CenterVertical());
    amount_row->Add(amount_max, wxSizerFlags().Border(wxLEFT, 4));
    left->Add(new wxStaticText(this, wxID_ANY, _("Amount")), wxSizerFlags().Border(wxTOP, 4));
    {
        FieldError* error = nullptr;
        auto* col = new wxBoxSizer(wxVERTICAL);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(amount, wxSizerFlags(1));
        row->Add(amount_row, wxSizerFlags().Border(wxLEFT, 6));
        col->Add(row, wxSizerFlags().Expand());
        error = new FieldError(this);
        col->Add(error);
        left->Add(col, wxSizerFlags().Expand());
        m_field_errors["amount"] = error;
    }
    schedule = new ScheduleEditor(this, m_household); // the dialog's copy: it outlives any reload
    left->Add(new wxStaticText(this, wxID_ANY, _("When")), wxSizerFlags().Border(wxTOP, 4));
    left->Add(schedule, wxSizerFlags().Expand());
    columns->Add(left, wxSizerFlags(1).Expand().Border(wxALL, 10));

    if (bill) {
        auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("If money is short"));
        money_short = box;
        auto* p = box->GetStaticBox();
        auto* right = new wxFlexGridSizer(2, wxSize(10, 2));
        right->AddGrowableCol(1);
        wxArrayString classes;
        for (auto c : k_priorities) {
            classes.Add(wxString::Format("%d. %s", core::rank(c), wxs(app::priority_name(c))));
        }
        priority = new wxChoice(p, wxID_ANY, wxDefaultPosition, wxDefaultSize, classes);
        priority->SetSelection(static_cast<int>(core::Priority::other_debt));
        add_row(p, right, _("Priority"), priority, "priority");
        autopay = new wxCheckBox(p, wxID_ANY, _("taken by the biller,"));
        lead_days = make_spin(p, 0, 60, 0);
        auto* lead_row = new wxBoxSizer(wxHORIZONTAL);
        lead_row->Add(autopay, wxSizerFlags().CenterVertical());
        lead_row->Add(lead_days, wxSizerFlags().Border(wxLEFT, 4));
        lead_row->Add(new wxStaticText(p, wxID_ANY, _("days early")),
                      wxSizerFlags().CenterVertical().Border(wxLEFT, 4));
        right->Add(new wxStaticText(p, wxID_ANY, _("Autopay")), wxSizerFlags().Border(wxTOP, 4));
        {
            FieldError* error = nullptr;
            auto* col = new wxBoxSizer(wxVERTICAL);
            col->Add(lead_row);
            error = new FieldError(p);
            col->Add(error);
            right->Add(col);
            m_field_errors["autopay_lead_days"] = error;
        }
        grace_days = make_spin(p, 0, 365, 0);
        add_row(p, right, _("Grace period (days)"), grace_days, "grace_days");
        late_fee = new wxTextCtrl(p, wxID_ANY, "0.00");
        add_row(p, right, _("Late fee"), late_fee, "late_fee");
        returned_fee = new wxTextCtrl(p, wxID_ANY, "0.00");
        returned_fee->SetToolTip(_("What the biller charges when the bank declines the payment"));
        add_row(p, right, _("Returned-payment fee"), returned_fee, "returned_payment_fee");
        has_minimum = new wxCheckBox(p, wxID_ANY, _("a minimum payment of"));
        minimum = new wxTextCtrl(p, wxID_ANY);
        add_row(p, right, _("Can pay less"), has_minimum, "minimum", minimum);
        reported = new wxCheckBox(p, wxID_ANY, _("reported late after (days)"));
        reported_days = make_spin(p, 1, 3650, 30);
        add_row(p, right, _("Credit report"), reported, "reported_late_after_days", reported_days);
        shutoff = new wxCheckBox(p, wxID_ANY, _("can be cut off after (days)"));
        shutoff_days = make_spin(p, 1, 3650, 45);
        add_row(p, right, _("Shut-off"), shutoff, "shutoff_after_days", shutoff_days);
        hardship = new wxTextCtrl(p, wxID_ANY);
        hardship->SetHint(_("whom to call to ask for more time"));
        add_row(p, right, _("Hardship contact"), hardship, "hardship_contact");
        box->Add(right, wxSizerFlags(1).Expand().Border(wxALL, 6));
        columns->Add(box, wxSizerFlags(1).Expand().Border(wxALL, 10));
        lead_days->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(autopay->GetValue()); });
        minimum->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(has_minimum->GetValue()); });
        reported_days->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(reported->GetValue()); });
        shutoff_days->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(shutoff->GetValue()); });
    }
    amount_max->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(varies->GetValue()); });

    auto* top = new wxBoxSizer(wxVERTICAL);
    if (bill && columns->GetMinSize().x > screen_area(this).width - 20) {
        // A screen too narrow for the two columns side by side (800x600): the bill on one tab,
        // what to do if money is short on the other, both of a height that fits.
        auto* book = m_book = new wxNotebook(this, wxID_ANY);
        book->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
            e.Skip();
            if (m_index || edited(this)) { // a new item stays quiet until something is typed
                validate();
            }
        });
        const auto page = [&](wxSizer* content, const wxString& title) {
            auto* panel = new wxPanel(book);
            columns->Detach(content);
            reparent_windows(content, panel);
            auto* sizer = new wxBoxSizer(wxVERTICAL);
            sizer->Add(content, wxSizerFlags(1).Expand().Border(wxALL, 10));
            panel->SetSizer(sizer);
            book->AddPage(panel, title);
        };
        page(left, bill ? _("Bill") : _("Income"));
        page(money_short, _("If money is short"));
        delete columns;
        top->Add(book, wxSizerFlags(1).Expand().Border(wxALL, 6));
    } else {
        top->Add(columns, wxSizerFlags(1).Expand());
    }
    m_general_error = new FieldError(this);
    top->Add(m_general_error, wxSizerFlags().Border(wxLEFT | wxRIGHT, 12));
    top->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, 10));
    SetSizer(top);

    // Fill in what is there.
    const auto fill_common = [&](const auto& item) {
        name->ChangeValue(wxs(item.name));
        for (std::size_t i = 0; i < household.accounts.size(); ++i) {
            if (household.accounts[i].id == item.account) {
                account->SetSelection(static_cast<int>(i));
            }
        }
        amount->ChangeValue(editable(item.amount.min));
        varies->SetValue(item.amount.is_range);
        amount_max->ChangeValue(item.amount.is_range ? editable(item.amount.max) : wxString());
        schedule->set(item.schedule, item.business_day);
    };
    if (existing_bill) {
        const auto& b = *existing_bill;
        fill_common(b);
        party->ChangeValue(wxs(b.payee));
        priority->SetSelection(static_cast<int>(b.priority));
        autopay->SetValue(b.autopay);
        lead_days->SetValue(b.autopay_lead_days);
        grace_days->SetValue(b.grace_days);
        late_fee->ChangeValue(editable(b.late_fee));
        returned_fee->ChangeValue(editable(b.returned_payment_fee));
        has_minimum->SetValue(b.minimum.has_value());
        minimum->ChangeValue(b.minimum ? editable(*b.minimum) : wxString());
        reported->SetValue(b.reported_late_after_days.has_value());
        reported_days->SetValue(b.reported_late_after_days.value_or(30));
        shutoff->SetValue(b.shutoff_after_days.has_value());
        shutoff_days->SetValue(b.shutoff_after_days.value_or(45));
        hardship->ChangeValue(wxs(b.hardship_contact));
    } else if (existing_income) {
        fill_common(*existing_income);
        party->ChangeValue(wxs(existing_income->source));
    }

    // Validate as the person types; OK only when everything is right.
    const auto revalidate = [this](wxEvent& e) {
        validate();
        e.Skip();
    };
    for (auto* t : {name, party, amount, amount_max, late_fee, returned_fee, minimum, hardship}) {
        if (t) {
            t->Bind(wxEVT_TEXT, revalidate);
        }
    }
    for (auto* c : {varies, autopay, has_minimum, reported, shutoff}) {
        if (c) {
            c->Bind(wxEVT_CHECKBOX, revalidate);
        }
    }
    for (auto* s : {lead_days, grace_days, reported_days, shutoff_days}) {
        if (s) {
            s->Bind(wxEVT_SPINCTRL, revalidate);
        }
    }
    for (auto* c : {account, priority}) {
        if (c) {
            c->Bind(wxEVT_CHOICE, revalidate);
        }
    }
    schedule->on_change([this] { validate(); });
    Bind(
        wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_errors_shown == 0); }, wxID_OK);
    close_only_when_valid(this);
    validate();
    // A new item starts quiet: messages appear once the person has typed something.
    if (!m_index) {
        for (auto& [field, error] : m_field_errors) {
            error->set(wxString());
        }
        schedule->show_error(wxString());
    }
    Fit();
    fit_on_screen(this);
    CentreOnParent();
    name->SetFocus();
}

bool ItemDialog::validate() {
    std::map<std::string, wxString> errors;
    const bool bill = m_kind == ListKind::bills;
    const auto c = m_household.currency;
    const auto text = trimmed(name);
    if (text.empty()) {
        errors["name"] = _("Give it a name.");
    }
    core::Amount amt;
    auto lo = money_of(amount, c);
    if (!lo) {
        errors["amount"] = wxs(app::describe(lo.error()));
    } else if (varies->GetValue()) {
        auto hi = money_of(amount_max, c);
        if (!hi) {
            errors["amount"] = wxs(app::describe(hi.error()));
        } else {
            amt = core::Amount::range(lo.value(), hi.value());
        }
    } else {
        amt = core::Amount::fixed(lo.value());
    }
    auto sched = schedule->schedule();
    if (!sched) {
        errors["schedule"] = wxs(app::describe(sched.error()));
    }
    const std::string account_id =
        m_household.accounts.empty()
            ? std::string()
            : m_household.accounts[static_cast<std::size_t>(std::max(account->GetSelection(), 0))].id;
    if (m_household.accounts.empty()) {
        errors["account"] = _("Add an account first (Edit > Add account).");
    }
    core::Money fee(c);
    core::Money returned(c);
    std::optional<core::Money> min_amount;
    if (bill) {
        if (auto f = money_of(late_fee, c); !f) {
            errors["late_fee"] = wxs(app::describe(f.error()));
        } else {
            fee = f.value();
        }
        if (auto f = money_of(returned_fee, c); !f) {
            errors["returned_payment_fee"] = wxs(app::describe(f.error()));
        } else {
            returned = f.value();
        }
        if (has_minimum->GetValue()) {
            if (auto m = money_of(minimum, c); !m) {
                errors["minimum"] = wxs(app::describe(m.error()));
            } else {
                min_amount = m.value();
            }
        }
    }
    if (errors.empty()) {
        const auto taken = [&](std::string_view id) {
            return m_household.find_bill(id) != nullptr || m_household.find_income(id) != nullptr;
        };
        // What bills and incomes share; then the edit that adds the item or changes it.
        const auto fill = [&](auto& item) {
            if (!m_index) {
                item.id = core::make_id(utf8(text), taken);
            }
            item.name = utf8(text);
            item.account = account_id;
            item.amount = amt;
            item.schedule = sched.value();
            item.business_day = schedule->business_day();
        };
        std::size_t index = 0;
        if (bill) {
            core::Bill b = m_index ? m_household.bills[*m_index] : core::Bill{};
            fill(b);
            b.payee = utf8(trimmed(party));
            b.priority = k_priorities[static_cast<std::size_t>(std::max(priority->GetSelection(), 0))];
            b.autopay = autopay->GetValue();
            b.autopay_lead_days = b.autopay ? lead_days->GetValue() : 0;
            b.grace_days = grace_days->GetValue();
            b.late_fee = fee;
            b.returned_payment_fee = returned;
            b.minimum = min_amount;
            b.reported_late_after_days =
                reported->GetValue() ? std::optional<int>(reported_days->GetValue()) : std::nullopt;
            b.shutoff_after_days = shutoff->GetValue() ? std::optional<int>(shutoff_days->GetValue()) : std::nullopt;
            b.hardship_contact = utf8(trimmed(hardship));
            index = m_index.value_or(m_household.bills.size());
            m_edit = m_index ? core::Edit{core::ChangeBill{m_household.bills[*m_index], std::move(b)}}
                             : core::Edit{core::AddBill{std::move(b)}};
        } else {
            core::Income x = m_index ? m_household.incomes[*m_index] : core::Income{};
            fill(x);
            x.source = utf8(trimmed(party));
            index = m_index.value_or(m_household.incomes.size());
            m_edit = m_index ? core::Edit{core::ChangeIncome{m_household.incomes[*m_index], std::move(x)}}
                             : core::Edit{core::AddIncome{std::move(x)}};
        }
        if (auto r = core::apply_edit(m_household, m_edit); !r) {
            const auto split = core::field_of(r.error(), bill ? "bills" : "incomes", index);
            std::string field = split ? split->field : std::string();
            if (field.rfind("amount", 0) == 0) {
                field = "amount";
            } else if (field.rfind("schedule", 0) == 0) {
                field = "schedule";
            }
            errors[m_field_errors.count(field) || field == "schedule" ? field : std::string()] =
                wxs(split ? app::describe(split->error) : app::describe(r.error()));
        }
    }
    show_errors(errors);
    return errors.empty();
}

void ItemDialog::show_errors(const std::map<std::string, wxString>& errors) {
    m_errors_shown = errors.size();
    for (auto& [field, error] : m_field_errors) {
        const auto it = errors.find(field);
        error->set(it == errors.end() ? wxString() : it->second);
    }
    const auto schedule_error = errors.find("schedule");
    schedule->show_error(schedule_error == errors.end() ? wxString() : schedule_error->second);
    const auto general = errors.find(std::string());
    wxString said = general == errors.end() ? wxString() : general->second;
    if (m_book) {
        // A message on the tab not in view is said here too, with the tab's name.
        for (std::size_t i = 0; i < m_book->GetPageCount(); ++i) {
            if (static_cast<int>(i) == m_book->GetSelection()) {
                continue;
            }
            auto* page = m_book->GetPage(i);
            for (auto& [field, error] : m_field_errors) {
                const auto it = errors.find(field);
                if (it != errors.end() && page->IsDescendant(error)) {
                    said += (said.empty() ? "" : "\n") + wxs(app::say("On the \u201c{0}\u201d tab: {1}",
                                                                      utf8(m_book->GetPageText(i)), utf8(it->second)));
                }
            }
        }
    }
    m_general_error->set(said);
}

// AccountDialog ---------------------------------------------------------------------------------

AccountDialog::AccountDialog(wxWindow* parent, const core::Household& household, const std::string& id,
                             core::Date today)
    : wxDialog(parent, wxID_ANY, id.empty() ? _("Add an account") : _("Update an account")), m_household(household),
      m_id(id), m_today(today) {
    auto* grid = new wxFlexGridSizer(2, wxSize(10, 2));
    grid->AddGrowableCol(1);
    const auto row = [&](const wxString& label, wxWindow* control, const std::string& field) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().Border(wxTOP, 4));
        FieldError* error = nullptr;
        grid->Add(with_error(this, control, error), wxSizerFlags().Expand());
        m_field_errors[field] = error;
    };
    name = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(240, -1));
    row(_("Name"), name, "name");
    balance = new wxTextCtrl(this, wxID_ANY, "0.00");
    row(_("Balance now"), balance, "balance");
    includes_today = new wxCheckBox(this, wxID_ANY, _("Today's payments and deposits have already gone through"));
    grid->AddSpacer(0);
    grid->Add(includes_today);
    m_to_come = new wxStaticText(this, wxID_ANY, wxString());
    grid->AddSpacer(0);
    grid->Add(m_to_come, wxSizerFlags().Border(wxBOTTOM, 4));
    as_of = new wxDatePickerCtrl(this, wxID_ANY, to_wx(core::balance_as_of(today, false)));
    as_of->SetToolTip(_("The balance counts everything up to the end of this day"));
    row(_("At the end of"), as_of, "as_of");
    cushion = new wxTextCtrl(this, wxID_ANY, "0.00");
    cushion->SetToolTip(_("The balance you never want to go below"));
    row(_("Cushion"), cushion, "cushion");
    overdraft_limit = new wxTextCtrl(this, wxID_ANY, "0.00");
    row(_("Overdraft limit"), overdraft_limit, "overdraft_limit");
    overdraft_fee = new wxTextCtrl(this, wxID_ANY, "0.00");
    row(_("Fee per payment into overdraft"), overdraft_fee, "overdraft_fee");
    const wxString policies[] = {_("pays it anyway, into overdraft"), _("declines it (returns it unpaid)")};
    when_uncovered = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 2, policies);
    when_uncovered->SetSelection(0);
    when_uncovered->SetToolTip(_("What the bank does with a payment the balance and the overdraft limit cannot cover"));
    row(_("Beyond the limit, the bank"), when_uncovered, "when_uncovered");
    returned_item_fee = new wxTextCtrl(this, wxID_ANY, "0.00");
    row(_("Fee per declined payment"), returned_item_fee, "returned_item_fee");
    // A balance typed in is read off the bank now: the date follows it (and only then, so that
    // editing the cushion does not move the balance's date and change the forecast).
    const auto balance_is_now = [this] { as_of->SetValue(to_wx(core::balance_as_of(m_today, includes_today->GetValue()))); };
    if (const auto* a = household.find_account(id)) {
        name->ChangeValue(wxs(a->name));
        balance->ChangeValue(editable(a->balance));
        as_of->SetValue(to_wx(a->as_of));
        includes_today->SetValue(a->as_of >= today);
        cushion->ChangeValue(editable(a->cushion));
        overdraft_limit->ChangeValue(editable(a->overdraft_limit));
        overdraft_fee->ChangeValue(editable(a->overdraft_fee));
        when_uncovered->SetSelection(a->when_uncovered == core::Uncovered::pay ? 0 : 1);
        returned_item_fee->ChangeValue(editable(a->returned_item_fee));
    }
    balance->Bind(wxEVT_TEXT, [this, balance_is_now](wxCommandEvent& e) {
        balance_is_now();
        e.Skip();
    });
    includes_today->Bind(wxEVT_CHECKBOX, [this, balance_is_now](wxCommandEvent&) {
        balance_is_now();
        validate();
    });
    as_of->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { validate(); });
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, 10));
    top->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, 10));
    SetSizer(top);
    for (auto* t : {name, balance, cushion, overdraft_limit, overdraft_fee, returned_item_fee}) {
        t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validate(); });
    }
    when_uncovered->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { validate(); });
    close_only_when_valid(this);
    show_still_to_come();
    Fit();
    CentreOnParent();
}

void AccountDialog::show_still_to_come() {
    // What a balance as of the date shown leaves to come today. (A new account has nothing yet.)
    wxString text;
    if (!m_id.empty() && from_wx(as_of->GetValue()) < m_today) {
        core::Household probe = m_household;
        for (auto& a : probe.accounts) {
            if (a.id == m_id) {
                a.as_of = from_wx(as_of->GetValue());
            }
        }
        wxString items;
        for (const auto& o : core::landing_on(probe, m_id, m_today)) {
            const bool bill = o.kind == core::ItemKind::bill;
            items += (items.empty() ? wxString() : wxString(", ")) + wxs(core::item_name(probe, o)) + " " +
                     wxs(app::formats().signed_money(bill ? -o.amount : o.amount));
        }
        text = items.empty() ? _("Nothing else is due on this account today.")
                             : say("Still to come today: {0}", items);
    }
    m_to_come->SetLabel(text);
}

bool AccountDialog::validate() {
    std::map<std::string, wxString> errors;
    const auto c = m_household.currency;
    core::Account a;
    const auto* existing = m_household.find_account(m_id);
    if (existing) {
        a = *existing;
    } else {
        a.id = core::make_id(utf8(trimmed(name)),
                             [&](std::string_view x) { return m_household.find_account(x) != nullptr; });
    }
    a.name = utf8(trimmed(name));
    if (a.name.empty()) {
        errors["name"] = _("Give it a name.");
    }
    for (auto [ctrl, field, target] :
         {std::tuple{balance, "balance", &a.balance}, std::tuple{cushion, "cushion", &a.cushion},
          std::tuple{overdraft_limit, "overdraft_limit", &a.overdraft_limit},
          std::tuple{overdraft_fee, "overdraft_fee", &a.overdraft_fee},
          std::tuple{returned_item_fee, "returned_item_fee", &a.returned_item_fee}}) {
        if (auto m = money_of(ctrl, c); !m) {
            errors[field] = wxs(app::describe(m.error()));
        } else {
            *target = m.value();
        }
    }
    a.as_of = from_wx(as_of->GetValue());
    a.when_uncovered = when_uncovered->GetSelection() == 1 ? core::Uncovered::decline : core::Uncovered::pay;
    show_still_to_come();
    if (errors.empty()) {
        const std::size_t index =
            existing ? static_cast<std::size_t>(existing - m_household.accounts.data()) : m_household.accounts.size();
        m_edit = existing ? core::Edit{core::ChangeAccount{*existing, a}} : core::Edit{core::AddAccount{a}};
        if (auto r = core::apply_edit(m_household, m_edit); !r) {
            const auto split = core::field_of(r.error(), "accounts", index);
            errors[split && m_field_errors.count(split->field) ? split->field : std::string("name")] =
                wxs(split ? app::describe(split->error) : app::describe(r.error()));
        }
    }
    for (auto& [field, error] : m_field_errors) {
        const auto it = errors.find(field);
        error->set(it == errors.end() ? wxString() : it->second);
    }
    return errors.empty();
}

// RecordDialog ----------------------------------------------------------------------------------

RecordDialog::RecordDialog(wxWindow* parent, const core::Household& household, core::Date today,
                           const std::string& item_id, std::optional<core::Date> due)
    : wxDialog(parent, wxID_ANY, _("Record a payment")), m_household(household), m_today(today) {
    auto* grid = new wxFlexGridSizer(2, wxSize(10, 6));
    grid->AddGrowableCol(1);
    item = new wxChoice(this, wxID_ANY);
    for (const auto& b : household.bills) {
        m_items.push_back(b.id);
        item->Append(wxs(b.name));
    }
    for (const auto& x : household.incomes) {
        m_items.push_back(x.id);
        item->Append(wxs(x.name) + " " + _("(income)"));
    }
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i] == item_id) {
            item->SetSelection(static_cast<int>(i));
        }
    }
    if (item->GetSelection() < 0 && !m_items.empty()) {
        item->SetSelection(0);
    }
    grid->Add(new wxStaticText(this, wxID_ANY, _("What")), wxSizerFlags().CenterVertical());
    grid->Add(item, wxSizerFlags().Expand());
    occurrence = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(300, -1));
    grid->Add(new wxStaticText(this, wxID_ANY, _("Due on")), wxSizerFlags().CenterVertical());
    grid->Add(occurrence, wxSizerFlags().Expand());
    const wxString statuses[] = {_("Paid"), _("Skipped this time"), _("Missed (still owed)"), _("Nothing recorded")};
    status = new wxRadioBox(this, wxID_ANY, _("What happened"), wxDefaultPosition, wxDefaultSize, 4, statuses, 1);
    grid->AddSpacer(0);
    grid->Add(status);
    date = new wxDatePickerCtrl(this, wxID_ANY, to_wx(today));
    grid->Add(new wxStaticText(this, wxID_ANY, _("Paid on")), wxSizerFlags().CenterVertical());
    grid->Add(date);
    amount = new wxTextCtrl(this, wxID_ANY);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Amount")), wxSizerFlags().CenterVertical());
    grid->Add(amount, wxSizerFlags().Expand());
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, 10));
    m_error = new FieldError(this);
    top->Add(m_error, wxSizerFlags().Border(wxLEFT | wxRIGHT, 10));
    top->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, 10));
    SetSizer(top);
    for (auto* w : std::initializer_list<wxWindow*>{date, amount}) {
        w->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(status->GetSelection() == 0); });
    }
    item->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fill_occurrences(std::nullopt); });
    occurrence->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show_recorded(); });
    close_only_when_valid(this);
    fill_occurrences(due);
    Fit();
    CentreOnParent();
}

void RecordDialog::fill_occurrences(std::optional<core::Date> select) {
    occurrence->Clear();
    m_dues.clear();
    const int i = item->GetSelection();
    if (i < 0) {
        return;
    }
    const auto& id = m_items[static_cast<std::size_t>(i)];
    const auto ref = core::find_item(m_household, id);
    int pick = -1;
    for (const auto& d : core::item_due_dates(m_household, id, m_today - date::days{62}, m_today + date::days{62})) {
        wxString label = short_date(d.due, m_today);
        if (const auto* p = m_household.find_payment(id, d.due)) {
            const wxString status_name = p->status == core::PaymentStatus::paid      ? _("paid")
                                         : p->status == core::PaymentStatus::skipped ? _("skipped")
                                                                                     : _("missed");
            label += " (" + status_name + (p->amount ? " " + money_text(*p->amount) : wxString()) + ")";
        }
        occurrence->Append(label);
        m_dues.push_back(d.due);
        // The given date, else the latest one not after today that has no record.
        if ((select && d.due == *select) || (!select && d.due <= m_today && !m_household.find_payment(id, d.due))) {
            pick = static_cast<int>(m_dues.size() - 1);
        }
    }
    if (pick < 0 && !m_dues.empty()) {
        pick = 0;
    }
    occurrence->SetSelection(pick);
    show_recorded();
    if (ref && !ref->amount->is_range) {
        amount->ChangeValue(editable(ref->amount->min));
    } else {
        amount->ChangeValue(wxString());
    }
}

// What is recorded for the chosen due date, or "Nothing recorded": never a guess of "paid today"
// that one keypress would turn into a false record.
void RecordDialog::show_recorded() {
    const int i = item->GetSelection();
    const int o = occurrence->GetSelection();
    int shown = 3;
    if (i >= 0 && o >= 0) {
        if (const auto* p = m_household.find_payment(m_items[static_cast<std::size_t>(i)], m_dues[static_cast<std::size_t>(o)])) {
            shown = p->status == core::PaymentStatus::paid ? 0 : p->status == core::PaymentStatus::skipped ? 1 : 2;
            if (p->date) {
                date->SetValue(to_wx(*p->date));
            }
        }
    }
    status->SetSelection(shown);
}

bool RecordDialog::validate() {
    const int i = item->GetSelection();
    const int o = occurrence->GetSelection();
    if (i < 0 || o < 0) {
        m_error->set(_("Choose what was paid and when it was due."));
        return false;
    }
    const auto& id = m_items[static_cast<std::size_t>(i)];
    const auto due = m_dues[static_cast<std::size_t>(o)];
    switch (status->GetSelection()) {
    case 0: {
        std::optional<core::Money> paid;
        if (!trimmed(amount).empty()) {
            auto m = app::formats().parse_money(utf8(trimmed(amount)), m_household.currency);
            if (!m) {
                m_error->set(wxs(app::describe(m.error())));
                return false;
            }
            paid = m.value();
        }
        m_edit = core::record_edit(m_household, id, due, core::PaymentStatus::paid, from_wx(date->GetValue()), paid);
        break;
    }
    case 1:
    case 2:
        m_edit = core::record_edit(m_household, id, due,
                                   status->GetSelection() == 1 ? core::PaymentStatus::skipped
                                                               : core::PaymentStatus::unpaid);
        break;
    default:
        if (!m_household.find_payment(id, due)) {
            m_error->set(_("Choose what happened: paid, skipped or missed."));
            return false;
        }
        m_edit = core::Edit{core::clear_edit(m_household, id, due)};
    }
    auto r = core::apply_edit(m_household, m_edit);
    m_error->set(r ? wxString() : wxs(app::describe(r.error())));
    return r.ok();
}

// SettingsDialog --------------------------------------------------------------------------------

SettingsDialog::SettingsDialog(wxWindow* parent, const core::Household& household, int lock_minutes)
    : wxDialog(parent, wxID_ANY, _("Household settings")), m_household(household) {
    auto* grid = new wxFlexGridSizer(2, wxSize(10, 6));
    grid->AddGrowableCol(1);
    const auto row = [&](const wxString& label, wxWindow* w) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical());
        grid->Add(w, wxSizerFlags().Expand());
    };
    m_name = new wxTextCtrl(this, wxID_ANY, wxs(household.name));
    row(_("Whose household"), m_name);
    m_currency = new wxComboBox(this, wxID_ANY, wxs(household.currency.code()));
    for (const char* code : {"USD", "EUR", "GBP", "ILS", "CAD", "AUD", "MXN", "INR", "JPY", "CHF"}) {
        m_currency->Append(code);
    }
    row(_("Currency"), m_currency);
    m_timezone = new wxComboBox(this, wxID_ANY, wxs(household.timezone));
    for (const char* tz : {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
                           "Europe/London", "Europe/Berlin", "Asia/Jerusalem", "UTC"}) {
        m_timezone->Append(tz);
    }
    row(_("Time zone"), m_timezone);
    auto* weekend = new wxBoxSizer(wxHORIZONTAL);
    for (unsigned i = 0; i < 7; ++i) {
        m_weekend[i] = new wxCheckBox(
            this, wxID_ANY, wxDateTime::GetWeekDayName(static_cast<wxDateTime::WeekDay>(i), wxDateTime::Name_Abbr));
        weekend->Add(m_weekend[i], wxSizerFlags().Border(wxRIGHT, 6));
    }
    for (auto wd : household.weekend) {
        m_weekend[wd.c_encoding()]->SetValue(true);
    }
    grid->Add(new wxStaticText(this, wxID_ANY, _("Weekend days")), wxSizerFlags().CenterVertical());
    grid->Add(weekend);
    m_region = make_region_choice(this, household.holiday_region);
    row(_("Bank holidays"), m_region);
    m_added = household.holidays;
    m_removed = household.holidays_removed;
    auto* holidays = new wxBoxSizer(wxHORIZONTAL);
    m_holidays = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(300, 160));
    m_holidays->SetToolTip(_("Clear a holiday your bank keeps open; add a day it closes."));
    auto* holiday_buttons = new wxBoxSizer(wxVERTICAL);
    m_holiday = new wxDatePickerCtrl(this, wxID_ANY);
    auto* add_holiday = new wxButton(this, wxID_ANY, _("Add"));
    auto* remove_holiday = new wxButton(this, wxID_ANY, _("Remove"));
    holiday_buttons->Add(m_holiday);
    holiday_buttons->Add(add_holiday, wxSizerFlags().Border(wxTOP, 4));
    holiday_buttons->Add(remove_holiday, wxSizerFlags().Border(wxTOP, 4));
    holidays->Add(m_holidays, wxSizerFlags(1).Expand());
    holidays->Add(holiday_buttons, wxSizerFlags().Border(wxLEFT, 6));
    grid->Add(new wxStaticText(this, wxID_ANY, _("Holidays")), wxSizerFlags());
    grid->Add(holidays, wxSizerFlags().Expand());
    fill_holidays();
    const wxString orders[] = {_("Payments first (cautious)"), _("Deposits first")};
    m_intraday = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 2, orders);
    m_intraday->SetSelection(household.intraday_order == core::IntradayOrder::debits_first ? 0 : 1);
    row(_("On a day with both"), m_intraday);
    const auto& lt = household.lead_times;
    const std::array<std::pair<wxString, int>, 4> leads{
        {{_("Warn of an overdraft (days ahead)"), lt.overdraft},
         {_("Warn of a dip below the cushion"), lt.below_cushion},
         {_("Warn of a bill at risk"), lt.bill_at_risk},
         {_("Warn of an autopay on empty"), lt.autopay_insufficient_funds}}};
    for (std::size_t i = 0; i < leads.size(); ++i) {
        m_lead[i] = make_spin(this, 0, 365, leads[i].second);
        row(leads[i].first, m_lead[i]);
    }
    m_lock = make_spin(this, 1, 240, lock_minutes);
    row(_("Lock after this many idle minutes"), m_lock);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, 10));
    m_error = new FieldError(this);
    top->Add(m_error, wxSizerFlags().Border(wxLEFT | wxRIGHT, 10));
    top->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, 10));
    SetSizer(top);
    m_region->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        // The new region's weekend, and only the removed days that are its holidays.
        const auto region = region_of(m_region);
        const auto dates = core::region_holiday_dates(region);
        std::erase_if(m_removed, [&](core::Date d) { return !std::binary_search(dates->begin(), dates->end(), d); });
        for (auto& box : m_weekend) {
            box->SetValue(false);
        }
        for (auto wd : core::region_weekend(region)) {
            m_weekend[wd.c_encoding()]->SetValue(true);
        }
        fill_holidays();
    });
    m_holidays->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& e) {
        const auto i = static_cast<std::size_t>(e.GetInt());
        if (i >= m_holiday_rows.size()) {
            return;
        }
        const auto [day, from_region] = m_holiday_rows[i];
        const bool kept = m_holidays->IsChecked(static_cast<unsigned>(i));
        if (from_region) {
            std::erase(m_removed, day);
            if (!kept) {
                m_removed.push_back(day);
            }
        } else if (!kept) {
            std::erase(m_added, day);
            fill_holidays();
        }
    });
    add_holiday->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto day = from_wx(m_holiday->GetValue());
        if (std::find(m_removed.begin(), m_removed.end(), day) != m_removed.end()) {
            std::erase(m_removed, day); // a region's day cleared before: kept again
        } else if (std::find(m_added.begin(), m_added.end(), day) == m_added.end()) {
            m_added.push_back(day);
        }
        fill_holidays();
    });
    remove_holiday->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int i = m_holidays->GetSelection();
        if (i == wxNOT_FOUND || static_cast<std::size_t>(i) >= m_holiday_rows.size()) {
            return;
        }
        const auto [day, from_region] = m_holiday_rows[static_cast<std::size_t>(i)];
        if (from_region) {
            if (std::find(m_removed.begin(), m_removed.end(), day) == m_removed.end()) {
                m_removed.push_back(day);
            }
        } else {
            std::erase(m_added, day);
        }
        fill_holidays();
    });
    close_only_when_valid(this);
    Fit();
    // On a short screen the list of holidays gives up rows first (it scrolls).
    if (const int over = GetSize().y - screen_area(this).height; over > 0) {
        m_holidays->SetMinSize(wxSize(m_holidays->GetMinSize().x, std::max(72, m_holidays->GetMinSize().y - over)));
        Fit();
    }
    fit_on_screen(this);
    CentreOnParent();
}

void SettingsDialog::fill_holidays() {
    // This year's and next year's holidays of the region, then the days added; a region's day
    // the person cleared stays in the list, cleared.
    struct Line {
        core::Date day;
        bool from_region;
        wxString name;
    };
    std::vector<Line> lines;
    const int year = wxDateTime::Today().GetYear();
    for (int y = year; y <= year + 1; ++y) {
        for (const auto& h : core::region_holidays(region_of(m_region), y)) {
            wxString name = holiday_name(h.kind);
            if (h.moon_sighting) {
                name += wxString::FromUTF8(" \u2014 ") + _("by the moon; may move a day");
            }
            lines.push_back({h.date, true, name});
        }
    }
    for (auto d : m_added) {
        lines.push_back({d, false, _("added")});
    }
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.day < b.day; });
    m_holidays->Clear();
    m_holiday_rows.clear();
    for (const auto& l : lines) {
        const auto i = m_holidays->Append(wxs(app::isolate(app::formats().full_day(l.day))) + "  " + l.name);
        const bool removed = std::find(m_removed.begin(), m_removed.end(), l.day) != m_removed.end();
        m_holidays->Check(static_cast<unsigned>(i), !(l.from_region && removed));
        m_holiday_rows.push_back({l.day, l.from_region});
    }
}

bool SettingsDialog::validate() {
    core::Settings h = core::settings_of(m_household);
    h.name = utf8(trimmed(m_name));
    auto currency = core::Currency::from_code(utf8(m_currency->GetValue().Upper().Strip(wxString::both)));
    if (!currency) {
        m_error->set(wxs(app::describe(currency.error())));
        return false;
    }
    h.currency = currency.value();
    h.timezone = utf8(m_timezone->GetValue().Strip(wxString::both));
    if (!storage::is_known_time_zone(h.timezone)) {
        m_error->set(say("\"{0}\" is not a time zone Steadypay knows.", m_timezone->GetValue()));
        return false;
    }
    h.weekend.clear();
    for (unsigned i = 0; i < 7; ++i) {
        if (m_weekend[i]->GetValue()) {
            h.weekend.push_back(date::weekday{i});
        }
    }
    h.holiday_region = region_of(m_region);
    h.holidays = m_added;
    std::sort(h.holidays.begin(), h.holidays.end());
    h.holidays_removed = m_removed;
    std::sort(h.holidays_removed.begin(), h.holidays_removed.end());
    h.intraday_order =
        m_intraday->GetSelection() == 0 ? core::IntradayOrder::debits_first : core::IntradayOrder::credits_first;
    h.lead_times.overdraft = m_lead[0]->GetValue();
    h.lead_times.below_cushion = m_lead[1]->GetValue();
    h.lead_times.bill_at_risk = m_lead[2]->GetValue();
    h.lead_times.autopay_insufficient_funds = m_lead[3]->GetValue();
    // Core's rules, the currency's among them (it cannot change once there are amounts).
    m_edit = core::settings_edit(m_household, std::move(h));
    if (auto r = core::apply_edit(m_household, m_edit); !r) {
        m_error->set(wxs(app::describe(r.error())));
        return false;
    }
    m_error->set(wxString());
    return true;
}

// NewPassphraseDialog ---------------------------------------------------------------------------

NewPassphraseDialog::NewPassphraseDialog(wxWindow* parent) : wxDialog(parent, wxID_ANY, _("Change the passphrase")) {
    auto* grid = new wxFlexGridSizer(2, wxSize(10, 6));
    grid->AddGrowableCol(1);
    m_first = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(280, -1), wxTE_PASSWORD);
    m_second = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    grid->Add(new wxStaticText(this, wxID_ANY, _("New passphrase")), wxSizerFlags().CenterVertical());
    grid->Add(m_first, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(this, wxID_ANY, _("Again, to confirm")), wxSizerFlags().CenterVertical());
    grid->Add(m_second, wxSizerFlags().Expand());
    m_hint = new wxStaticText(this, wxID_ANY, wxString());
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, 10));
    top->Add(m_hint, wxSizerFlags().Border(wxLEFT | wxRIGHT, 10));
    top->Add(new wxStaticText(this, wxID_ANY, _("Backups made before keep the old passphrase.")),
             wxSizerFlags().Border(wxALL, 10));
    top->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, 10));
    SetSizer(top);
    const auto update = [this](wxCommandEvent&) {
        const auto hint = app::passphrase_strength(utf8(m_first->GetValue()));
        m_hint->SetLabel(m_second->GetValue().empty() || m_second->GetValue() == m_first->GetValue()
                             ? wxs(hint.advice)
                             : _("The two passphrases differ."));
    };
    m_first->Bind(wxEVT_TEXT, update);
    m_second->Bind(wxEVT_TEXT, update);
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& e) {
            e.Enable(m_first->GetValue() == m_second->GetValue() &&
                     m_first->GetValue().utf8_string().size() >= storage::k_min_passphrase_length);
        },
        wxID_OK);
    Fit();
    CentreOnParent();
}

} // namespace steadypay::gui

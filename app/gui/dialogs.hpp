#pragma once
// The dialogs that change the household. Each works on its own copy of the household as it was
// when the dialog opened, turns what the person entered into one core edit, has core apply and
// validate it the way a household file is validated, and shows every message next to its field;
// OK closes only when everything is right. The edit, not a household, is the result: the session
// applies it to the store as it is by then. Nothing here computes: parsing, schedules and checks
// are core's.

#include "app/gui/pages.hpp"
#include "core/edits.hpp"
#include "core/schedule_presets.hpp"

#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include <functional>
#include <map>

class wxNotebook;

namespace steadypay::gui {

class FieldError;

// Whether a dialog's fields changed since it was filled in (Cancel then asks before discarding).
[[nodiscard]] bool edited(wxDialog* dialog);
[[nodiscard]] wxString fields_of(wxWindow* w);

// A schedule in plain words (or a raw rule for experts), with its next due dates shown live.
class ScheduleEditor : public wxPanel {
public:
    ScheduleEditor(wxWindow* parent, const core::Household& household);
    void set(const core::Schedule& schedule, core::BusinessDayRule rule);
    void set_preset(const core::SchedulePreset& preset, core::Date start);
    [[nodiscard]] core::Result<core::Schedule> schedule() const;
    [[nodiscard]] core::BusinessDayRule business_day() const;
    void on_change(std::function<void()> f) { m_on_change = std::move(f); }
    void show_error(const wxString& message);
    [[nodiscard]] wxString preview_text() const { return m_preview->GetLabel(); }
    // The parameter controls the chosen preset shows ("day", "weekday", "rrule"...), for tests.
    [[nodiscard]] std::vector<std::string> shown_parts() const;

private:
    [[nodiscard]] core::Result<std::string> rule_text() const;
    void changed();
    const core::Household& m_household;
    wxChoice* m_kind = nullptr;
    wxSpinCtrl* m_day = nullptr;
    wxSpinCtrl* m_second_day = nullptr;
    wxChoice* m_weekday = nullptr;
    wxSpinCtrl* m_interval = nullptr;
    wxChoice* m_month = nullptr;
    wxTextCtrl* m_rrule = nullptr;
    wxDatePickerCtrl* m_start = nullptr;
    wxCheckBox* m_has_end = nullptr;
    wxDatePickerCtrl* m_end = nullptr;
    wxChoice* m_business_day = nullptr;
    wxStaticText* m_preview = nullptr;
    FieldError* m_error = nullptr;
    std::vector<wxWindow*> m_parts; // the parameter controls, shown per preset
    std::function<void()> m_on_change;
};

// Adds or edits a bill or an income.
class ItemDialog : public wxDialog {
public:
    ItemDialog(wxWindow* parent, const core::Household& household, ListKind kind, const std::string& id = {});
    // The edit (add or change the bill or income); valid once validate() is true.
    [[nodiscard]] const core::Edit& result() const { return m_edit; }
    bool validate();
    [[nodiscard]] std::size_t error_count() const { return m_errors_shown; }

    // The controls, for scripted use and tests.
    wxTextCtrl* name = nullptr;
    wxTextCtrl* party = nullptr; // payee or source
    wxChoice* account = nullptr;
    wxTextCtrl* amount = nullptr;
    wxCheckBox* varies = nullptr;
    wxTextCtrl* amount_max = nullptr;
    ScheduleEditor* schedule = nullptr;
    wxChoice* priority = nullptr;
    wxCheckBox* autopay = nullptr;
    wxSpinCtrl* lead_days = nullptr;
    wxSpinCtrl* grace_days = nullptr;
    wxTextCtrl* late_fee = nullptr;
    wxTextCtrl* returned_fee = nullptr;
    wxCheckBox* has_minimum = nullptr;
    wxTextCtrl* minimum = nullptr;
    wxCheckBox* reported = nullptr;
    wxSpinCtrl* reported_days = nullptr;
    wxCheckBox* shutoff = nullptr;
    wxSpinCtrl* shutoff_days = nullptr;
    wxTextCtrl* hardship = nullptr;

private:
    void add_row(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, wxWindow* control,
                 const std::string& field, wxWindow* extra = nullptr);
    void show_errors(const std::map<std::string, wxString>& errors);
    core::Household m_household;
    ListKind m_kind;
    std::string m_id;
    std::optional<std::size_t> m_index; // when editing
    core::Edit m_edit;
    std::map<std::string, FieldError*> m_field_errors;
    FieldError* m_general_error = nullptr;
    wxNotebook* m_book = nullptr; // the two tabs of a bill on a small screen
    std::size_t m_errors_shown = 0;
};

// Adds an account or updates one (its balance above all).
class AccountDialog : public wxDialog {
public:
    AccountDialog(wxWindow* parent, const core::Household& household, const std::string& id, core::Date today);
    [[nodiscard]] const core::Edit& result() const { return m_edit; }
    bool validate();
    // What the dialog says is still to come today, for tests.
    [[nodiscard]] wxString still_to_come_text() const { return m_to_come->GetLabel(); }

    wxTextCtrl* name = nullptr;
    wxTextCtrl* balance = nullptr;
    // A balance typed in counts today's payments and deposits as still to come (it is kept as of
    // the day before), unless this says they have already gone through.
    wxCheckBox* includes_today = nullptr;
    wxDatePickerCtrl* as_of = nullptr;
    wxTextCtrl* cushion = nullptr;
    wxTextCtrl* overdraft_limit = nullptr;
    wxTextCtrl* overdraft_fee = nullptr;
    wxChoice* when_uncovered = nullptr;
    wxTextCtrl* returned_item_fee = nullptr;

private:
    void show_still_to_come();
    core::Household m_household;
    std::string m_id;
    core::Date m_today;
    core::Edit m_edit;
    wxStaticText* m_to_come = nullptr;
    std::map<std::string, FieldError*> m_field_errors;
};

// Records what happened to one occurrence: paid (when, how much), skipped, missed, or nothing.
class RecordDialog : public wxDialog {
public:
    RecordDialog(wxWindow* parent, const core::Household& household, core::Date today, const std::string& item,
                 std::optional<core::Date> due);
    [[nodiscard]] const core::Edit& result() const { return m_edit; }
    bool validate();

    wxChoice* item = nullptr;
    wxChoice* occurrence = nullptr;
    wxRadioBox* status = nullptr;
    wxDatePickerCtrl* date = nullptr;
    wxTextCtrl* amount = nullptr;

private:
    void show_recorded();
    void fill_occurrences(std::optional<core::Date> select);
    core::Household m_household;
    core::Date m_today;
    std::vector<std::string> m_items;
    std::vector<core::Date> m_dues;
    core::Edit m_edit;
    FieldError* m_error = nullptr;
};

// The household's settings, and how soon the program locks itself.
class SettingsDialog : public wxDialog {
public:
    SettingsDialog(wxWindow* parent, const core::Household& household, int lock_minutes);
    [[nodiscard]] const core::Edit& result() const { return m_edit; }
    [[nodiscard]] int lock_minutes() const { return m_lock->GetValue(); }
    bool validate();

private:
    void fill_holidays();

    core::Household m_household;
    core::Edit m_edit;
    wxTextCtrl* m_name = nullptr;
    wxComboBox* m_currency = nullptr;
    wxComboBox* m_timezone = nullptr;
    std::array<wxCheckBox*, 7> m_weekend{};
    wxChoice* m_region = nullptr;
    wxCheckListBox* m_holidays = nullptr;
    std::vector<std::pair<core::Date, bool>> m_holiday_rows; // each line's day, and whether the region's
    std::vector<core::Date> m_added;
    std::vector<core::Date> m_removed;
    wxDatePickerCtrl* m_holiday = nullptr;
    wxChoice* m_intraday = nullptr;
    std::array<wxSpinCtrl*, 4> m_lead{};
    wxSpinCtrl* m_lock = nullptr;
    FieldError* m_error = nullptr;
};

// A new passphrase, twice, with a strength hint.
class NewPassphraseDialog : public wxDialog {
public:
    explicit NewPassphraseDialog(wxWindow* parent);
    [[nodiscard]] wxString passphrase() const { return m_first->GetValue(); }

private:
    wxTextCtrl* m_first = nullptr;
    wxTextCtrl* m_second = nullptr;
    wxStaticText* m_hint = nullptr;
};

} // namespace steadypay::gui

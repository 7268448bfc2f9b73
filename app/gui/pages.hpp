#pragma once
// The views of the main window. Each draws what the session derived (core's forecast, plan and
// warnings) and asks the frame, through Controller, to change anything.

#include "app/gui/model/session.hpp"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/panel.h>
#include <wx/radiobox.h>
#include <wx/stattext.h>

#include <optional>
#include <string>

namespace steadypay::gui {

class ForecastChart;
class RowsModel;
class MonthGrid;

enum class ListKind { bills, incomes, accounts };

class Controller {
public:
    virtual ~Controller() = default;
    virtual void record_payment(const std::string& item, std::optional<core::Date> due) = 0;
    virtual void add_item(ListKind kind) = 0;
    virtual void edit_item(ListKind kind, const std::string& id) = 0;
    virtual void remove_item(ListKind kind, const std::string& id) = 0;
    // Hides a warning for good (seen), or brings an acknowledged one back (!seen).
    virtual void acknowledge(const std::string& warning_id, bool seen) = 0;
    virtual void set_horizon(int days) = 0;
    virtual void show_plan() = 0;
};

class Page : public wxPanel {
public:
    Page(wxWindow* parent, Controller& controller) : wxPanel(parent), m_controller(controller) {}
    // `derived` is null while it is being computed.
    virtual void show(const core::Household& household, const Derived* derived) = 0;

protected:
    Controller& m_controller;
};

// An account picker shared by pages that show one account at a time.
class AccountPicker : public wxChoice {
public:
    explicit AccountPicker(wxWindow* parent);
    void set(const core::Household& household);
    [[nodiscard]] std::size_t account() const;
};

class DashboardPage : public Page {
public:
    DashboardPage(wxWindow* parent, Controller& controller);
    void show(const core::Household& household, const Derived* derived) override;
    [[nodiscard]] wxString safe_to_spend_text() const { return m_safe->GetLabel(); }
    [[nodiscard]] wxString safe_until_text() const { return m_until->GetLabel(); }
    [[nodiscard]] wxString banner_text() const { return m_banner_text; } // as said, before wrapping
    [[nodiscard]] std::size_t upcoming_rows() const;
    void set_horizon(int days);

private:
    void refresh();
    // Says `text` in the banner, wrapped to its width (never cut off).
    void set_banner(const wxString& text);
    void wrap_banner();
    wxString m_banner_text;
    const core::Household* m_household = nullptr;
    const Derived* m_derived = nullptr;
    AccountPicker* m_account = nullptr;
    wxStaticText* m_safe = nullptr;
    wxStaticText* m_until_label = nullptr;
    wxStaticText* m_until = nullptr;
    wxPanel* m_banner_panel = nullptr;
    wxStaticText* m_banner = nullptr;
    wxRadioBox* m_horizon = nullptr;
    ForecastChart* m_chart = nullptr;
    RowsModel* m_upcoming = nullptr;
    wxDataViewCtrl* m_upcoming_list = nullptr;
    std::vector<std::pair<std::string, core::Date>> m_upcoming_refs; // item, due per row
    std::vector<wxString> m_upcoming_reasons;                        // the whole reason per row
    wxStaticText* m_upcoming_detail = nullptr;
};

class CalendarPage : public Page {
public:
    CalendarPage(wxWindow* parent, Controller& controller);
    void show(const core::Household& household, const Derived* derived) override;
    [[nodiscard]] std::size_t shortfall_days_shown() const;

private:
    void refresh();
    const core::Household* m_household = nullptr;
    const Derived* m_derived = nullptr;
    AccountPicker* m_account = nullptr;
    wxStaticText* m_month_label = nullptr;
    MonthGrid* m_grid = nullptr;
    wxStaticText* m_details = nullptr;
    date::year_month m_month{date::year{2026}, date::month{1}};
    bool m_month_set = false;
};

class PlanPage : public Page {
public:
    PlanPage(wxWindow* parent, Controller& controller);
    void show(const core::Household& household, const Derived* derived) override;
    [[nodiscard]] std::size_t decision_rows() const;
    [[nodiscard]] wxString summary_text() const { return m_summary_text; }

private:
    void wrap_summary();
    void show_details();
    const core::Household* m_household = nullptr;
    const Derived* m_derived = nullptr;
    wxString m_summary_text;
    wxStaticText* m_summary = nullptr;
    RowsModel* m_rows = nullptr;
    wxDataViewCtrl* m_list = nullptr;
    wxStaticText* m_reason = nullptr;
    wxStaticText* m_timeline = nullptr;
};

class WarningsPage : public Page {
public:
    WarningsPage(wxWindow* parent, Controller& controller);
    void show(const core::Household& household, const Derived* derived) override;
    [[nodiscard]] std::size_t warning_rows() const;

private:
    void refresh();
    void show_details();
    const core::Household* m_household = nullptr;
    const Derived* m_derived = nullptr;
    wxCheckBox* m_show_acknowledged = nullptr;
    RowsModel* m_rows = nullptr;
    wxDataViewCtrl* m_list = nullptr;
    wxStaticText* m_details = nullptr;
    std::vector<const core::Warning*> m_shown;
};

class ItemsPage : public Page {
public:
    ItemsPage(wxWindow* parent, Controller& controller, ListKind kind);
    void show(const core::Household& household, const Derived* derived) override;
    [[nodiscard]] std::size_t rows() const;

private:
    [[nodiscard]] std::optional<std::string> selected_id() const;
    ListKind m_kind;
    RowsModel* m_rows = nullptr;
    wxDataViewCtrl* m_list = nullptr;
    std::vector<std::string> m_ids;
};

} // namespace steadypay::gui

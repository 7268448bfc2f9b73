#pragma once
// The main window: a notebook of views over one open store, the menus, and the machinery around
// them (recomputing off the UI thread, locking when idle, notifying of new warnings).

#include "app/gui/pages.hpp"

#include <wx/frame.h>
#include <wx/notebook.h>
#include <wx/timer.h>

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <thread>
#include <vector>

namespace steadypay::gui {

struct FrameOptions {
    int lock_minutes = 10;
    int horizon = 90;
};

class MainFrame : public wxFrame, public Controller {
public:
    MainFrame(std::unique_ptr<Session> session, FrameOptions options);
    ~MainFrame() override;

    // Controller.
    void record_payment(const std::string& item, std::optional<core::Date> due) override;
    void add_item(ListKind kind) override;
    void edit_item(ListKind kind, const std::string& id) override;
    void remove_item(ListKind kind, const std::string& id) override;
    void acknowledge(const std::string& warning_id, bool seen) override;
    void set_horizon(int days) override;
    void show_plan() override;

    // Applies a person's edit to the store as it is now; when another program changed the same
    // thing meanwhile, says what changed and shows it as it is now, so they can make their change
    // again. Returns whether it was saved.
    bool apply_edit(const core::Edit& edit);
    // Looks for changes other programs made to the store; redraws when there are any.
    void check_for_changes();
    void recompute();
    void lock();

    // For scripted runs and tests.
    enum PageIndex { dashboard_page, calendar_page, plan_page, warnings_page, bills_page, incomes_page, accounts_page };
    void show_page(PageIndex page);
    [[nodiscard]] DashboardPage* dashboard() const { return m_dashboard; }
    [[nodiscard]] CalendarPage* calendar() const { return m_calendar; }
    [[nodiscard]] PlanPage* plan() const { return m_plan; }
    [[nodiscard]] WarningsPage* warnings() const { return m_warnings; }
    [[nodiscard]] ItemsPage* items(ListKind kind) const;
    [[nodiscard]] Session* session() const { return m_session.get(); }
    [[nodiscard]] const Derived* derived() const { return m_derived ? &*m_derived : nullptr; }
    [[nodiscard]] std::size_t notifications_shown() const { return m_notifications; }

    // Records activity, for the idle lock (the application calls this for input events).
    static void touch();

private:
    void build_menus();
    void apply(core::Result<Derived> result, std::uint64_t generation);
    void refresh_pages();
    // Every view, in notebook order.
    [[nodiscard]] std::array<Page*, 7> pages() const {
        return {m_dashboard, m_calendar, m_plan, m_warnings, m_bills, m_incomes, m_accounts};
    }
    void notify_new_warnings(bool first);
    void open_store(bool create);
    void import_household();
    void export_household();
    void backup();
    void change_passphrase();
    void settings();

    std::unique_ptr<Session> m_session;
    FrameOptions m_options;
    std::optional<Derived> m_derived;
    std::uint64_t m_generation = 0;
    // Stops the plan being worked out for an earlier generation (the household changed since).
    std::shared_ptr<std::atomic<bool>> m_cancel;
    void cancel_plan();
    struct Worker {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::vector<Worker> m_workers;
    wxNotebook* m_book = nullptr;
    DashboardPage* m_dashboard = nullptr;
    CalendarPage* m_calendar = nullptr;
    PlanPage* m_plan = nullptr;
    WarningsPage* m_warnings = nullptr;
    ItemsPage* m_bills = nullptr;
    ItemsPage* m_incomes = nullptr;
    ItemsPage* m_accounts = nullptr;
    wxTimer m_idle;
    wxTimer m_watch; // looks for changes made by other programs
    std::set<std::string> m_notified;
    bool m_first_result = true;
    std::size_t m_notifications = 0;
};

} // namespace steadypay::gui

#include "app/gui/main_frame.hpp"

#include "app/common/words.hpp"
#include "app/gui/dialogs.hpp"
#include "app/gui/unlock_dialog.hpp"
#include "app/gui/util.hpp"
#include "core/recording.hpp"

#include <wx/aboutdlg.h>
#include <wx/config.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notifmsg.h>
#include <wx/persist/toplevel.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>

#include <algorithm>
#include <atomic>
#include <map>

#ifndef STEADYPAY_VERSION
#define STEADYPAY_VERSION "0.0.0"
#endif

namespace steadypay::gui {

namespace {

std::atomic<std::int64_t> g_last_activity{0};

std::int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

enum MenuId {
    id_new_store = wxID_HIGHEST + 1,
    id_open_store,
    id_import,
    id_export,
    id_backup,
    id_passphrase,
    id_lock,
    id_add_bill,
    id_add_income,
    id_add_account,
    id_record,
    id_settings,
    id_view_first, // seven views follow
    id_horizon_30 = id_view_first + 7,
    id_horizon_60,
    id_horizon_90,
    id_refresh,
};

// What a person reads when their change met someone else's.
wxString conflict_text(const core::Conflict& c, const core::Household& h) {
    static const std::map<std::string, wxString> k_fields{
        {"name", _("name")},
        {"payee", _("paid to")},
        {"source", _("paid by")},
        {"account", _("account")},
        {"amount", _("amount")},
        {"minimum", _("minimum payment")},
        {"schedule", _("schedule")},
        {"business_day", _("weekends and holidays")},
        {"priority", _("priority")},
        {"autopay", _("autopay")},
        {"autopay_lead_days", _("autopay days early")},
        {"grace_days", _("grace period")},
        {"late_fee", _("late fee")},
        {"returned_payment_fee", _("returned-payment fee")},
        {"when_uncovered", _("what the bank does beyond the limit")},
        {"returned_item_fee", _("fee per declined payment")},
        {"reported_late_after_days", _("credit reporting")},
        {"shutoff_after_days", _("shut-off")},
        {"hardship_contact", _("hardship contact")},
        {"balance", _("balance")},
        {"overdraft_limit", _("overdraft limit")},
        {"overdraft_fee", _("overdraft fee")},
        {"cushion", _("cushion")},
        {"currency", _("currency")},
        {"timezone", _("time zone")},
        {"weekend", _("weekend days")},
        {"holidays", _("holidays")},
        {"intraday_order", _("order within a day")},
        {"warning_lead_days", _("warning lead times")},
        {"payments", _("payment records")},
        {"status", _("what was recorded")},
    };
    // The bill or income by its name as it is now (its id, when it is gone).
    const auto item_name = [&] {
        const auto ref = core::find_item(h, c.id);
        return ref ? wxs(*ref->name) : wxs(c.id);
    };
    wxString what;
    switch (c.target) {
    case core::EditTarget::settings:
        what = _("The household's settings");
        break;
    case core::EditTarget::account: {
        const auto* a = h.find_account(c.id);
        what = a ? wxs(a->name) : wxs(c.id);
        break;
    }
    case core::EditTarget::payment:
        what = say("The payment of {0} due {1}", item_name(),
                                c.due ? wxs(core::to_iso(*c.due)) : wxString());
        break;
    default:
        what = item_name();
    }
    wxString fields;
    for (const auto& f : c.fields) {
        const auto it = k_fields.find(f);
        fields += (fields.empty() ? wxString() : wxString(", ")) + (it == k_fields.end() ? wxs(f) : it->second);
    }
    switch (c.kind) {
    case core::ConflictKind::removed:
        return say("{0} was removed in another window or program while you were working on it. "
                                  "Your change was not saved.",
                                what);
    case core::ConflictKind::taken:
        return say("Another window or program added {0} in the meantime. Yours was not saved: add it "
                                  "again under another name.",
                                what);
    case core::ConflictKind::changed:
        break;
    }
    return say("{0} was changed in another window or program while you were working on it ({1}). Your "
                              "change was not saved: it is shown as it is now, so that you can make your change "
                              "again.",
                            what, fields);
}

} // namespace

void MainFrame::touch() {
    g_last_activity = now_seconds();
}

MainFrame::MainFrame(std::unique_ptr<Session> session, FrameOptions options)
    : wxFrame(nullptr, wxID_ANY, _("Steadypay"), wxDefaultPosition, wxSize(1180, 860)), m_session(std::move(session)),
      m_options(options) {
    SetName("main"); // for the remembered size and position
    build_menus();
    CreateStatusBar(2);
    m_book = new wxNotebook(this, wxID_ANY);
    m_dashboard = new DashboardPage(m_book, *this);
    m_calendar = new CalendarPage(m_book, *this);
    m_plan = new PlanPage(m_book, *this);
    m_warnings = new WarningsPage(m_book, *this);
    m_bills = new ItemsPage(m_book, *this, ListKind::bills);
    m_incomes = new ItemsPage(m_book, *this, ListKind::incomes);
    m_accounts = new ItemsPage(m_book, *this, ListKind::accounts);
    m_book->AddPage(m_dashboard, _("Dashboard"));
    m_book->AddPage(m_calendar, _("Calendar"));
    m_book->AddPage(m_plan, _("Plan"));
    m_book->AddPage(m_warnings, _("Warnings"));
    m_book->AddPage(m_bills, _("Bills"));
    m_book->AddPage(m_incomes, _("Incomes"));
    m_book->AddPage(m_accounts, _("Accounts"));
    m_dashboard->set_horizon(m_options.horizon);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_book, wxSizerFlags(1).Expand());
    SetSizer(sizer);
    wxPersistentRegisterAndRestore(this, "main");
    fit_on_screen(this);

    touch();
    m_idle.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (!m_session || now_seconds() - g_last_activity <= static_cast<std::int64_t>(m_options.lock_minutes) * 60) {
            return;
        }
        // A dialog left open holds the household it was opened on: cancel it (nothing half-entered
        // is saved) and lock once it has closed.
        bool cancelled = false;
        for (wxWindow* w : wxTopLevelWindows) {
            if (auto* d = dynamic_cast<wxDialog*>(w); d && d->IsModal()) {
                d->EndModal(wxID_CANCEL);
                cancelled = true;
            }
        }
        if (cancelled) {
            CallAfter([this] { lock(); });
        } else {
            lock();
        }
    });
    m_idle.Start(10'000);
    // Other programs write to the same store (the command line, imports, the daily check): look
    // every two seconds, and whenever the window comes to the front.
    m_watch.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { check_for_changes(); });
    m_watch.Start(2'000);
    Bind(wxEVT_ACTIVATE, [this](wxActivateEvent& e) {
        if (e.GetActive()) {
            CallAfter([this] { check_for_changes(); });
        }
        e.Skip();
    });
    recompute(); // shows the new forecast at once
}

MainFrame::~MainFrame() {
    m_idle.Stop();
    m_watch.Stop();
    cancel_plan();
    // A worker may still be computing: wait, so it never posts to a window that is gone.
    for (auto& w : m_workers) {
        if (w.thread.joinable()) {
            w.thread.join();
        }
    }
}

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(id_new_store, _("&New store...\tCtrl+N"));
    file->Append(id_open_store, _("&Open store...\tCtrl+O"));
    file->AppendSeparator();
    file->Append(id_import, _("&Import household file...\tCtrl+I"));
    file->Append(id_export, _("&Export household file...\tCtrl+E"));
    file->AppendSeparator();
    file->Append(id_backup, _("&Back up...\tCtrl+B"));
    file->Append(id_passphrase, _("Change &passphrase..."));
    file->AppendSeparator();
    file->Append(id_lock, _("&Lock\tCtrl+L"));
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    auto* edit = new wxMenu;
    edit->Append(id_add_bill, _("Add &bill...\tCtrl+Shift+B"));
    edit->Append(id_add_income, _("Add &income...\tCtrl+Shift+I"));
    edit->Append(id_add_account, _("Add &account...\tCtrl+Shift+A"));
    edit->AppendSeparator();
    edit->Append(id_record, _("&Record a payment...\tCtrl+R"));
    edit->AppendSeparator();
    edit->Append(id_settings, _("Household &settings...\tCtrl+,"));
    auto* view = new wxMenu;
    const wxString views[] = {_("&Dashboard"), _("&Calendar"), _("&Plan"),    _("&Warnings"),
                              _("&Bills"),     _("&Incomes"),  _("&Accounts")};
    for (int i = 0; i < 7; ++i) {
        view->Append(id_view_first + i, views[i] + wxString::Format("\tCtrl+%d", i + 1));
    }
    view->AppendSeparator();
    view->AppendRadioItem(id_horizon_30, _("Next 30 days"));
    view->AppendRadioItem(id_horizon_60, _("Next 60 days"));
    view->AppendRadioItem(id_horizon_90, _("Next 90 days"));
    view->Check(m_options.horizon <= 30   ? id_horizon_30
                : m_options.horizon <= 60 ? id_horizon_60
                                          : id_horizon_90,
                true);
    view->AppendSeparator();
    view->Append(id_refresh, _("&Refresh\tF5"));
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About Steadypay"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { open_store(true); }, id_new_store);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { open_store(false); }, id_open_store);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { import_household(); }, id_import);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { export_household(); }, id_export);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { backup(); }, id_backup);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { change_passphrase(); }, id_passphrase);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { lock(); }, id_lock);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { add_item(ListKind::bills); }, id_add_bill);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { add_item(ListKind::incomes); }, id_add_income);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { add_item(ListKind::accounts); }, id_add_account);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { record_payment({}, std::nullopt); }, id_record);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { settings(); }, id_settings);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent& e) { show_page(static_cast<PageIndex>(e.GetId() - id_view_first)); },
        id_view_first, id_view_first + 6);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent& e) { set_horizon(30 * (e.GetId() - id_horizon_30 + 1)); }, id_horizon_30,
        id_horizon_90);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { recompute(); }, id_refresh);
    Bind(
        wxEVT_MENU,
        [](wxCommandEvent&) {
            wxAboutDialogInfo info;
            info.SetName("Steadypay");
            info.SetVersion(STEADYPAY_VERSION);
            info.SetDescription(
                _("Forecasts your balance day by day, pays bills in the right order when money is short, "
                  "and warns you before an overdraft or a missed payment."));
            wxAboutBox(info);
        },
        wxID_ABOUT);
    // Menu items that need an open store, or something to act on.
    for (int id : {id_import, id_export, id_backup, id_passphrase, id_lock, id_add_bill, id_add_income, id_add_account,
                   id_record, id_settings, id_refresh}) {
        Bind(
            wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_session != nullptr); }, id);
    }
}

ItemsPage* MainFrame::items(ListKind kind) const {
    return kind == ListKind::bills ? m_bills : kind == ListKind::incomes ? m_incomes : m_accounts;
}

void MainFrame::show_page(PageIndex page) {
    m_book->SetSelection(static_cast<std::size_t>(page));
}

void MainFrame::refresh_pages() {
    if (!m_session) {
        return;
    }
    const auto& h = m_session->household();
    const Derived* d = m_derived ? &*m_derived : nullptr;
    SetTitle(say("Steadypay: {0}", wxs(h.name)));
    SetStatusText(wxs(m_session->path().string()), 0);
    for (Page* p : pages()) {
        p->show(h, d);
    }
}

void MainFrame::recompute() {
    if (!m_session) {
        return;
    }
    const auto generation = ++m_generation;
    cancel_plan();
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    SetStatusText(_("Working out the forecast and the plan..."), 1);
    // The forecast takes microseconds: the screens get their numbers now. Plans for large or
    // tight households take a moment: that is worked out off the UI thread, on the same forecast.
    auto quick = derive_forecast(m_session->household(), m_session->today(), m_options.horizon);
    if (!quick) {
        apply(std::move(quick), generation);
        return;
    }
    Derived forecast_only = quick.value();
    apply(std::move(quick), generation);
    auto done = std::make_shared<std::atomic<bool>>(false);
    // A good plan at once (a small share of the search), then the full search, which proves more;
    // either is dropped when the household has changed since (and the search stops early).
    std::thread worker([this, generation, done, cancel, forecast_only = std::move(forecast_only),
                        household = m_session->household(), acknowledged = m_session->acknowledged(),
                        statements = m_session->statements()]() mutable {
        auto first = std::make_shared<core::Result<Derived>>(
            add_plan(forecast_only, household, acknowledged, PlanEffort{k_quick_work, cancel.get()}, statements));
        const bool more = first->ok() && !first->value().settled;
        if (!*cancel) {
            CallAfter([this, first, generation] { apply(std::move(*first), generation); });
        }
        if (more && !*cancel) {
            auto full = std::make_shared<core::Result<Derived>>(add_plan(
                std::move(forecast_only), household, acknowledged, PlanEffort{.cancel = cancel.get()}, statements));
            if (!*cancel) {
                CallAfter([this, full, generation] { apply(std::move(*full), generation); });
            }
        }
        *done = true;
    });
    m_workers.push_back(Worker{std::move(worker), done});
}

void MainFrame::cancel_plan() {
    if (m_cancel) {
        *m_cancel = true;
        m_cancel.reset();
    }
}

void MainFrame::apply(core::Result<Derived> result, std::uint64_t generation) {
    if (generation != m_generation || !m_session) {
        return; // a newer computation is on its way, or the store was locked
    }
    // Finished workers can go (joining one that is done never waits long).
    std::erase_if(m_workers, [](Worker& w) {
        if (*w.done) {
            w.thread.join();
            return true;
        }
        return false;
    });
    if (!result) {
        m_derived.reset();
        SetStatusText(wxs(app::describe(result.error())), 1);
        refresh_pages();
        return;
    }
    m_derived = std::move(result).value();
    SetStatusText(wxs(app::sayn("Forecast from {0} for {1} day", "Forecast from {0} for {1} days",
                                static_cast<unsigned long>(m_derived->days),
                                app::formats().weekday_day(m_derived->today, m_derived->today), m_derived->days)),
                  1);
    refresh_pages();
    if (m_derived->planned && m_derived->settled) {
        notify_new_warnings(m_first_result);
        m_first_result = false;
    }
}

void MainFrame::notify_new_warnings(bool first) {
    // One desktop notification per change, however many warnings it brought.
    std::vector<const core::Warning*> fresh;
    for (const auto& w : m_derived->warnings) {
        if (!w.acknowledged && m_notified.insert(w.id).second && !first) {
            fresh.push_back(&w); // not seen before, and not already known when the program started
        }
    }
    if (fresh.empty()) {
        return;
    }
    const bool critical =
        std::any_of(fresh.begin(), fresh.end(), [](const auto* w) { return w->severity == core::Severity::critical; });
    const auto& h = m_session->household();
    const auto today = m_derived->today;
    wxString title = wxs(app::warning_text(h, *fresh.front(), today).title);
    wxString message = wxs(app::warning_text(h, *fresh.front(), today).message);
    if (fresh.size() > 1) {
        const auto count = static_cast<unsigned>(std::min<std::size_t>(fresh.size(), 1000));
        title = wxs(app::sayn("{0} new warning", "{0} new warnings", count, static_cast<long long>(count)));
        message.clear();
        for (const auto* w : fresh) {
            message << wxs(app::warning_text(h, *w, today).title) << '\n';
        }
        message.Trim();
    }
    wxNotificationMessage note(title, message, this, critical ? wxICON_WARNING : wxICON_INFORMATION);
    note.Show(wxNotificationMessage::Timeout_Auto);
    ++m_notifications;
}

bool MainFrame::apply_edit(const core::Edit& edit) {
    if (!m_session) {
        return false; // locked while a question was on screen
    }
    auto outcome = m_session->apply(edit, std::string(core::command_of(edit)));
    if (!outcome) {
        wxMessageBox(wxs(app::describe(outcome.error())), _("Not saved"), wxOK | wxICON_ERROR, this);
        recompute();
        return false;
    }
    recompute(); // shows the new forecast at once, with whatever others changed
    if (outcome->conflict) {
        wxMessageBox(conflict_text(*outcome->conflict, m_session->household()), _("Changed elsewhere"),
                     wxOK | wxICON_INFORMATION, this);
        return false;
    }
    if (outcome->others_changed) {
        SetStatusText(_("Saved. Changes made elsewhere in the meantime are shown too."), 1);
    }
    return true;
}

void MainFrame::check_for_changes() {
    if (!m_session) {
        return;
    }
    // An open dialog works on its own copy; its edit is carried over when it is confirmed.
    for (wxWindow* w : wxTopLevelWindows) {
        if (auto* d = dynamic_cast<wxDialog*>(w); d && d->IsModal()) {
            return;
        }
    }
    auto changed = m_session->refresh();
    if (!changed) {
        SetStatusText(wxs(app::describe(changed.error())), 1);
        return;
    }
    if (changed.value()) {
        recompute();
        SetStatusText(_("Updated with changes made elsewhere."), 1);
    }
}

void MainFrame::record_payment(const std::string& item, std::optional<core::Date> due) {
    if (!m_session) {
        return;
    }
    const auto& h = m_session->household();
    if (h.bills.empty() && h.incomes.empty()) {
        wxMessageBox(_("There are no bills or incomes yet."), _("Record a payment"), wxOK, this);
        return;
    }
    RecordDialog dialog(this, h, m_session->today(), item, due);
    if (dialog.ShowModal() == wxID_OK) {
        apply_edit(dialog.result());
    }
}

void MainFrame::add_item(ListKind kind) {
    edit_item(kind, {});
}

void MainFrame::edit_item(ListKind kind, const std::string& id) {
    if (!m_session) {
        return;
    }
    const auto& h = m_session->household();
    if (kind == ListKind::accounts) {
        AccountDialog dialog(this, h, id, m_session->today());
        if (dialog.ShowModal() == wxID_OK) {
            apply_edit(dialog.result());
        }
        return;
    }
    if (h.accounts.empty()) {
        wxMessageBox(_("Add an account first: bills and incomes are paid from and into accounts."), _("No account"),
                     wxOK, this);
        return;
    }
    ItemDialog dialog(this, h, kind, id);
    if (dialog.ShowModal() == wxID_OK) {
        apply_edit(dialog.result());
    }
}

void MainFrame::remove_item(ListKind kind, const std::string& id) {
    if (!m_session) {
        return;
    }
    const auto& h = m_session->household();
    wxString name;
    if (const auto* a = kind == ListKind::accounts ? h.find_account(id) : nullptr) {
        name = wxs(a->name);
    } else if (const auto ref = core::find_item(h, id)) {
        name = wxs(*ref->name);
    }
    auto edit = kind == ListKind::accounts ? core::remove_account_edit(h, id) : core::remove_item_edit(h, id);
    if (!edit) {
        return; // gone already
    }
    // Core says whether it may go (an account bills or incomes still use may not).
    if (auto r = core::apply_edit(h, edit.value()); !r) {
        wxMessageBox(kind == ListKind::accounts ? _("Bills or incomes use this account: move or remove them first.")
                                                : wxs(app::describe(r.error())),
                     _("Not removed"), wxOK, this);
        return;
    }
    if (wxMessageBox(
            say("Remove {0}? Its payment records go with it; the audit log keeps their history.", name),
            _("Remove"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) == wxYES) {
        apply_edit(edit.value());
    }
}

void MainFrame::acknowledge(const std::string& warning_id, bool seen) {
    if (!m_session) {
        return;
    }
    if (auto s = m_session->acknowledge(warning_id, seen); !s) {
        wxMessageBox(wxs(app::describe(s.error())), _("Not saved"), wxOK | wxICON_ERROR, this);
        return;
    }
    recompute();
}

void MainFrame::set_horizon(int days) {
    m_options.horizon = days;
    wxConfigBase::Get()->Write("/view/horizon", days);
    m_dashboard->set_horizon(days);
    if (auto* bar = GetMenuBar()) {
        bar->Check(days <= 30 ? id_horizon_30 : days <= 60 ? id_horizon_60 : id_horizon_90, true);
    }
    recompute();
}

void MainFrame::show_plan() {
    show_page(plan_page);
}

void MainFrame::lock() {
    if (!m_session) {
        return;
    }
    const auto path = m_session->path();
    // Close the store and forget everything on screen before asking again.
    ++m_generation;
    cancel_plan();
    m_session.reset();
    m_derived.reset();
    static const core::Household empty; // pages keep a pointer: it must outlive this call
    for (Page* p : pages()) {
        p->show(empty, nullptr);
    }
    Hide();
    UnlockDialog dialog(nullptr, path);
    if (dialog.ShowModal() != wxID_OK) {
        Close(true);
        return;
    }
    m_session = dialog.take_session();
    touch();
    Show();
    recompute(); // shows the new forecast at once
}

void MainFrame::open_store(bool create) {
    wxFileDialog files(this, create ? _("Create a new store") : _("Open a store"), wxString(),
                       create ? wxString("steadypay.db") : wxString(), _("Steadypay stores (*.db)|*.db|All files|*"),
                       create ? wxFD_SAVE : (wxFD_OPEN | wxFD_FILE_MUST_EXIST));
    if (files.ShowModal() != wxID_OK) {
        return;
    }
    const std::filesystem::path path = utf8(files.GetPath());
    std::error_code ec;
    if (create && std::filesystem::exists(path, ec)) {
        wxMessageBox(_("That file already exists: Steadypay never overwrites a store."), _("Not created"), wxOK, this);
        return;
    }
    UnlockDialog dialog(this, path);
    if (dialog.ShowModal() != wxID_OK) {
        return;
    }
    ++m_generation;
    cancel_plan();
    m_session = dialog.take_session();
    m_derived.reset();
    m_first_result = true;
    m_notified.clear();
    recompute(); // shows the new forecast at once
}

void MainFrame::import_household() {
    wxFileDialog files(this, _("Import a household file"), wxString(), wxString(),
                       _("Household files (*.json)|*.json|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (files.ShowModal() != wxID_OK) {
        return;
    }
    if (wxMessageBox(_("Replace this store's household with the file's? (Back up first if unsure.)"), _("Import"),
                     wxYES_NO | wxNO_DEFAULT, this) != wxYES ||
        !m_session) {
        return;
    }
    if (auto s = m_session->import_household(utf8(files.GetPath())); !s) {
        wxMessageBox(wxs(app::describe(s.error())), _("Not imported"), wxOK | wxICON_ERROR, this);
        return;
    }
    recompute(); // shows the new forecast at once
}

void MainFrame::export_household() {
    wxFileDialog files(this, _("Export the household"), wxString(), "household.json",
                       _("Household files (*.json)|*.json"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (files.ShowModal() == wxID_OK && m_session) {
        if (auto s = m_session->export_household(utf8(files.GetPath())); !s) {
            wxMessageBox(wxs(app::describe(s.error())), _("Not exported"), wxOK | wxICON_ERROR, this);
        }
    }
}

void MainFrame::backup() {
    wxFileDialog files(this, _("Back up the store"), wxString(), "steadypay-backup.db",
                       _("Steadypay stores (*.db)|*.db"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (files.ShowModal() != wxID_OK || !m_session) {
        return;
    }
    wxBusyCursor busy;
    if (auto s = m_session->backup(utf8(files.GetPath())); !s) {
        wxMessageBox(wxs(app::describe(s.error())), _("No backup"), wxOK | wxICON_ERROR, this);
        return;
    }
    SetStatusText(_("Backup written; it opens with this store's passphrase."), 1);
}

void MainFrame::change_passphrase() {
    NewPassphraseDialog dialog(this);
    if (dialog.ShowModal() != wxID_OK || !m_session) {
        return;
    }
    wxBusyCursor busy;
    if (auto s = m_session->change_passphrase(storage::Passphrase(utf8(dialog.passphrase()))); !s) {
        wxMessageBox(wxs(app::describe(s.error())), _("Not changed"), wxOK | wxICON_ERROR, this);
        if (s.error().code != core::Errc::bad_input) {
            lock(); // the store was closed so that nothing is written with the wrong key: unlock it again
        }
        return;
    }
    SetStatusText(_("Passphrase changed."), 1);
}

void MainFrame::settings() {
    SettingsDialog dialog(this, m_session->household(), m_options.lock_minutes);
    if (dialog.ShowModal() != wxID_OK) {
        return;
    }
    m_options.lock_minutes = dialog.lock_minutes();
    wxConfigBase::Get()->Write("/security/lock_minutes", m_options.lock_minutes);
    apply_edit(dialog.result());
}

} // namespace steadypay::gui

#include "app/gui/smoke.hpp"

#include "app/common/words.hpp"
#include "app/gui/dialogs.hpp"
#include "app/gui/main_frame.hpp"
#include "app/gui/unlock_dialog.hpp"
#include "app/gui/util.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <gtk/gtk.h>
#include <wx/app.h>
#include <wx/bookctrl.h>
#include <wx/button.h>
#include <wx/stockitem.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/menu.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>

#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace steadypay::gui {

namespace {

// Lets the window system draw everything pending.
void settle(int rounds = 12) {
    for (int i = 0; i < rounds; ++i) {
        wxTheApp->Yield(true);
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
}

// Lets the program run until the plan for the latest change is worked out (on its worker
// thread, as always: a first answer, then the full search); false if that takes more than a minute.
bool wait_for_plan(MainFrame& frame) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (!(frame.derived() && frame.derived()->planned && frame.derived()->settled)) {
        if (std::chrono::steady_clock::now() > until) {
            return false;
        }
        wxTheApp->Yield(true);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

// Every label a person sees in `root`, and those drawn narrower than their text: a label is
// clipped when its widest line needs more room than the widget was given (buttons and check boxes
// need their text and their own frame or box, so they are measured by their best size).
void audit(wxWindow* root, const std::string& where, std::set<std::string>& labels, nlohmann::ordered_json& clipped) {
    const auto visit = [&](auto&& self, wxWindow* w) -> void {
        if (!w->IsShownOnScreen()) {
            return;
        }
        wxString text;
        int need = 0;
        const int have = w->GetSize().x;
        if (auto* st = dynamic_cast<wxStaticText*>(w)) {
            text = st->GetLabel();
            wxCoord lw = 0;
            wxCoord lh = 0;
            wxClientDC dc(st);
            dc.SetFont(st->GetFont());
            dc.GetMultiLineTextExtent(text, &lw, &lh);
            need = lw;
        } else if (auto* b = dynamic_cast<wxButton*>(w)) {
            // A stock button (OK, Cancel) is drawn by GTK with GTK's own translation; wx still
            // reports its English label.
            if (!(wxIsStockID(b->GetId()) && b->GetLabelText() == wxGetStockLabel(b->GetId(), wxSTOCK_NOFLAGS))) {
                text = b->GetLabelText();
                need = b->GetBestSize().x;
            }
        } else if (auto* c = dynamic_cast<wxCheckBox*>(w)) {
            text = c->GetLabelText();
            need = c->GetBestSize().x;
        } else if (auto* r = dynamic_cast<wxRadioButton*>(w)) {
            text = r->GetLabelText();
            need = r->GetBestSize().x;
        } else if (auto* nb = dynamic_cast<wxBookCtrlBase*>(w)) {
            for (std::size_t i = 0; i < nb->GetPageCount(); ++i) {
                labels.insert(utf8(nb->GetPageText(i)));
            }
        } else if (auto* ch = dynamic_cast<wxChoice*>(w)) {
            for (unsigned i = 0; i < ch->GetCount(); ++i) {
                labels.insert(utf8(ch->GetString(i)));
            }
        }
        if (!text.empty()) {
            for (const auto& line : wxSplit(text, '\n')) {
                labels.insert(utf8(line));
            }
            if (need > have + 2) {
                clipped.push_back(where + ": \"" + utf8(text) + "\" needs " + std::to_string(need) + " px, has " +
                                  std::to_string(have));
            }
        }
        for (auto* child : w->GetChildren()) {
            self(self, child);
        }
    };
    visit(visit, root);
    if (auto* frame = dynamic_cast<wxFrame*>(root); frame && frame->GetMenuBar()) {
        auto* bar = frame->GetMenuBar();
        for (std::size_t i = 0; i < bar->GetMenuCount(); ++i) {
            labels.insert(utf8(wxMenuItem::GetLabelText(bar->GetMenuLabel(i))));
            for (auto* item : bar->GetMenu(i)->GetMenuItems()) {
                if (!item->IsSeparator()) {
                    labels.insert(utf8(item->GetItemLabelText()));
                }
            }
        }
    }
}

// Saves what top-level window `w` shows on screen as a PNG, read back from the display server:
// the real pixels. (wxScreenDC cannot do it on GTK 3: every blit from it returns the first image.)
bool screenshot(wxWindow* w, const std::filesystem::path& file) {
    w->Raise();
    w->Refresh();
    w->Update();
    settle();
    GdkWindow* window = gtk_widget_get_window(static_cast<GtkWidget*>(w->GetHandle()));
    if (!window) {
        return false;
    }
    GdkPixbuf* pixels =
        gdk_pixbuf_get_from_window(window, 0, 0, gdk_window_get_width(window), gdk_window_get_height(window));
    if (!pixels) {
        return false;
    }
    GError* error = nullptr;
    const bool saved = gdk_pixbuf_save(pixels, file.c_str(), "png", &error, nullptr) != FALSE;
    if (error) {
        g_error_free(error);
    }
    g_object_unref(pixels);
    return saved;
}

std::string passphrase() {
    const char* p = std::getenv("STEADYPAY_PASSPHRASE");
    return p ? p : "";
}

// Runs the command line with `args` on the frame's store and waits for it; its exit code.
int run_other_writer(const std::filesystem::path& cli, const std::filesystem::path& db,
                     const std::vector<std::string>& args) {
    std::vector<std::string> all{cli.string(), "--db", db.string()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    pid_t pid = -1;
    if (::posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
        return -1;
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The command line writes to the store while the window is open: the window's next edit, made
// in a dialog opened before, keeps what the command line recorded, and the window shows a change
// made elsewhere by itself, within seconds.
bool other_writer(MainFrame& frame, const SmokeOptions& options, nlohmann::ordered_json& values) {
    auto* session = frame.session();
    const auto db = session->path();
    const auto& bills = session->household().bills;
    const auto find = [&](const char* id) {
        return std::find_if(bills.begin(), bills.end(), [&](const auto& b) { return b.id == id; });
    };
    if (find("rent") == bills.end() || find("internet") == bills.end() || find("phone") == bills.end()) {
        return false;
    }
    // A dialog opened on what the window shows now...
    ItemDialog dialog(&frame, session->household(), ListKind::bills, "internet");
    dialog.grace_days->SetValue(9);
    // ...while the command line records the rent's payment.
    if (run_other_writer(options.other_writer, db, {"pay", "rent", "--due", "2026-12-01", "--date", "2026-11-30"}) !=
        0) {
        return false;
    }
    const bool applied = dialog.validate() && frame.apply_edit(dialog.result());
    const auto& h = session->household();
    values["other_writer_edit_saved"] = applied;
    values["other_writer_rent_kept"] =
        h.find_payment("rent", core::Date{date::year{2026} / 12 / 1}) != nullptr && h.find_bill("internet") &&
        h.find_bill("internet")->grace_days == 9;
    // Another payment from the command line, and nothing done in the window: it shows by itself.
    if (run_other_writer(options.other_writer, db, {"pay", "phone", "--due", "2026-12-08", "--date", "2026-12-08"}) !=
        0) {
        return false;
    }
    const auto start = std::chrono::steady_clock::now();
    const core::Date phone_due{date::year{2026} / 12 / 8};
    while (!session->household().find_payment("phone", phone_due)) {
        if (std::chrono::steady_clock::now() - start > std::chrono::seconds(20)) {
            break;
        }
        wxTheApp->Yield(true);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    values["other_writer_seen"] = session->household().find_payment("phone", phone_due) != nullptr;
    values["other_writer_seen_ms"] =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return true;
}

} // namespace

// What the create dialog showed, for run_smoke's values (it runs before the main window exists).
static std::set<std::string> g_create_labels;
static nlohmann::ordered_json g_create_clipped = nlohmann::ordered_json::array();
static bool g_create_refused_bad_zone = false;

bool smoke_create_store(UnlockDialog& dialog, const SmokeOptions& options) {
    const auto pass = wxs(passphrase());
    std::filesystem::create_directories(options.out);
    // A time zone that does not exist is refused, and said whole next to the field.
    dialog.fill(pass, pass, "Jordan Reyes", "USD", "Mars/Olympus");
    dialog.Show();
    g_create_refused_bad_zone = !dialog.attempt();
    screenshot(&dialog, options.out / "dialog-create-store-error.png");
    audit(&dialog, "dialog-create-store-error", g_create_labels, g_create_clipped);
    dialog.fill(pass, pass, "Jordan Reyes", "USD", "America/Chicago");
    screenshot(&dialog, options.out / "dialog-create-store.png");
    audit(&dialog, "dialog-create-store", g_create_labels, g_create_clipped);
    const bool ok = dialog.attempt();
    dialog.Hide();
    return ok;
}

int run_smoke(MainFrame& frame, const SmokeOptions& options, double startup_ms) {
    std::filesystem::create_directories(options.out);
    nlohmann::ordered_json values;
    values["startup_ms"] = startup_ms;
    nlohmann::ordered_json shots = nlohmann::ordered_json::array();
    std::set<std::string> labels;
    nlohmann::ordered_json clipped = nlohmann::ordered_json::array();
    nlohmann::ordered_json too_large = nlohmann::ordered_json::array(); // windows the screen cannot show
    const auto shoot = [&](wxWindow* w, const std::string& name) {
        const auto file = options.out / (name + ".png");
        const bool shot = screenshot(w, file); // drawn and laid out first
        audit(w, name, labels, clipped);
        const wxRect area = screen_area(w);
        if (w->GetSize().x > area.width || w->GetSize().y > area.height) {
            too_large.push_back(fmt::format("{}: {}x{} on a {}x{} screen", name, w->GetSize().x, w->GetSize().y,
                                            area.width, area.height));
        }
        if (shot) {
            shots.push_back(name);
        }
    };

    if (options.create) {
        // A person who never saw the program: an account, a paycheck, a rent and two bills, all
        // through the dialogs, each filled in and confirmed the way the OK button does it.
        auto* session = frame.session();
        const auto today = session->today();
        {
            AccountDialog d(&frame, session->household(), {}, today);
            d.name->SetValue("Checking");
            d.balance->SetValue("420.00");
            d.cushion->SetValue("50.00");
            d.overdraft_fee->SetValue("29.00");
            d.as_of->SetValue(to_wx(today));
            d.Show();
            shoot(&d, "dialog-account");
            if (!d.validate() || !frame.apply_edit(d.result())) {
                return 3;
            }
        }
        const auto add = [&](ListKind kind, const char* name, const char* amount, core::SchedulePreset preset,
                             core::Date start, auto&& extra, const char* shot) {
            ItemDialog d(&frame, session->household(), kind, {});
            d.name->SetValue(name);
            d.amount->SetValue(amount);
            d.schedule->set_preset(preset, start);
            extra(d);
            d.Show();
            if (shot) {
                shoot(&d, shot);
            }
            const bool ok = d.validate() && frame.apply_edit(d.result()) && wait_for_plan(frame);
            values["preview_" + std::string(name)] = utf8(d.schedule->preview_text());
            values["schedule_fields_" + std::string(name)] = d.schedule->shown_parts();
            return ok;
        };
        core::SchedulePreset biweekly{core::PresetKind::every_other_week};
        biweekly.weekday = date::weekday{today + date::days{12}};
        const auto none = [](ItemDialog&) {};
        bool ok =
            add(ListKind::incomes, "Paycheck", "1200.00", biweekly, today + date::days{12}, none, "dialog-income");
        const auto day_of = [](core::Date d) {
            return static_cast<int>(static_cast<unsigned>(date::year_month_day{d}.day()));
        };
        const int rent_day = std::min(day_of(today + date::days{3}), 28);
        ok = ok && add(
                       ListKind::bills, "Rent", "900.00", {core::PresetKind::monthly_on_day, rent_day}, today,
                       [](ItemDialog& d) {
                           d.priority->SetSelection(static_cast<int>(core::Priority::housing));
                           d.grace_days->SetValue(5);
                           d.late_fee->SetValue("75.00");
                       },
                       "dialog-bill");
        ok = ok && add(
                       ListKind::bills, "Electricity", "80.00",
                       {core::PresetKind::monthly_on_day, std::min(day_of(today + date::days{5}), 28)}, today,
                       [](ItemDialog& d) {
                           d.varies->SetValue(true);
                           d.amount_max->SetValue("140.00");
                           d.priority->SetSelection(static_cast<int>(core::Priority::utilities));
                           d.autopay->SetValue(true);
                           d.grace_days->SetValue(10);
                       },
                       nullptr);
        ok = ok && add(
                       ListKind::bills, "Phone", "65.00",
                       {core::PresetKind::monthly_on_day, std::min(day_of(today + date::days{6}), 28)}, today,
                       [](ItemDialog& d) {
                           d.priority->SetSelection(static_cast<int>(core::Priority::phone_internet));
                           d.autopay->SetValue(true);
                           d.grace_days->SetValue(7);
                       },
                       nullptr);
        if (!ok) {
            return 3;
        }
        // Record that the phone bill's next occurrence was paid today, and bring the balance up
        // to date, as a person does after checking their bank.
        const auto& bills = session->household().bills;
        const auto phone = std::find_if(bills.begin(), bills.end(), [](const auto& b) { return b.name == "Phone"; });
        if (phone == bills.end()) {
            return 3;
        }
        {
            RecordDialog d(&frame, session->household(), today, phone->id, std::nullopt);
            d.status->SetSelection(0);
            d.date->SetValue(to_wx(today));
            d.amount->SetValue("65.00");
            d.Show();
            shoot(&d, "dialog-record");
            if (!d.validate() || !frame.apply_edit(d.result()) || !wait_for_plan(frame)) {
                return 3;
            }
        }
        {
            AccountDialog d(&frame, session->household(), session->household().accounts.front().id, today);
            d.balance->SetValue("400.00");
            if (!d.validate() || !frame.apply_edit(d.result()) || !wait_for_plan(frame)) {
                return 3;
            }
        }
    }
    if (!options.other_writer.empty() && !other_writer(frame, options, values)) {
        return 5;
    }
    {
        SettingsDialog d(&frame, frame.session()->household(), 10);
        d.Show();
        shoot(&d, "dialog-settings");
    }

    // A wrong amount is said next to its field, whole (the dialog grows), and Cancel asks before
    // discarding once something was typed.
    if (!frame.session()->household().accounts.empty()) {
        ItemDialog d(&frame, frame.session()->household(), ListKind::bills, {});
        d.Show();
        settle();
        values["dialog_edited_at_first"] = edited(&d);
        d.name->SetValue("Gym");
        d.amount->SetValue("30.00");
        d.late_fee->SetValue("abc");
        values["dialog_refuses_bad_fee"] = !d.validate();
        settle();
        shoot(&d, "dialog-error");
        std::string shown;
        const auto find = [&](auto&& self, wxWindow* w) -> void {
            if (auto* e = dynamic_cast<FieldError*>(w); e && e->IsShownOnScreen()) {
                shown += utf8(e->GetLabel()) + "\n";
            }
            for (auto* child : w->GetChildren()) {
                self(self, child);
            }
        };
        find(find, &d);
        values["dialog_error_text"] = shown;
        values["dialog_edited_after"] = edited(&d);
    }

    // The schedule editor in every preset: which fields it shows and the rule it makes.
    if (!frame.session()->household().accounts.empty()) {
        ItemDialog d(&frame, frame.session()->household(), ListKind::bills, {});
        d.Show();
        static constexpr const char* kinds[] = {"monthly_on_day",
                                                "monthly_on_day_or_last",
                                                "last_day_of_month",
                                                "every_other_week",
                                                "twice_a_month",
                                                "every_n_weeks",
                                                "yearly",
                                                "once",
                                                "every_n_months"};
        nlohmann::ordered_json presets;
        for (std::size_t i = 0; i < std::size(kinds); ++i) {
            core::SchedulePreset p{static_cast<core::PresetKind>(i)};
            p.day = i == 1 ? 30 : 10;
            p.second_day = 25;
            p.weekday = date::Thursday;
            p.interval = 3;
            p.month = 4;
            d.schedule->set_preset(p, frame.session()->today());
            const auto made = d.schedule->schedule();
            presets[kinds[i]] = {{"fields", d.schedule->shown_parts()},
                                 {"rrule", made ? made->rrule : app::describe(made.error())}};
            if (p.kind == core::PresetKind::every_n_weeks) {
                shoot(&d, "dialog-schedule");
            }
        }
        values["presets"] = presets;
    }

    // Every view, with a screenshot; the dashboard's numbers for the test to compare with core's.
    const auto waited = std::chrono::steady_clock::now();
    if (!wait_for_plan(frame)) {
        return 4;
    }
    values["plan_wait_ms"] =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - waited).count();
    settle();
    const std::pair<MainFrame::PageIndex, const char*> pages[] = {
        {MainFrame::dashboard_page, "dashboard"}, {MainFrame::calendar_page, "calendar"},
        {MainFrame::plan_page, "plan"},           {MainFrame::warnings_page, "warnings"},
        {MainFrame::bills_page, "bills"},         {MainFrame::incomes_page, "incomes"},
        {MainFrame::accounts_page, "accounts"}};
    for (const auto& [page, name] : pages) {
        frame.show_page(page);
        shoot(&frame, name);
    }
    frame.show_page(MainFrame::dashboard_page);
    values["safe_to_spend"] = utf8(frame.dashboard()->safe_to_spend_text());
    values["safe_to_spend_until_next_income"] = utf8(frame.dashboard()->safe_until_text());
    values["banner"] = utf8(frame.dashboard()->banner_text());
    values["upcoming_rows"] = frame.dashboard()->upcoming_rows();
    values["plan_rows"] = frame.plan()->decision_rows();
    values["plan_summary"] = utf8(frame.plan()->summary_text());
    values["warning_rows"] = frame.warnings()->warning_rows();
    values["bills"] = frame.items(ListKind::bills)->rows();
    values["incomes"] = frame.items(ListKind::incomes)->rows();
    values["accounts"] = frame.items(ListKind::accounts)->rows();
    values["calendar_shortfall_days"] = frame.calendar()->shortfall_days_shown();
    values["notifications"] = frame.notifications_shown();
    values["layout"] = frame.GetLayoutDirection() == wxLayout_RightToLeft ? "rtl" : "ltr";
    values["screenshots"] = shots;
    labels.insert(g_create_labels.begin(), g_create_labels.end());
    for (const auto& c : g_create_clipped) {
        clipped.push_back(c);
    }
    values["labels"] = labels;
    values["clipped"] = clipped;
    values["larger_than_screen"] = too_large;
    values["create_refused_bad_zone"] = options.create ? g_create_refused_bad_zone : true;
    // What the dashboard shows, read back as the person would type it: equal to --json's numbers.
    const auto currency = frame.session()->household().currency;
    for (const auto& [key, text] : {std::pair<const char*, wxString>{"safe_to_spend_amount", frame.dashboard()->safe_to_spend_text()},
                                    {"safe_to_spend_until_next_income_amount", frame.dashboard()->safe_until_text()}}) {
        auto m = app::formats().parse_money(utf8(text), currency);
        values[key] = m ? m.value().to_string() : "not an amount: " + app::describe(m.error());
    }
    values["locale"] = app::formats().locale();
    std::ofstream(options.out / "values.json") << values.dump(2) << '\n';
    return 0;
}

} // namespace steadypay::gui

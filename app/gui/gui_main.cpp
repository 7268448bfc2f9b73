// steadypay-gui: the desktop program.
//
//   steadypay-gui [--db PATH] [--smoke-test DIR [--smoke-create] [--smoke-other-writer CLI]]
//
// STEADYPAY_PASSPHRASE opens the store without asking (scripted starts); otherwise the unlock
// window asks. With no store at the path, the same window creates one.

#include "app/common/heap.hpp"
#include "app/common/i18n.hpp"
#include "app/gui/main_frame.hpp"
#include "app/gui/smoke.hpp"
#include "app/gui/unlock_dialog.hpp"
#include "app/gui/util.hpp"
#include "storage/store.hpp"

#include <gtk/gtk.h>
#include <wx/app.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/translation.h>
#include <wx/log.h>
#include <wx/stdpaths.h>

#include <chrono>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>

namespace steadypay::gui {

constexpr const char* k_usage =
    "Usage: steadypay-gui [--db PATH]\n"
    "\n"
    "The Steadypay desktop program. It opens the store at PATH (default: $STEADYPAY_DB, else\n"
    "$XDG_DATA_HOME/steadypay/steadypay.db), asking for its passphrase, or creates a store there.\n"
    "\n"
    "Environment:\n"
    "  STEADYPAY_PASSPHRASE  tried first, for scripted starts (a wrong one is reported in the window)\n"
    "  STEADYPAY_GUI_RTL=1   lay the windows out right to left whatever the language\n"
    "\n"
    "For tests: --smoke-test DIR visits every view, saves screenshots and values.json in DIR, and\n"
    "quits; with --smoke-create it first creates the store and enters a household through the dialogs.\n";

// The words of app/common (plan reasons, warnings) from the window's catalogue.
class WxTranslator final : public app::Translator {
public:
    [[nodiscard]] std::string get(const char* msgid) const override {
        return utf8(wxGetTranslation(wxString::FromUTF8(msgid)));
    }
    [[nodiscard]] std::string get_plural(const char* singular, const char* plural, unsigned long n) const override {
        return utf8(wxGetTranslation(wxString::FromUTF8(singular), wxString::FromUTF8(plural), static_cast<unsigned>(n)));
    }
};

class App : public wxApp {
public:
    bool OnInit() override {
        ::umask(077);
        app::keep_freed_memory_in_process(); // forecasts are recomputed for as long as the program runs
        SetAppName("steadypay");
        SetAppDisplayName("Steadypay");
        wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
        // The user's language: translations, and right-to-left layout for Hebrew or Arabic.
        // The catalogues are found next to the program (installed or in the build tree); the
        // words core's facts are said in come from the same catalogue, through wxTranslations.
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxs(app::find_locale_dir()));
        m_locale.Init(wxLANGUAGE_DEFAULT);
        m_locale.AddCatalog("steadypay");
        std::setlocale(LC_NUMERIC, "C"); // numbers in files and stores are never the locale's
        app::set_translator(&m_translator);
        // Amounts and dates as the C library's locale has them, as on the command line (the C
        // locale: plain amounts).
        const char* monetary = std::setlocale(LC_MONETARY, nullptr);
        app::set_formats(app::Formats(monetary ? monetary : ""));
        wxInitAllImageHandlers();
        use_settings_file();

        std::filesystem::path path = storage::default_store_path();
        if (const char* env = std::getenv("STEADYPAY_DB"); env && *env) {
            path = env;
        }
        SmokeOptions smoke;
        bool smoke_test = false;
        for (int i = 1; i < argc; ++i) {
            const std::string arg = utf8(argv[i]);
            if (arg == "--db" && i + 1 < argc) {
                path = utf8(argv[++i]);
            } else if (arg == "--smoke-test" && i + 1 < argc) {
                smoke_test = true;
                smoke.out = utf8(argv[++i]);
            } else if (arg == "--smoke-create") {
                smoke.create = true;
            } else if (arg == "--smoke-other-writer" && i + 1 < argc) {
                smoke.other_writer = utf8(argv[++i]);
            } else {
                std::fprintf(stderr, "steadypay-gui: unknown argument %s (see steadypay-gui --help)\n", arg.c_str());
                return false;
            }
        }

        // Right to left for Hebrew or Arabic, whether or not GTK has its own translations
        // installed; STEADYPAY_GUI_RTL=1 asks for it in any language (to check the layout).
        const char* rtl = std::getenv("STEADYPAY_GUI_RTL");
        m_force_rtl = rtl && *rtl == '1';
        if (GetLayoutDirection() == wxLayout_RightToLeft) {
            gtk_widget_set_default_direction(GTK_TEXT_DIR_RTL);
        }

        // The unlock window opens or creates the store. A passphrase in STEADYPAY_PASSPHRASE is
        // tried first (scripted starts); if it does not open the store, the window says so.
        UnlockDialog dialog(nullptr, path);
        bool opened = false;
        if (smoke_test && smoke.create) {
            opened = smoke_create_store(dialog, smoke);
        } else if (const char* passphrase = std::getenv("STEADYPAY_PASSPHRASE");
                   passphrase && *passphrase && !dialog.creating()) {
            dialog.fill(wxString::FromUTF8(passphrase));
            opened = dialog.attempt();
        }
        if (!opened) {
            if (smoke_test) {
                // Nobody is there to answer the window: say why and stop.
                const auto why = dialog.error_text();
                std::fprintf(stderr, "steadypay-gui: %s\n",
                             why.empty() ? ("no store at " + path.string()).c_str() : utf8(why).c_str());
                return false;
            }
            if (dialog.ShowModal() != wxID_OK) {
                // The person chose not to open a store: a normal end, not a failure to start.
                CallAfter([this] { ExitMainLoop(); });
                return true;
            }
        }
        std::unique_ptr<Session> session = dialog.take_session();
        const auto unlocked = std::chrono::steady_clock::now();

        FrameOptions options;
        auto* config = wxConfigBase::Get();
        options.lock_minutes = static_cast<int>(config->ReadLong("/security/lock_minutes", 10));
        options.horizon = static_cast<int>(config->ReadLong("/view/horizon", 90));
        auto* frame = new MainFrame(std::move(session), options);
        frame->Show();
        if (smoke_test) {
            // A scripted run has nobody to click a message box: messages go to stderr.
            delete wxLog::SetActiveTarget(new wxLogStderr);
            const double startup_ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - unlocked).count();
            CallAfter([frame, smoke, startup_ms, this] {
                m_exit_code = run_smoke(*frame, smoke, startup_ms);
                frame->Destroy();
            });
        }
        return true;
    }

    // Every window takes its direction from here when it is created.
    wxLayoutDirection GetLayoutDirection() const override {
        return m_force_rtl ? wxLayout_RightToLeft : wxApp::GetLayoutDirection();
    }

    int FilterEvent(wxEvent& event) override {
        const auto type = event.GetEventType();
        if (type == wxEVT_KEY_DOWN || type == wxEVT_LEFT_DOWN || type == wxEVT_MOTION || type == wxEVT_MOUSEWHEEL) {
            MainFrame::touch();
        }
        return Event_Skip;
    }

    int OnExit() override {
        // Write the settings while messages can still be shown, then send anything later to
        // stderr: a message queued now would otherwise open a dialog after the app is gone.
        delete wxConfigBase::Set(nullptr);
        delete wxLog::SetActiveTarget(new wxLogStderr);
        return m_exit_code;
    }

private:
    // Window placement and preferences live in $XDG_CONFIG_HOME/steadypay/gui.conf (never
    // anything from the store), in a folder only the user can read.
    static void use_settings_file() {
        const auto dir = storage::xdg_base_dir("XDG_CONFIG_HOME", ".config") / "steadypay";
        std::error_code ec;
        std::filesystem::create_directories(dir, ec); // umask 077: 0700
        delete wxConfigBase::Set(new wxFileConfig("steadypay", wxEmptyString, wxs((dir / "gui.conf").string()),
                                                  wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
    }

    wxLocale m_locale;
    WxTranslator m_translator;
    int m_exit_code = 0;
    bool m_force_rtl = false;
};

} // namespace steadypay::gui

wxIMPLEMENT_APP_NO_MAIN(steadypay::gui::App);

int main(int argc, char** argv) {
    // Answered before the window system starts, so they work without a display.
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::printf("%s", steadypay::gui::k_usage);
            return 0;
        }
        if (arg == "--version") {
            std::printf("steadypay-gui %s\n", STEADYPAY_VERSION);
            return 0;
        }
    }
    return wxEntry(argc, argv);
}

// The real desktop program under Xvfb: it opens (or creates) a store, visits every view, saves a
// screenshot of each into the build folder, and writes what key widgets show to values.json.
// The numbers must be the ones `steadypay` computes for the same store on the same day.

#include "../support/process.hpp"
#include "../support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <algorithm>
#include <cstring>
#include <iterator>
#include <fstream>
#include <set>
#include <sys/stat.h>

using namespace steadypay::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* k_pass = "correct horse battery";
constexpr const char* k_today = "2026-11-22";

std::string find_in_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const auto end = std::min(dirs.find(':', start), dirs.size());
        const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
        if (::access(candidate.c_str(), X_OK) == 0) {
            return candidate.string();
        }
        start = end + 1;
    }
    return {};
}

std::map<std::string, std::string> base_env(const TempDir& home) {
    return {{"HOME", home.path().string()},
            {"XDG_CONFIG_HOME", (home / "config").string()},
            {"XDG_DATA_HOME", (home / "data").string()},
            {"STEADYPAY_TODAY", k_today},
            {"STEADYPAY_PASSPHRASE", k_pass},
            {"LC_ALL", "C.UTF-8"},
            {"NO_AT_BRIDGE", "1"},
            // Under the sanitizers, memory errors stop the program as everywhere else. Leaks are
            // not checked here: GTK keeps its caches until exit, and every allocation of a GUI
            // program happens under the toolkit's main loop, so no suppression list could separate
            // its leaks from ours. The model the windows draw is leak-checked in its own tests.
            {"ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1"}};
}

ProcessResult cli(const std::vector<std::string>& args, const TempDir& home) {
    ProcessOptions o;
    o.env = base_env(home);
    o.env.erase("ASAN_OPTIONS"); // the command line is leak-checked as in its own tests
    o.unset_env = {"STEADYPAY_DB", "STEADYPAY_GUI_RTL"};
    return run_process(STEADYPAY_CLI, args, o);
}

json cli_json(const std::vector<std::string>& args, const TempDir& home) {
    const auto r = cli(args, home);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
}

struct GuiRun {
    ProcessResult process;
    json values;
    fs::path out;
};

// Runs steadypay-gui --smoke-test under its own X server; screenshots go to the build folder.
GuiRun run_gui(const fs::path& db, const std::string& name, const TempDir& home, std::vector<std::string> extra = {},
               std::map<std::string, std::string> env = {}, const std::string& screen = "1280x900x24") {
    const auto xvfb = find_in_path("xvfb-run");
    INFO("xvfb-run is missing: run installer/install-deps.sh");
    REQUIRE_FALSE(xvfb.empty());
    GuiRun run;
    run.out = fs::path(STEADYPAY_SCREENSHOT_DIR) / name;
    fs::remove_all(run.out);
    std::vector<std::string> args{"-a",   "-s",        "-screen 0 " + screen, STEADYPAY_GUI,
                                  "--db", db.string(), "--smoke-test",        run.out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    ProcessOptions o;
    o.env = base_env(home);
    for (auto& [k, v] : env) {
        o.env[k] = v;
    }
    o.unset_env = {"STEADYPAY_DB", "DISPLAY", "WAYLAND_DISPLAY"};
    if (!o.env.count("STEADYPAY_GUI_RTL")) {
        o.unset_env.push_back("STEADYPAY_GUI_RTL");
    }
    o.timeout_seconds = 300;
    run.process = run_process(xvfb, args, o);
    if (fs::exists(run.out / "values.json")) {
        std::ifstream in(run.out / "values.json");
        run.values = json::parse(in);
    }
    return run;
}

fs::path make_store(const TempDir& home, const char* example = "paycheck-to-paycheck.json") {
    const auto db = home / "store.db";
    const auto r =
        cli({"init", "--db", db.string(), "--import", std::string(STEADYPAY_EXAMPLES_DIR) + "/" + example}, home);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return db;
}

// Every view has a real, distinct screenshot: a PNG of the window's size, not blank.
void check_screenshots(const GuiRun& run, const std::vector<std::string>& names) {
    std::set<std::string> contents;
    for (const auto& name : names) {
        CAPTURE(name);
        const auto file = run.out / (name + ".png");
        REQUIRE(fs::exists(file));
        const auto bytes = read_bytes(file);
        REQUIRE(bytes.size() > 5000); // a blank window compresses to a few hundred bytes
        CHECK(bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
        // Width and height from the IHDR chunk: the main window's size or a dialog's.
        const auto be32 = [&](std::size_t at) {
            return (static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) << 24) |
                   (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
                   (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
                   static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 3]));
        };
        CHECK(be32(16) >= 300);
        CHECK(be32(20) >= 200);
        CHECK(be32(16) <= 1280); // it fits on the screen
        CHECK(contents.insert(bytes).second);
    }
}

const std::vector<std::string> k_views{"dashboard", "calendar", "plan", "warnings", "bills", "incomes", "accounts"};

} // namespace

TEST_CASE("desktop: every view shows what core computes for an existing store", "[gui][xvfb]") {
    TempDir home;
    const auto db = make_store(home);
    const auto run = run_gui(db, "existing-store", home);
    INFO(run.process.err);
    REQUIRE(run.process.exit_code == 0);
    REQUIRE(run.values.is_object());

    const auto forecast = cli_json({"forecast", "--db", db.string(), "--days", "90", "--json"}, home);
    const auto& account = forecast["accounts"][0];
    // The dashboard's large numbers are exactly the command line's.
    CHECK(run.values["safe_to_spend"] == account["safe_to_spend"]);
    CHECK(run.values["safe_to_spend_until_next_income"] == account["safe_to_spend_until_next_income"]);
    CHECK(run.values["safe_to_spend"] == "0.00");
    CHECK(run.values["safe_to_spend_until_next_income"] == "75.37");
    // The banner leads with the worst thing ahead, not the first: the dip below the cushion on
    // Dec 7 comes a day before the overdraft on Dec 8, which is what it names, with the plan's
    // first change to avoid it.
    const std::string banner = run.values["banner"];
    CHECK(forecast["shortfalls"][0]["start"] == "2026-12-07");
    CHECK(forecast["shortfalls"][0]["kind"] == "below_cushion");
    CHECK(forecast["shortfalls"][1]["start"] == "2026-12-08");
    CHECK(forecast["shortfalls"][1]["kind"] == "overdraft");
    CHECK(banner.rfind("You would run short on Tue Dec 8: Credit union checking goes down to", 0) == 0);
    CHECK(banner.find("plan avoids it") != std::string::npos);
    CHECK(banner.find("First: Ask Metro Wireless to move Phone's autopay from Dec 8 to Dec 12") != std::string::npos);

    const auto plan = cli_json({"plan", "--db", db.string(), "--days", "90", "--json"}, home);
    CHECK(run.values["plan_rows"] == plan["decisions"].size());
    // The dashboard lists the window's payments; the plan also has those of its look-ahead.
    std::size_t in_window = 0;
    for (const auto& d : plan["decisions"]) {
        in_window += d["in_look_ahead"].get<bool>() ? 0U : 1U;
    }
    CHECK(in_window < plan["decisions"].size());
    CHECK(run.values["upcoming_rows"] == in_window);
    const std::string summary = run.values["plan_summary"];
    CHECK(summary.find("Late fees: " + plan["totals"]["late_fees"].get<std::string>()) != std::string::npos);
    const auto warnings = cli_json({"warnings", "--db", db.string(), "--days", "90", "--json"}, home);
    CHECK(run.values["warning_rows"] == warnings["warnings"].size());

    CHECK(run.values["bills"] == 8);
    CHECK(run.values["incomes"] == 1);
    CHECK(run.values["accounts"] == forecast["accounts"].size());
    CHECK(run.values["layout"] == "ltr");

    // The schedule editor: each preset shows its own fields and makes its rule.
    const json presets = run.values["presets"];
    const std::vector<std::tuple<std::string, std::vector<std::string>, std::string>> expected{
        {"monthly_on_day", {"day"}, "FREQ=MONTHLY;BYMONTHDAY=10"},
        {"monthly_on_day_or_last", {"day"}, "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1"},
        {"last_day_of_month", {}, "FREQ=MONTHLY;BYMONTHDAY=-1"},
        {"every_other_week", {"weekday"}, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"},
        {"twice_a_month", {"day", "second day"}, "FREQ=MONTHLY;BYMONTHDAY=10,25"},
        {"every_n_weeks", {"interval", "weekday"}, "FREQ=WEEKLY;INTERVAL=3;BYDAY=TH"},
        {"yearly", {"day", "month"}, "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=10"},
        {"once", {}, "FREQ=DAILY;COUNT=1"},
        {"every_n_months", {"day", "interval"}, "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=10"},
    };
    for (const auto& [kind, fields, rrule] : expected) {
        CAPTURE(kind);
        REQUIRE(presets.contains(kind));
        CHECK(presets[kind]["fields"].get<std::vector<std::string>>() == fields);
        CHECK(presets[kind]["rrule"] == rrule);
    }

    auto shots = k_views;
    shots.insert(shots.end(), {"dialog-schedule", "dialog-settings"});
    check_screenshots(run, shots);
    // The store is as it was: looking changes nothing.
    const auto verify = cli({"verify", "--db", db.string()}, home);
    CHECK(verify.exit_code == 0);
}

TEST_CASE("desktop: a new person creates a store and enters a household through the dialogs", "[gui][xvfb]") {
    TempDir home;
    const auto db = home / "new" / "store.db";
    const auto run = run_gui(db, "new-store", home, {"--smoke-create"});
    INFO(run.process.err);
    REQUIRE(run.process.exit_code == 0);
    REQUIRE(fs::exists(db));
    struct stat st {};
    REQUIRE(::stat(db.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    // What the dialogs entered is in the store, as the command line reads it.
    const auto accounts = cli_json({"accounts", "list", "--db", db.string(), "--json"}, home);
    REQUIRE(accounts.size() == 1);
    CHECK(accounts[0]["name"] == "Checking");
    CHECK(accounts[0]["balance"] == "400.00"); // entered as 420.00, then brought up to date
    CHECK(accounts[0]["as_of"] == k_today);
    const auto incomes = cli_json({"incomes", "list", "--db", db.string(), "--json"}, home);
    REQUIRE(incomes.size() == 1);
    CHECK(incomes[0]["name"] == "Paycheck");
    CHECK(incomes[0]["schedule"]["rrule"] == "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR");
    const auto bills = cli_json({"bills", "list", "--db", db.string(), "--json"}, home);
    std::set<std::string> names;
    for (const auto& b : bills) {
        names.insert(b["name"].get<std::string>());
    }
    CHECK(names == std::set<std::string>{"Rent", "Electricity", "Phone"});
    // The payment recorded through the dialog is in the store and in its audit log.
    const auto audit = cli_json({"audit", "--db", db.string(), "--json"}, home);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0]["item"] == "phone");
    CHECK(audit[0]["due"] == "2026-11-28");
    CHECK(audit[0]["to"] == "paid");
    CHECK(audit[0]["amount"] == "65.00");
    CHECK(cli({"verify", "--db", db.string()}, home).exit_code == 0);

    // The dashboard says when they would run short, and the plan what to do about it.
    const auto forecast = cli_json({"forecast", "--db", db.string(), "--days", "90", "--json"}, home);
    CHECK(run.values["safe_to_spend"] == forecast["accounts"][0]["safe_to_spend"]);
    CHECK(run.values["safe_to_spend_until_next_income"] == forecast["accounts"][0]["safe_to_spend_until_next_income"]);
    const std::string banner = run.values["banner"];
    CHECK(banner.rfind("You would run short on Wed Nov 25", 0) == 0);
    CHECK(forecast["shortfalls"][0]["start"] == "2026-11-25");
    const auto plan = cli_json({"plan", "--db", db.string(), "--days", "90", "--json"}, home);
    CHECK(plan["feasible"] == true);
    CHECK(run.values["plan_rows"] == plan["decisions"].size());
    CHECK(run.values["calendar_shortfall_days"].get<int>() > 0);
    // New warnings appeared while the program ran: the person was notified.
    CHECK(run.values["notifications"].get<int>() >= 1);
    CHECK(run.values["schedule_fields_Paycheck"].get<std::vector<std::string>>() ==
          std::vector<std::string>{"weekday"});
    CHECK(run.values["preview_Paycheck"].get<std::string>().rfind("Next: Fri Dec 4, Fri Dec 18", 0) == 0);

    auto shots = k_views;
    shots.insert(shots.end(), {"dialog-create-store", "dialog-account", "dialog-income", "dialog-bill", "dialog-record",
                               "dialog-settings"});
    check_screenshots(run, shots);
}

TEST_CASE("desktop: right-to-left layout when asked", "[gui][xvfb]") {
    TempDir home;
    const auto db = make_store(home, "israel-household.json");
    const auto run = run_gui(db, "right-to-left", home, {}, {{"STEADYPAY_GUI_RTL", "1"}});
    INFO(run.process.err);
    REQUIRE(run.process.exit_code == 0);
    CHECK(run.values["layout"] == "rtl");
    const auto forecast = cli_json({"forecast", "--db", db.string(), "--days", "90", "--json"}, home);
    CHECK(run.values["safe_to_spend"] == forecast["accounts"][0]["safe_to_spend"]);
    check_screenshots(run, k_views);
}

namespace {

// The English messages of the catalogue template (po/steadypay.pot), without mnemonics.
std::set<std::string> english_messages() {
    std::ifstream in(STEADYPAY_POT);
    REQUIRE(in);
    std::set<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        for (const char* key : {"msgid \"", "msgid_plural \""}) {
            if (line.rfind(key, 0) == 0 && line.size() > std::strlen(key) + 1) {
                auto text = line.substr(std::strlen(key), line.size() - std::strlen(key) - 1);
                std::erase(text, '&');
                text = text.substr(0, text.find("\\t"));
                if (!text.empty()) {
                    out.insert(text);
                }
            }
        }
    }
    return out;
}

} // namespace

TEST_CASE("desktop: the whole program in Hebrew and in Arabic, every word translated and none cut off",
          "[gui][xvfb][i18n]") {
    const TempDir home;
    const auto db = make_store(home);
    const auto forecast = cli_json({"forecast", "--db", db.string(), "--json"}, home);
    const auto& account = forecast["accounts"][0];
    const auto english = english_messages();
    // The words that may stay as they are in any language: the household's own, codes, zones.
    std::set<std::string> known_words{"Steadypay", "USD", "ILS", "EGP", "EUR", "UTC", "RRULE", "RFC", "America",
                                      "Chicago", "New_York", "Mars", "Olympus", "Asia", "Jerusalem", "Europe",
                                      "London", "Africa", "Cairo", "Ctrl", "Shift", "FREQ", "MONTHLY", "BYMONTHDAY",
                                      "WEEKLY", "INTERVAL", "BYDAY", "Gym", "abc"};
    {
        std::ifstream in(std::string(STEADYPAY_EXAMPLES_DIR) + "/paycheck-to-paycheck.json");
        const auto text = std::string(std::istreambuf_iterator<char>(in), {});
        std::string word;
        for (const char c : text + " ") {
            if (std::isalpha(static_cast<unsigned char>(c))) {
                word.push_back(c);
            } else {
                known_words.insert(word);
                word.clear();
            }
        }
        for (const char* w : {"Jordan", "Reyes", "Checking", "Paycheck", "Rent", "Electricity", "Phone"}) {
            known_words.insert(w);
        }
    }
    REQUIRE(english.count("Safe to spend today") == 1);
    struct Run {
        std::string locale;
        std::string dir;
        bool create;        // a new person, through every dialog
        std::string screen; // a small one must show every window whole
    };
    for (const auto& [locale, dir, create, screen] :
         std::vector<Run>{{"he_IL.UTF-8", "hebrew", false, "1280x900x24"},
                          {"ar_EG.UTF-8", "arabic", false, "1280x900x24"},
                          {"en_US.UTF-8", "english", false, "1280x900x24"},
                          {"he_IL.UTF-8", "hebrew-new-store", true, "1280x900x24"},
                          {"ar_EG.UTF-8", "arabic-new-store", true, "800x600x24"}}) {
        CAPTURE(locale, dir, screen);
        const auto store = create ? home / dir / "store.db" : db;
        const auto run =
            run_gui(store, dir, home, create ? std::vector<std::string>{"--smoke-create"} : std::vector<std::string>{},
                    {{"LC_ALL", locale}}, screen);
        INFO(run.process.err);
        REQUIRE(run.process.exit_code == 0);
        CHECK(run.values["layout"] == (dir == "english" ? "ltr" : "rtl"));
        CHECK(run.values["locale"] == locale.substr(0, 5));
        // The numbers shown, read back, are core's.
        const auto shown = create ? cli_json({"forecast", "--db", store.string(), "--json"}, home)["accounts"][0] : account;
        CHECK(run.values["safe_to_spend_amount"] == shown["safe_to_spend"]);
        CHECK(run.values["safe_to_spend_until_next_income_amount"] == shown["safe_to_spend_until_next_income"]);
        // No label is drawn narrower than its text.
        CHECK(run.values["clipped"] == json::array());
        // Every window and dialog fits the screen, 800x600 too.
        CHECK(run.values["larger_than_screen"] == json::array());
        // A bad fee is refused with its message in view; Cancel would ask once something is typed.
        CHECK(run.values["dialog_refuses_bad_fee"] == true);
        CHECK_THAT(run.values["dialog_error_text"].get<std::string>(), Catch::Contains("abc"));
        CHECK(run.values["dialog_edited_at_first"] == false);
        CHECK(run.values["dialog_edited_after"] == true);
        CHECK(run.values["create_refused_bad_zone"] == true);
        const auto labels = run.values["labels"].get<std::vector<std::string>>();
        CHECK(labels.size() > 100);
        if (dir != "english") {
            // Not one English message of the catalogue is on the screen.
            std::vector<std::string> untranslated;
            for (const auto& l : labels) {
                if (english.count(l) > 0 && l != "Steadypay") {
                    untranslated.push_back(l);
                }
            }
            CHECK(untranslated == std::vector<std::string>{});
            // Nor any English word that is not the household's own (names, payees, ids), a code
            // or a path: what is not in the catalogue at all shows up here.
            std::vector<std::string> english_words;
            for (const auto& l : labels) {
                if (l.empty() || l.find('/') != std::string::npos) {
                    continue; // a path, or a time zone's name
                }
                std::string word;
                for (std::size_t i = 0; i <= l.size(); ++i) {
                    const char c = i < l.size() ? l[i] : ' ';
                    if (std::isalpha(static_cast<unsigned char>(c))) {
                        word.push_back(c);
                        continue;
                    }
                    const bool code = std::all_of(word.begin(), word.end(),
                                                  [](char x) { return std::isupper(static_cast<unsigned char>(x)); });
                    if (word.size() >= 3 && !code && known_words.count(word) == 0) {
                        english_words.push_back(word + " (in \"" + l + "\")");
                    }
                    word.clear();
                }
            }
            CHECK(english_words == std::vector<std::string>{});
        }
        auto shots = run.values["screenshots"].get<std::vector<std::string>>();
        check_screenshots(run, shots);
    }
}

TEST_CASE("desktop: a wrong passphrase is reported and changes nothing", "[gui][xvfb]") {
    TempDir home;
    const auto db = make_store(home);
    const auto before = read_bytes(db);
    const auto run = run_gui(db, "wrong-passphrase", home, {}, {{"STEADYPAY_PASSPHRASE", "not the passphrase"}});
    CHECK(run.process.exit_code != 0);
    CHECK(run.process.err.find("That passphrase does not open this store") != std::string::npos);
    CHECK_FALSE(fs::exists(run.out / "values.json"));
    CHECK(read_bytes(db) == before);
    CHECK_FALSE(fs::exists(db.string() + "-journal"));

    // A missing store is not created by a scripted start.
    const auto missing = home / "missing.db";
    const auto run2 = run_gui(missing, "missing-store", home);
    CHECK(run2.process.exit_code != 0);
    CHECK(run2.process.err.find("no store at") != std::string::npos);
    CHECK_FALSE(fs::exists(missing));
}

TEST_CASE("desktop: a payment recorded in a terminal while the window is open survives its edits, and shows",
          "[gui][xvfb]") {
    // Previously the window's next edit wrote back the household as it had last read it, and the
    // payment recorded from the terminal was gone.
    TempDir home;
    const auto db = make_store(home);
    const auto run = run_gui(db, "other-writer", home, {"--smoke-other-writer", STEADYPAY_CLI});
    INFO(run.process.err);
    REQUIRE(run.process.exit_code == 0);
    REQUIRE(run.values.is_object());
    CHECK(run.values["other_writer_edit_saved"] == true);
    CHECK(run.values["other_writer_rent_kept"] == true);
    // A change made elsewhere shows by itself, within seconds (the window looks every two).
    CHECK(run.values["other_writer_seen"] == true);
    CHECK(run.values["other_writer_seen_ms"].get<double>() < 6000);

    // The store has both payments and the window's edit; the audit log has each payment once.
    const auto exported = cli_json({"export-household", "--db", db.string()}, home);
    std::set<std::string> paid;
    for (const auto& p : exported["payments"]) {
        paid.insert(p["item"].get<std::string>() + " " + p["due"].get<std::string>());
    }
    CHECK(paid.count("rent 2026-12-01") == 1);
    CHECK(paid.count("phone 2026-12-08") == 1);
    for (const auto& b : exported["bills"]) {
        if (b["id"] == "internet") {
            CHECK(b["grace_days"] == 9);
        }
    }
    const auto audit = cli_json({"audit", "--db", db.string(), "--json"}, home);
    int rent = 0;
    int phone = 0;
    for (const auto& e : audit) {
        rent += e["item"] == "rent" ? 1 : 0;
        phone += e["item"] == "phone" ? 1 : 0;
        CHECK(e["command"] != "bills edit"); // the window's edit changed no payment
    }
    CHECK(rent == 1);
    CHECK(phone == 1);
    CHECK(cli({"verify", "--db", db.string()}, home).exit_code == 0);
}

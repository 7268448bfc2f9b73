#include "storage/household_file.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace steadypay;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string example(const std::string& name) { return slurp(fs::path(STEADYPAY_EXAMPLES_DIR) / name); }
std::string data(const std::string& name) { return slurp(fs::path(STEADYPAY_TEST_DATA_DIR) / name); }

// The error of parsing `doc`, which must fail.
std::string error_of(const std::string& text) {
    auto h = storage::parse_household(text);
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().code == core::Errc::bad_input);
    return h.error().message();
}

std::string error_of_doc(const json& doc) { return error_of(doc.dump()); }

json spec_example() { return json::parse(data("spec-example.json")); }

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/steadypay-test-XXXXXX";
        REQUIRE(::mkdtemp(tmpl) != nullptr);
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

} // namespace

TEST_CASE("import then export gives back the same document, key order aside", "[household-file]") {
    for (const auto& text : {data("spec-example.json"), data("minimal.json"), example("paycheck-to-paycheck.json"),
                             example("israel-household.json")}) {
        auto h = storage::parse_household(text);
        INFO((h.ok() ? "" : h.error().message()));
        REQUIRE(h.ok());
        const auto written = storage::household_to_json(h.value());
        CHECK(json::parse(written) == json::parse(text));
        // And the written document reads back to the same household.
        auto again = storage::parse_household(written);
        REQUIRE(again.ok());
        CHECK(storage::household_to_json(again.value()) == written);
    }
}

TEST_CASE("the spec's example household reads into the model with its defaults", "[household-file]") {
    auto h = storage::parse_household(data("spec-example.json"));
    REQUIRE(h.ok());
    const auto& hh = h.value();
    CHECK(hh.currency.code() == "ILS");
    CHECK(hh.weekend == std::vector<date::weekday>{date::Friday, date::Saturday});
    REQUIRE(hh.bills.size() == 3);
    const auto& electric = hh.bills[1];
    CHECK(electric.amount.is_range);
    CHECK(electric.amount.min.to_string() == "250.00");
    CHECK(electric.amount.max.to_string() == "520.00");
    CHECK(electric.shutoff_after_days == 45);
    CHECK_FALSE(electric.reported_late_after_days.has_value());
    CHECK(electric.autopay_lead_days == 0);
    CHECK(hh.bills[2].minimum->to_string() == "120.00");
    CHECK(hh.bills[2].reported_late_after_days == 30);
    CHECK(hh.accounts[0].overdraft_fee.to_string() == "0.00");
    REQUIRE(hh.payments.size() == 1);
    CHECK(hh.payments[0].status == core::PaymentStatus::paid);
}

TEST_CASE("a household file is rejected with the JSON path of what is wrong", "[household-file]") {
    struct Row {
        const char* what;
        std::function<void(json&)> mutate;
        const char* message;
    };
    const std::vector<Row> rows = {
        {"unknown top-level key", [](json& j) { j["extra"] = 1; }, "extra: unknown key"},
        {"typo in a bill key", [](json& j) { j["bills"][0]["grace_day"] = 5; },
         "bills[0].grace_day: unknown key (did you mean \"grace_days\"?)"},
        {"unknown key in a schedule", [](json& j) { j["bills"][2]["schedule"]["dtstart"] = "2026-01-01"; },
         "bills[2].schedule.dtstart: unknown key"},
        {"unknown key in a range", [](json& j) { j["bills"][1]["amount"]["avg"] = "300.00"; },
         "bills[1].amount.avg: unknown key"},
        {"an amount as a number", [](json& j) { j["accounts"][0]["balance"] = 1850.5; },
         "accounts[0].balance: amounts are decimal strings"},
        {"an amount as an integer", [](json& j) { j["bills"][0]["amount"] = 4200; },
         "bills[0].amount: amounts are decimal strings"},
        {"a range bound as a number", [](json& j) { j["bills"][1]["amount"]["max"] = 520; },
         "bills[1].amount.max: amounts are decimal strings"},
        {"an amount with three decimals", [](json& j) { j["bills"][0]["late_fee"] = "150.005"; },
         "bills[0].late_fee: \"150.005\" is not an amount: ILS has 2 decimals"},
        {"an amount with a thousands separator", [](json& j) { j["bills"][0]["amount"] = "4,200.00"; },
         "bills[0].amount: \"4,200.00\" is not an amount"},
        {"a date that does not exist", [](json& j) { j["accounts"][0]["as_of"] = "2026-02-30"; },
         "accounts[0].as_of: \"2026-02-30\" is not a date that exists"},
        {"a date in another format", [](json& j) { j["bills"][0]["schedule"]["start"] = "01/01/2026"; },
         "bills[0].schedule.start: \"01/01/2026\" is not a date"},
        {"a bad rule", [](json& j) { j["bills"][2]["schedule"]["rrule"] = "FREQ=MONTHLY;BYMONTHDAY=32"; },
         "bills[2].schedule.rrule: BYMONTHDAY=32 is out of range (1..31 or -31..-1)"},
        {"an end before the start", [](json& j) { j["bills"][0]["schedule"]["end"] = "2025-12-31"; },
         "bills[0].schedule.end: 2025-12-31 is before the start 2026-01-01"},
        {"an unknown account", [](json& j) { j["incomes"][0]["account"] = "savings"; },
         "incomes[0].account: \"savings\" is not an account id"},
        {"an unknown payment item", [](json& j) { j["payments"][0]["item"] = "gas"; },
         "payments[0].item: \"gas\" is not a bill or income id"},
        {"a payment on a day the bill is not due", [](json& j) { j["payments"][0]["due"] = "2026-11-03"; },
         "payments[0].due: \"rent\" is not due on 2026-11-03"},
        {"an unknown time zone", [](json& j) { j["household"]["timezone"] = "Mars/Olympus"; },
         "household.timezone: \"Mars/Olympus\" is not a time zone"},
        {"an unknown currency", [](json& j) { j["household"]["currency"] = "SHK"; },
         "household.currency: \"SHK\" is not an ISO 4217 currency code"},
        {"another format version", [](json& j) { j["format"] = "steadypay-household/2"; },
         "format: \"steadypay-household/2\" is not supported"},
        {"a missing balance", [](json& j) { j["accounts"][0].erase("balance"); },
         "accounts[0]: \"balance\" is missing"},
        {"a missing priority", [](json& j) { j["bills"][0].erase("priority"); }, "bills[0]: \"priority\" is missing"},
        {"an unknown priority", [](json& j) { j["bills"][0]["priority"] = "rent"; },
         "bills[0].priority: \"rent\" is not a priority"},
        {"a boolean as a string", [](json& j) { j["bills"][0]["autopay"] = "yes"; },
         "bills[0].autopay: must be true or false, not a string"},
        {"a fractional day count", [](json& j) { j["bills"][0]["grace_days"] = 5.5; },
         "bills[0].grace_days: must be a whole number, not a number with a fraction"},
        {"a day count as a string", [](json& j) { j["bills"][2]["reported_late_after_days"] = "30"; },
         "bills[2].reported_late_after_days: must be a whole number, not a string"},
        {"a bad weekend day", [](json& j) { j["household"]["weekend"] = {"FR", "SAT"}; },
         "household.weekend[1]: \"SAT\" is not a weekday"},
        {"a bad intraday order", [](json& j) { j["household"]["intraday_order"] = "largest_first"; },
         "household.intraday_order: \"largest_first\" is not an intraday order"},
        {"a bad business-day rule", [](json& j) { j["incomes"][0]["business_day"] = "previous"; },
         "incomes[0].business_day: \"previous\" is not a business-day rule"},
        {"a bad payment status", [](json& j) { j["payments"][0]["status"] = "done"; },
         "payments[0].status: \"done\" is not a payment status"},
        {"payments not a list", [](json& j) { j["payments"] = json::object(); }, "payments: must be a list"},
        {"a bill that is not an object", [](json& j) { j["bills"][1] = "electric"; },
         "bills[1]: must be an object, not a string"},
        {"a duplicate id", [](json& j) { j["bills"][1]["id"] = "rent"; }, "bills[1].id: \"rent\" is already used"},
        {"a bad id", [](json& j) { j["bills"][1]["id"] = "Electric Bill"; },
         "bills[1].id: \"Electric Bill\" is not a valid id"},
        {"a null name", [](json& j) { j["bills"][1]["name"] = nullptr; }, "bills[1].name: must not be null"},
        {"a minimum above the amount", [](json& j) { j["bills"][2]["minimum"] = "301.00"; },
         "bills[2].minimum: 301.00 is more than the amount 300.00"},
        {"an unknown lead time", [](json& j) { j["household"]["warning_lead_days"] = {{"overdrafts", 3}}; },
         "household.warning_lead_days.overdrafts: unknown key (did you mean \"overdraft\"?)"},
        {"a negative lead time", [](json& j) { j["household"]["warning_lead_days"] = {{"bill_at_risk", -1}}; },
         "household.warning_lead_days.bill_at_risk: -1 is out of range (0..365)"},
    };
    for (const auto& r : rows) {
        INFO(r.what);
        auto doc = spec_example();
        r.mutate(doc);
        CHECK_THAT(error_of_doc(doc), Catch::Contains(r.message));
    }
}

TEST_CASE("syntax errors give line and column; duplicate keys give their path", "[household-file]") {
    CHECK_THAT(error_of("{\n  \"format\": \"steadypay-household/1\",\n  \"household\": {\n}}}"),
               Catch::Contains("not valid JSON: line 4"));
    CHECK_THAT(error_of(""), Catch::Contains("not valid JSON"));
    CHECK_THAT(error_of("[]"), Catch::Contains("the document must be an object, not a list"));
    auto text = data("spec-example.json");
    const auto pos = text.find("\"name\": \"Rent\"");
    REQUIRE(pos != std::string::npos);
    text.insert(pos, "\"name\": \"Rent 2\", ");
    CHECK_THAT(error_of(text), Catch::Contains("bills[0].name: the key appears twice in one object"));
    auto top = data("minimal.json");
    top.insert(1, "\"format\": \"steadypay-household/1\",");
    CHECK_THAT(error_of(top), Catch::Contains("format: the key appears twice"));
}

TEST_CASE("keys given with their default value are written back; absent ones stay absent", "[household-file]") {
    auto h = storage::parse_household(data("minimal.json"));
    REQUIRE(h.ok());
    const auto out = json::parse(storage::household_to_json(h.value()));
    CHECK_FALSE(out["household"].contains("timezone"));
    CHECK_FALSE(out["bills"][0].contains("grace_days"));
    CHECK_FALSE(out.contains("payments"));
    CHECK_FALSE(out.contains("incomes"));
    auto spec = storage::parse_household(data("spec-example.json"));
    REQUIRE(spec.ok());
    const auto s = json::parse(storage::household_to_json(spec.value()));
    CHECK(s["bills"][0]["reported_late_after_days"].is_null());
    CHECK(s["bills"][0]["autopay_lead_days"] == 0);
    CHECK_FALSE(s["bills"][1].contains("reported_late_after_days"));
    CHECK(s["accounts"][0]["overdraft_limit"] == "0.00");
    CHECK_FALSE(s["accounts"][0].contains("overdraft_fee"));
}

TEST_CASE("household files are read and written through the file system", "[household-file]") {
    TempDir dir;
    auto h = storage::parse_household(data("spec-example.json"));
    REQUIRE(h.ok());
    const auto path = dir.path / "home.json";
    REQUIRE(storage::save_household_file(h.value(), path).ok());
    auto back = storage::load_household_file(path);
    REQUIRE(back.ok());
    CHECK(storage::household_to_json(back.value()) == storage::household_to_json(h.value()));
    // No temporary file is left beside it.
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 1);

    auto missing = storage::load_household_file(dir.path / "nope.json");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == core::Errc::not_found);
    CHECK_THAT(missing.error().message(), Catch::Contains("nope.json"));

    std::ofstream(dir.path / "bad.json") << "{\"format\": 1}";
    auto bad = storage::load_household_file(dir.path / "bad.json");
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error().message(),
               Catch::StartsWith((dir.path / "bad.json").string() + ": format: must be a string"));
}

TEST_CASE("warning lead times are read, defaulted and written back as given", "[household-file]") {
    auto doc = spec_example();
    doc["household"]["warning_lead_days"] = {{"overdraft", 10}, {"bill_at_risk", 3}};
    auto h = storage::parse_household(doc.dump());
    REQUIRE(h.ok());
    CHECK(h->lead_times.overdraft == 10);
    CHECK(h->lead_times.bill_at_risk == 3);
    CHECK(h->lead_times.below_cushion == 7);
    CHECK(json::parse(storage::household_to_json(h.value())) == doc);
}

TEST_CASE("time zones are checked against the IANA database", "[household-file]") {
    CHECK(storage::is_known_time_zone("Asia/Jerusalem"));
    CHECK(storage::is_known_time_zone("America/Chicago"));
    CHECK(storage::is_known_time_zone("UTC"));
    CHECK_FALSE(storage::is_known_time_zone("Asia/Atlantis"));
    CHECK_FALSE(storage::is_known_time_zone(""));
}

TEST_CASE("whole numbers in a household file never wrap: 10, 20 and 30 digits, negative, empty", "[household-file]") {
    const auto text = data("spec-example.json");
    const std::string field = "\"grace_days\": 5";
    REQUIRE(text.find(field) != std::string::npos);
    struct Case {
        const char* value;
        const char* message;
    };
    // Previously 18446744073709551615 (2^64 - 1) was read as -1.
    const Case cases[] = {
        {"4294967297", "bills[0].grace_days: 4294967297 is out of range"},
        {"18446744073709551615", "bills[0].grace_days: 18446744073709551615 is out of range"},
        {"12345678901234567890", "bills[0].grace_days: 12345678901234567890 is out of range"},
        {"123456789012345678901234567890", "bills[0].grace_days: a number this large is out of range"},
        {"-9223372036854775809", "bills[0].grace_days: a number this large is out of range"},
        {"-1", "bills[0].grace_days: -1 is out of range (0..365)"},
        {"\"\"", "bills[0].grace_days: must be a whole number, not a string"},
        {"5.5", "bills[0].grace_days: must be a whole number, not a number with a fraction"},
    };
    for (const auto& c : cases) {
        INFO(c.value);
        auto doc = text;
        doc.replace(doc.find(field), field.size(), std::string("\"grace_days\": ") + c.value);
        CHECK(error_of(doc) == c.message);
    }
}

// The reports' writers, against nlohmann_json (an independent implementation of the same layout).

#include "app/common/json_writer.hpp"
#include "app/common/report.hpp"
#include "core/forecast.hpp"
#include "storage/household_file.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace steadypay;

TEST_CASE("the JSON writer lays a document out exactly as nlohmann_json's dump(2)", "[report]") {
    // Every kind of value, empty and nested containers, and strings that need escaping: quotes,
    // backslashes, named and unnamed control characters, Hebrew, Arabic and an emoji.
    const std::vector<std::string> strings{"plain", "say \"hi\"", "back\\slash", "line\nbreak\ttab\r\b\f",
                                           std::string("nul\x01 and \x1f unit", 16), "שכר דירה", "فاتورة", "💡"};
    nlohmann::ordered_json expected;
    std::ostringstream out;
    {
        app::JsonWriter w(out);
        w.begin_object();
        w.key("strings");
        w.begin_array();
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& s : strings) {
            w.value(s);
            list.push_back(s);
        }
        w.end_array();
        expected["strings"] = list;
        w.field("negative", std::int64_t{-9223372036854775807LL});
        expected["negative"] = -9223372036854775807LL;
        w.field("yes", true);
        expected["yes"] = true;
        w.key("nothing");
        w.null();
        expected["nothing"] = nullptr;
        w.key("empty list");
        w.begin_array();
        w.end_array();
        expected["empty list"] = nlohmann::ordered_json::array();
        w.key("empty object");
        w.begin_object();
        w.end_object();
        expected["empty object"] = nlohmann::ordered_json::object();
        w.key("nested");
        w.begin_array();
        w.begin_object();
        w.field("a\"key", 1);
        w.key("inner");
        w.begin_array();
        w.value(2);
        w.begin_array();
        w.end_array();
        w.end_array();
        w.end_object();
        w.value(false);
        w.end_array();
        expected["nested"] = nlohmann::ordered_json::array(
            {{{"a\"key", 1}, {"inner", nlohmann::ordered_json::array({2, nlohmann::ordered_json::array()})}}, false});
        w.end_object();
    }
    CHECK(out.str() == expected.dump(2));
    CHECK(nlohmann::ordered_json::parse(out.str()) == expected);
}

TEST_CASE("the forecast as JSON is written as it is made, in nlohmann_json's layout", "[report]") {
    auto h = storage::load_household_file(std::filesystem::path(STEADYPAY_EXAMPLES_DIR) / "paycheck-to-paycheck.json");
    REQUIRE(h);
    const core::Date from{date::year{2026} / 11 / 22};
    auto f = core::forecast(h.value(), core::ForecastOptions{from, 3653});
    REQUIRE(f);
    std::ostringstream out;
    app::write_forecast_json(out, h.value(), f.value());
    const auto doc = nlohmann::ordered_json::parse(out.str());
    CHECK(out.str() == doc.dump(2) + "\n");
    REQUIRE(doc["accounts"].size() == f->accounts.size());
    CHECK(doc["accounts"][0]["days"].size() == 3653);
    CHECK(doc["accounts"][0]["days"][3652]["close"] == f->accounts[0].days.back().close.to_string());
    CHECK(doc["events"].size() == f->events.size());
    CHECK(doc["shortfalls"].size() == f->shortfalls.size());
    CHECK(doc["to"] == "2036-11-21"); // ten years with three leap days are 3,653 days
}

#include "core/recording.hpp"

#include "builders.hpp"

#include <catch2/catch.hpp>

using namespace steadypay::core;
using namespace steadypay::test;

TEST_CASE("recording a payment replaces an earlier record of the same occurrence", "[recording]") {
    auto h = household("100.00", "2026-11-22");
    add_bill(h, "rent", "700.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", Priority::housing);
    auto p = record_payment(h, "rent", day("2026-12-01"), PaymentStatus::skipped);
    REQUIRE(p.ok());
    REQUIRE(h.payments.size() == 1);
    auto paid = record_payment(h, "rent", day("2026-12-01"), PaymentStatus::paid, day("2026-11-30"));
    REQUIRE(paid.ok());
    REQUIRE(h.payments.size() == 1);
    CHECK(h.payments[0].status == PaymentStatus::paid);
    CHECK(h.payments[0].amount->to_string() == "700.00"); // the fixed amount by default
    CHECK(validate(h).ok());
    REQUIRE(clear_payment(h, "rent", day("2026-12-01")).ok());
    CHECK(h.payments.empty());
    CHECK_THAT(clear_payment(h, "rent", day("2026-12-01")).error().message(), Catch::Contains("nothing is recorded"));
}

TEST_CASE("recording names the field that is wrong", "[recording]") {
    auto h = household("100.00", "2026-11-22");
    auto& electric = add_bill(h, "electric", "0.00", "FREQ=MONTHLY;BYMONTHDAY=18", "2026-01-18", Priority::utilities);
    electric.name = "Electricity";
    electric.amount = Amount::range(money("90.00"), money("150.00"));
    CHECK_THAT(record_payment(h, "gas", day("2026-12-18"), PaymentStatus::skipped).error().message(),
               Catch::StartsWith("item: no bill or income has the id \"gas\""));
    CHECK_THAT(record_payment(h, "electric", day("2026-12-19"), PaymentStatus::skipped).error().message(),
               Catch::Contains("due: \"electric\" is not due on 2026-12-19 (due dates near it: 2026-11-18, "
                               "2026-12-18, 2027-01-18)"));
    CHECK_THAT(
        record_payment(h, "electric", day("2026-12-18"), PaymentStatus::paid, day("2026-12-18")).error().message(),
        Catch::StartsWith("amount: Electricity varies (90.00..150.00)"));
    CHECK_THAT(record_payment(h, "electric", day("2026-12-18"), PaymentStatus::paid).error().message(),
               Catch::StartsWith("date: a paid payment needs its date"));
    CHECK(h.payments.empty()); // nothing half-recorded
    auto ok = record_payment(h, "electric", day("2026-12-18"), PaymentStatus::paid, day("2026-12-18"), money("131.20"));
    REQUIRE(ok.ok());
    CHECK(ok->amount->to_string() == "131.20");
}

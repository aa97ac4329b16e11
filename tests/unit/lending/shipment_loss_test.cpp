// The shipment and loss-report forms' checks, shared by the server and the desk's screens.
#include <catch2/catch.hpp>

#include "lending/loss.hpp"
#include "lending/shipment.hpp"

using namespace madoguchi::lending;
using madoguchi::calendar::Date;
using madoguchi::validation::FieldProblem;

TEST_CASE("tracking numbers are checked loosely", "[lending][shipping]") {
    CHECK(plausible_tracking_number("4321-5678-9012"));
    CHECK(plausible_tracking_number("EJ123456789JP"));
    CHECK(plausible_tracking_number("1234 5678"));
    CHECK_FALSE(plausible_tracking_number("12345"));          // too short
    CHECK_FALSE(plausible_tracking_number("ABCDEFGH12"));     // two digits only
    CHECK_FALSE(plausible_tracking_number("1234567890123456789012345678901"));
    CHECK_FALSE(plausible_tracking_number("１２３４５６７８"));  // full-width digits
    CHECK_FALSE(plausible_tracking_number("1234/5678"));
}

TEST_CASE("a shipment names its direction, distinct tags, carrier, tracking number and a sent date not ahead",
          "[lending][shipping]") {
    const Date today{2026, 12, 1};
    ShipmentDraft draft{"outbound", {"MPR-000001"}, "ヤマト運輸", "4321-5678-9012", "2026-12-01"};
    CHECK(validate(draft, today).empty());
    draft = {"sideways", {"MPR-000001", "MPR-000001"}, "", "伝票", "2026-12-02"};
    const std::vector<FieldProblem> expected{{"direction", "field.unknown_direction"},
                                             {"tags[1]", "field.repeated_tag"},
                                             {"carrier", "field.required"},
                                             {"tracking_number", "field.implausible_tracking_number"},
                                             {"sent_date", "field.date_in_future"}};
    CHECK(validate(draft, today) == expected);
    CHECK(validate(ShipmentDraft{"return", {}, "日本郵便", "EJ123456789JP", "x"}, today) ==
          std::vector<FieldProblem>{{"tags", "field.required"}, {"sent_date", "field.invalid_date"}});
}

TEST_CASE("a receipt is dated between the sending and today", "[lending][shipping]") {
    const Date sent{2026, 11, 28};
    const Date today{2026, 12, 1};
    CHECK(validate_receipt("2026-11-30", sent, today).empty());
    CHECK(validate_receipt("2026-11-27", sent, today) == std::vector<FieldProblem>{{"received_date", "field.before_sent"}});
    CHECK(validate_receipt("2026-12-02", sent, today) == std::vector<FieldProblem>{{"received_date", "field.date_in_future"}});
    CHECK(validate_receipt("", sent, today) == std::vector<FieldProblem>{{"received_date", "field.required"}});
}

TEST_CASE("a loss report needs its kind, a past time with an offset, the place and what happened", "[lending][loss]") {
    const auto now = madoguchi::calendar::parse_iso8601("2026-12-01T12:00:00+09:00").instant.value();
    LossDraft draft{"GSS-000001", "stolen", "2026-12-01T08:30:00+09:00", "新橋駅", "鞄ごと盗まれた。"};
    CHECK(validate(draft, now).empty());
    draft = {"", "misplaced", "2026-12-01T13:00:00+09:00", "", ""};
    const std::vector<FieldProblem> expected{{"tag", "field.required"},
                                             {"kind", "field.unknown_loss_kind"},
                                             {"occurred_at", "field.datetime_in_future"},
                                             {"place", "field.required"},
                                             {"circumstances", "field.required"}};
    CHECK(validate(draft, now) == expected);
    draft.occurred_at = "2026-12-01 08:30";
    CHECK(validate(draft, now)[2] == FieldProblem{"occurred_at", "field.invalid_datetime"});
}

TEST_CASE("a lost device becomes lost and a stolen one stolen, and only GSS terminals ask for a remote wipe", "[lending][loss]") {
    CHECK(device_state_of(LossKind::lost) == madoguchi::inventory::AssetState::lost);
    CHECK(device_state_of(LossKind::stolen) == madoguchi::inventory::AssetState::stolen);
    CHECK(parse_loss_kind("stolen") == LossKind::stolen);
    CHECK_FALSE(parse_loss_kind("misplaced"));
    CHECK(remote_wipe_requested("gss_terminal"));
    CHECK_FALSE(remote_wipe_requested("tablet"));
}

// Licences, seat usage and the over-allocation rule: beyond the seats only on purpose, with a
// reason, and an item over its seats is flagged.
#include <catch2/catch.hpp>

#include "configuration/licence.hpp"

using namespace madoguchi::configuration;
using madoguchi::calendar::Date;
using madoguchi::validation::FieldProblem;

TEST_CASE("a licence has at least one seat and a term that does not end before it starts", "[configuration][licence]") {
    CHECK(validate(Licence{500, Date{2026, 4, 1}, Date{2027, 3, 31}, "Business+"}).empty());
    CHECK(validate(Licence{1, std::nullopt, std::nullopt, ""}).empty());
    CHECK(validate(Licence{0, std::nullopt, std::nullopt, ""}) == std::vector<FieldProblem>{{"seats", "field.seats_at_least_1"}});
    CHECK(validate(Licence{-3, std::nullopt, std::nullopt, ""}) == std::vector<FieldProblem>{{"seats", "field.seats_at_least_1"}});
    CHECK(validate(Licence{2'000'000, std::nullopt, std::nullopt, ""}) == std::vector<FieldProblem>{{"seats", "field.too_large"}});
    CHECK(validate(Licence{15, Date{2027, 3, 31}, Date{2026, 4, 1}, std::string(501, 'x')}) ==
          std::vector<FieldProblem>{{"term_end", "field.inverted_range"}, {"notes", "field.too_long_500"}});
}

TEST_CASE("a seat goes to a user or a device, exactly one", "[configuration][licence]") {
    CHECK(validate_assignee("tanaka", 0).empty());
    CHECK(validate_assignee("", 42).empty());
    CHECK(validate_assignee("", 0) == std::vector<FieldProblem>{{"user_login", "field.assignee_required"}});
    CHECK(validate_assignee("tanaka", 42) == std::vector<FieldProblem>{{"user_login", "field.assignee_required"}});
}

TEST_CASE("seat usage counts free seats and flags an item over its seats", "[configuration][licence]") {
    const SeatUsage slack{500, 480};
    CHECK(slack.free_seats() == 20);
    CHECK_FALSE(slack.over_allocated());
    CHECK(slack.fraction() == Approx(0.96));
    const SeatUsage talker{15, 16};
    CHECK(talker.over_allocated());
    CHECK(talker.free_seats() == 0);
    CHECK(talker.fraction() > 1.0);
    CHECK_FALSE(SeatUsage{15, 15}.over_allocated());
    const auto json = to_json(talker);
    CHECK(json["over_allocated"] == true);
    CHECK(json["free"] == 0);
    const auto back = usage_from_json(json);
    REQUIRE(back);
    CHECK(back->assigned == 16);
}

TEST_CASE("an assignment beyond the seats is refused unless allowed with a reason", "[configuration][licence]") {
    CHECK(check_assignment({15, 14}, false, "") == AssignmentRefusal::none);
    CHECK(check_assignment({15, 15}, false, "") == AssignmentRefusal::no_seat_free);
    CHECK(check_assignment({15, 15}, true, "　") == AssignmentRefusal::reason_required);
    CHECK(check_assignment({15, 15}, true, "契約追加の手続中（12月納品）") == AssignmentRefusal::none);
    CHECK(check_assignment({15, 20}, true, "契約追加の手続中") == AssignmentRefusal::none);
    CHECK(refusal_key(AssignmentRefusal::no_seat_free) == "field.no_seat_free");
    CHECK(refusal_key(AssignmentRefusal::reason_required) == "field.reason_required");
    CHECK(refusal_key(AssignmentRefusal::none).empty());
}

TEST_CASE("licences and assignments survive their wire form", "[configuration][licence]") {
    const Licence licence{15, Date{2026, 4, 1}, std::nullopt, "GSS端末用"};
    const auto json = to_json(licence);
    CHECK(json["term_start"] == "2026-04-01");
    CHECK(json["term_end"].is_null());
    CHECK(licence_from_json(json) == licence);

    const LicenceAssignment device{3, "", 1201, "2026-11-26T01:00:00Z", "desk1", ""};
    const auto device_json = to_json(device);
    CHECK(device_json["user_login"].is_null());
    CHECK(device_json["device_id"] == 1201);
    const auto back = assignment_from_json(device_json);
    REQUIRE(back);
    CHECK(back->device_id == 1201);
    CHECK(back->user_login.empty());
    CHECK_FALSE(assignment_from_json({{"id", 0}}));
}

#include <catch2/catch.hpp>

#include "tickets/ticket_draft.hpp"

using namespace madoguchi::tickets;

namespace {

TicketDraft complete() { return {"incident", "複合機が印刷できない", "3階の複合機で紙詰まり", "device", {}, {}, {}}; }

std::vector<std::string> fields_of(const TicketDraft& draft) {
    std::vector<std::string> fields;
    for (const auto& problem : validate(draft)) fields.push_back(problem.field + "=" + problem.reason_key);
    return fields;
}

}  // namespace

TEST_CASE("a complete draft has no problems and takes the default priority of one person's matter", "[tickets]") {
    CHECK(validate(complete()).empty());
    const auto basics = basics_of(complete());
    REQUIRE(basics);
    CHECK(basics->kind == TicketKind::incident);
    CHECK(basics->priority == Priority::p4);
    CHECK(basics->impact == Impact::individual);
    CHECK(basics->urgency == Urgency::medium);
}

TEST_CASE("the priority follows impact and urgency, or is given", "[tickets]") {
    auto draft = complete();
    draft.impact = "widespread";
    draft.urgency = "high";
    CHECK(basics_of(draft)->priority == Priority::p1);
    auto given = complete();
    given.priority = "p2";
    CHECK(basics_of(given)->priority == Priority::p2);
    CHECK_FALSE(basics_of(given)->impact);
}

TEST_CASE("each bad field is named with its reason", "[tickets]") {
    TicketDraft draft{"ticket", "", std::string(10001, 'a'), "printer", "p9", {}, {}};
    CHECK(fields_of(draft) == std::vector<std::string>{"kind=field.unknown_kind", "title=field.required",
                                                       "body=field.too_long_10000", "category=field.unknown_category",
                                                       "priority=field.unknown_priority"});
    auto mixed = complete();
    mixed.priority = "p1";
    mixed.impact = "division";
    CHECK(fields_of(mixed) == std::vector<std::string>{"priority=field.priority_or_impact"});
    auto half = complete();
    half.impact = "division";
    CHECK(fields_of(half) == std::vector<std::string>{"urgency=field.impact_with_urgency"});
    auto unknown = complete();
    unknown.impact = "galaxy";
    unknown.urgency = "now";
    CHECK(fields_of(unknown) == std::vector<std::string>{"impact=field.unknown_impact", "urgency=field.unknown_urgency"});
    CHECK_FALSE(basics_of(unknown));
}

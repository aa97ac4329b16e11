// Escalation timing, worked out by hand on the desk's calendar (08:30–18:15): 2026-11-21/22
// is a weekend and 2026-11-23 (Mon) 勤労感謝の日.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "i18n/catalog.hpp"
#include "tickets/escalation.hpp"
#include "sla_test_support.hpp"

using namespace madoguchi::tickets;
using madoguchi::tickets::testing::at;
using enum TicketState;

namespace {

std::vector<std::string> due_ids(TicketKind kind, Priority priority, const char* created,
                                 const std::vector<StateChange>& changes, const char* now,
                                 const std::vector<std::string_view>& fired = {}) {
    const auto now_instant = at(now);
    const auto clock = compute_sla_clock({kind, at(created), changes, std::nullopt},
                                         {sla_targets(kind, priority), desk_hours()}, now_instant);
    std::vector<std::string> ids;
    for (const auto* rule : due_escalations(escalation_rules(), {kind, priority, clock, fired, now_instant})) {
        ids.emplace_back(rule->id);
    }
    return ids;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("no first response: the IT office hears after 20 business minutes", "[tickets][escalation]") {
    // Incident P2 created Fri 18:00: 15 minutes that day, the 20th minute is Tue 08:35.
    const char* created = "2026-11-20T18:00:00+09:00";
    CHECK(due_ids(TicketKind::incident, Priority::p2, created, {}, "2026-11-20T18:15:00+09:00").empty());
    CHECK(due_ids(TicketKind::incident, Priority::p2, created, {}, "2026-11-21T10:00:00+09:00").empty());
    CHECK(due_ids(TicketKind::incident, Priority::p2, created, {}, "2026-11-23T10:00:00+09:00").empty());
    CHECK(due_ids(TicketKind::incident, Priority::p2, created, {}, "2026-11-24T08:34:00+09:00").empty());
    CHECK(due_ids(TicketKind::incident, Priority::p2, created, {}, "2026-11-24T08:35:00+09:00") ==
          Ids{"incident.response.it_office"});
}

TEST_CASE("a fired escalation never fires twice", "[tickets][escalation]") {
    CHECK(due_ids(TicketKind::incident, Priority::p2, "2026-11-20T18:00:00+09:00", {}, "2026-11-24T08:40:00+09:00",
                  {"incident.response.it_office"})
              .empty());
}

TEST_CASE("rules apply to their kind and priorities only", "[tickets][escalation]") {
    // P3 has no response escalation; its resolution rule (120) is not reached by Tue 08:35.
    CHECK(due_ids(TicketKind::incident, Priority::p3, "2026-11-20T18:00:00+09:00", {}, "2026-11-24T08:35:00+09:00")
              .empty());
    // Inquiries go up after 45 minutes, not 20.
    CHECK(due_ids(TicketKind::inquiry, Priority::p1, "2026-11-24T09:00:00+09:00", {}, "2026-11-24T09:20:00+09:00")
              .empty());
    CHECK(due_ids(TicketKind::inquiry, Priority::p1, "2026-11-24T09:00:00+09:00", {}, "2026-11-24T09:45:00+09:00") ==
          Ids{"inquiry.response.it_office"});
}

TEST_CASE("a threshold reached at Friday's closing fires on the next business day", "[tickets][escalation]") {
    // Incident P1 created Fri 15:15, taken up 15:16. The vendor rule (120) is reached at 17:15;
    // the IT office rule (180) exactly at closing, 18:15. Saturday, Sunday and the Monday
    // holiday fire nothing; Tuesday's first check fires what is left.
    const char* created = "2026-11-20T15:15:00+09:00";
    const std::vector<StateChange> changes{{at("2026-11-20T15:16:00+09:00"), in_progress}};
    CHECK(due_ids(TicketKind::incident, Priority::p1, created, changes, "2026-11-20T17:14:00+09:00").empty());
    CHECK(due_ids(TicketKind::incident, Priority::p1, created, changes, "2026-11-20T17:15:00+09:00") ==
          Ids{"incident.resolution.vendor"});
    const std::vector<std::string_view> vendor_fired{"incident.resolution.vendor"};
    CHECK(due_ids(TicketKind::incident, Priority::p1, created, changes, "2026-11-21T09:00:00+09:00", vendor_fired)
              .empty());
    CHECK(due_ids(TicketKind::incident, Priority::p1, created, changes, "2026-11-23T09:00:00+09:00", vendor_fired)
              .empty());
    CHECK(due_ids(TicketKind::incident, Priority::p1, created, changes, "2026-11-24T08:30:00+09:00", vendor_fired) ==
          Ids{"incident.resolution.it_office"});
    CHECK(due_ids(TicketKind::incident, Priority::p1, created, changes, "2026-11-24T08:30:00+09:00") ==
          Ids{"incident.resolution.vendor", "incident.resolution.it_office"});
}

TEST_CASE("a completed clock escalates nothing", "[tickets][escalation]") {
    // Security incident P4: not taken up in 10 minutes → IT office; escalated at 09:05 it is.
    CHECK(due_ids(TicketKind::security_incident, Priority::p4, "2026-11-24T09:00:00+09:00", {},
                  "2026-11-24T09:10:00+09:00") == Ids{"security.response.it_office"});
    CHECK(due_ids(TicketKind::security_incident, Priority::p4, "2026-11-24T09:00:00+09:00",
                  {{at("2026-11-24T09:05:00+09:00"), escalated}}, "2026-11-24T09:10:00+09:00")
              .empty());
    // A resolved incident stops its resolution rules.
    CHECK(due_ids(TicketKind::incident, Priority::p1, "2026-11-24T09:00:00+09:00",
                  {{at("2026-11-24T09:05:00+09:00"), in_progress}, {at("2026-11-24T10:00:00+09:00"), resolved}},
                  "2026-11-24T15:00:00+09:00")
              .empty());
}

TEST_CASE("escalation targets have names and labels", "[tickets][escalation]") {
    CHECK(target_name(EscalationTarget::vendor) == "vendor");
    CHECK(target_name(EscalationTarget::it_office) == "it_office");
    CHECK(madoguchi::i18n::text(target_label_key(EscalationTarget::it_office), madoguchi::i18n::Language::ja) ==
          "情報システム室へエスカレーション");
}

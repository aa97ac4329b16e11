// Removing a ticket's link over real HTTP and SQLite: from either end of a ticket link, in the
// timeline and the audit trail, 404 for a link the ticket has not, the desk's only.
#include <catch2/catch.hpp>

#include "configuration_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

std::string path_of(const json& ticket, const std::string& rest = "") {
    return "/api/v1/tickets/" + std::to_string(ticket["id"].get<std::int64_t>()) + rest;
}

json opened(const RunningApp& server, SignedIn& user, const std::string& kind, const std::string& title) {
    const auto response = audited(server, [&] {
        return post_json(user, "/api/v1/tickets",
                         {{"kind", kind}, {"title", title}, {"body", "3階の複合機で紙詰まり"}, {"category", "device"}});
    });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["ticket"];
}

std::int64_t linked(const RunningApp& server, SignedIn& desk, const json& ticket, const json& target) {
    const auto response = audited(server, [&] { return post_json(desk, path_of(ticket, "/links"), target); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["link_id"].get<std::int64_t>();
}

httplib::Result unlink(SignedIn& user, const json& ticket, std::int64_t link_id) {
    return user.client->Delete(path_of(ticket, "/links/" + std::to_string(link_id)).c_str());
}

std::int64_t audited_as(const RunningApp& server, const std::string& action, const json& ticket) {
    return count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE object_type = 'ticket' AND action = '" +
                                                  action + "' AND object_id = '" +
                                                  std::to_string(ticket["id"].get<std::int64_t>()) + "'");
}

}  // namespace

TEST_CASE("a link is removed from either end, shown in the timeline and audited", "[tickets][api][links]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto ito = signed_in_user(server, {"ito1", {Role::it_office}});
    const auto device = post_json(desk, "/api/v1/devices", json{{"asset_tag", "MFP-000001"}, {"class", "mfp"}});
    REQUIRE(device->status == 201);
    const auto incident = opened(server, desk, "incident", "複合機が印刷できない");
    const auto problem = opened(server, desk, "problem", "紙詰まりの再発");
    const auto to_problem = linked(server, desk, incident, {{"ticket_id", problem["id"]}});
    const auto to_device = linked(server, desk, incident, {{"device_id", json_of(device)["device"]["id"]}});

    // The problem's end of the link between the two tickets.
    const auto removed = audited(server, [&] { return unlink(ito, problem, to_problem); });
    REQUIRE(removed);
    INFO(removed->body);
    REQUIRE(removed->status == 200);
    const auto answer = json_of(removed);
    CHECK(answer["links"].empty());
    CHECK(answer["removed_link"]["ticket"]["number"] == incident["number"]);
    CHECK(answer["timeline"].back()["type"] == "unlinked");
    CHECK(answer["timeline"].back()["actor"] == "ito1");
    CHECK(answer["timeline"].back()["comment"] == "ticket " + std::to_string(incident["id"].get<std::int64_t>()));

    const auto incident_links = get_ok(desk, path_of(incident))["links"];
    REQUIRE(incident_links.size() == 1);
    CHECK(incident_links[0]["device"]["asset_tag"] == "MFP-000001");
    CHECK(audited_as(server, "ticket.unlinked", problem) == 1);

    // Gone already, another ticket's link, no such link: 404, each refusal on the trail.
    const auto again = unlink(desk, problem, to_problem);
    REQUIRE(again);
    CHECK(again->status == 404);
    CHECK(json_of(again)["error"]["code"] == "not_found");
    CHECK(unlink(desk, problem, to_device)->status == 404);
    CHECK(unlink(desk, incident, 999)->status == 404);
    CHECK(desk.client->Delete(path_of(incident, "/links/first").c_str())->status == 400);
    CHECK(audited_as(server, "ticket.refused", problem) == 2);
    CHECK(get_ok(desk, path_of(incident))["links"].size() == 1);

    // A removed link can be made again.
    linked(server, desk, problem, {{"ticket_id", incident["id"]}});
}

TEST_CASE("only the desk and the IT office remove links, others' attempts change nothing", "[tickets][api][links][authorisation]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    auto auditor = signed_in_user(server, {"audit1", {Role::auditor}});
    const auto incident = opened(server, staff, "incident", "複合機が印刷できない");
    const auto other = opened(server, desk, "incident", "別の障害");
    const auto link = linked(server, desk, incident, {{"ticket_id", other["id"]}});
    for (auto* user : {&staff, &auditor}) {
        const auto refused = unlink(*user, incident, link);
        REQUIRE(refused);
        CHECK(refused->status == 403);
    }
    CHECK(get_ok(desk, path_of(incident))["links"].size() == 1);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'access.denied'") == 2);
}

// "Bad input … all audited" (issue 6): a move the workflow refuses (409), an approval by a role
// that may not give it (403) and an internal note from outside the desk (403) each leave an
// audit record saying who, on which ticket, and the answer given; the ticket is unchanged.
#include <catch2/catch.hpp>

#include "configuration_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

std::string path_of(const json& ticket, const std::string& rest = "") {
    return "/api/v1/tickets/" + std::to_string(ticket["id"].get<std::int64_t>()) + rest;
}

json opened(const RunningApp& server, SignedIn& user, const std::string& kind) {
    const auto response = audited(server, [&] {
        return post_json(user, "/api/v1/tickets",
                         {{"kind", kind}, {"title", "プリンタドライバ更新"}, {"body", "全庁のドライバを更新する"}, {"category", "software"}});
    });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["ticket"];
}

// The newest ticket.refused record: its actor and what it says.
json last_refusal(const RunningApp& server) {
    auto database = madoguchi::server::store::Database::open(server.database_path());
    REQUIRE(database);
    auto select = database.value().prepare(
        "SELECT actor, object_id, after_json FROM audit_log WHERE action = 'ticket.refused' ORDER BY id DESC LIMIT 1");
    REQUIRE(select);
    REQUIRE(select.value().step().value());
    const auto& row = select.value();
    return {{"actor", row.column_text(0)}, {"object_id", row.column_text(1)}, {"after", json::parse(row.column_text(2))}};
}

}  // namespace

TEST_CASE("refused moves, approvals and internal notes are audited with the answer given", "[tickets][api][audit]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    const auto change = opened(server, desk, "change");
    const auto ticket_id = std::to_string(change["id"].get<std::int64_t>());

    const auto skip = post_json(desk, path_of(change, "/transitions"), {{"to", "implemented"}, {"version", 1}});
    REQUIRE(skip);
    CHECK(skip->status == 409);
    auto refusal = last_refusal(server);
    CHECK(refusal["actor"] == "desk1");
    CHECK(refusal["object_id"] == ticket_id);
    CHECK(refusal["after"]["status"] == 409);
    CHECK(refusal["after"]["error"]["code"] == "transition_refused");
    CHECK(refusal["after"]["path"] == path_of(change, "/transitions"));

    REQUIRE(post_json(desk, path_of(change, "/transitions"), {{"to", "submitted"}, {"version", 1}})->status == 200);
    const auto self_approval = post_json(desk, path_of(change, "/transitions"), {{"to", "approved"}, {"version", 2}});
    REQUIRE(self_approval);
    CHECK(self_approval->status == 403);
    refusal = last_refusal(server);
    CHECK(refusal["after"]["status"] == 403);
    CHECK(refusal["after"]["error"]["code"] == "approval_refused");
    CHECK(get_ok(desk, path_of(change))["ticket"]["state"] == "submitted");

    const auto inquiry = opened(server, staff, "inquiry");
    const auto internal = post_json(staff, path_of(inquiry, "/notes"), {{"text", "内部メモ"}, {"visibility", "internal"}});
    REQUIRE(internal);
    CHECK(internal->status == 403);
    CHECK(error_fields(internal) == std::vector<std::string>{"visibility"});
    refusal = last_refusal(server);
    CHECK(refusal["actor"] == "staff1");
    CHECK(refusal["object_id"] == std::to_string(inquiry["id"].get<std::int64_t>()));
    CHECK(refusal["after"]["status"] == 403);
    CHECK(get_ok(staff, path_of(inquiry))["timeline"].size() == 1);
}

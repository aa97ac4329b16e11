// Licences over real HTTP and SQLite: seats, assignments to users and devices, the
// over-allocation rule and its flag.
#include <catch2/catch.hpp>

#include "configuration_test_support.hpp"
#include "inquiry_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

json assigned(const RunningApp& server, SignedIn& desk, const json& item, const json& body) {
    const auto response = audited(server, [&] { return post_json(desk, item_path(item, "/licence/assignments"), body); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response);
}

}  // namespace

TEST_CASE("only software carries a licence, with at least one seat", "[configuration][licence]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto slack = create_item(server, desk, "service", "Slack");
    const auto service_licence = put_json(desk, item_path(slack, "/licence"), {{"seats", 500}});
    CHECK(service_licence->status == 422);
    CHECK(error_fields(service_licence) == std::vector<std::string>{"kind"});

    const auto plus = create_item(server, desk, "software", "Slack Business+");
    CHECK(get_ok(desk, item_path(plus, "/licence"))["licence"].is_null());
    const auto no_seats = put_json(desk, item_path(plus, "/licence"), {{"seats", 0}});
    CHECK(no_seats->status == 422);
    CHECK(error_fields(no_seats) == std::vector<std::string>{"seats"});
    const auto inverted = put_json(desk, item_path(plus, "/licence"),
                                   {{"seats", 5}, {"term_start", "2027-03-31"}, {"term_end", "2026-04-01"}});
    CHECK(error_fields(inverted) == std::vector<std::string>{"term_end"});

    const auto put = audited(server, [&] {
        return put_json(desk, item_path(plus, "/licence"), {{"seats", 500}, {"term_start", "2026-04-01"}, {"notes", "年間契約"}});
    });
    REQUIRE(put->status == 200);
    CHECK(json_of(put)["licence"]["seats"] == 500);
    CHECK(json_of(put)["usage"]["free"] == 500);
    // A licensed item cannot turn into a service under its licence.
    const auto kind_change = patch_json(desk, item_path(plus), {{"kind", "service"}, {"version", 1}});
    CHECK(kind_change->status == 422);
    CHECK(error_fields(kind_change) == std::vector<std::string>{"kind"});
}

TEST_CASE("seats go to users and devices until none is free, beyond that only with a reason", "[configuration][licence]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_user(server, {"tanaka", {Role::staff}});
    add_user(server, {"sato", {Role::staff}});
    add_user(server, {"ito", {Role::staff}});
    const auto terminal = audited(server, [&] {
        return post_json(desk, "/api/v1/devices", {{"asset_tag", "GSS-000001"}, {"class", "gss_terminal"}});
    });
    REQUIRE(terminal->status == 201);
    const auto device_id = json_of(terminal)["device"]["id"].get<std::int64_t>();

    const auto talker = create_item(server, desk, "software", "PC-Talker Neo Plus");
    REQUIRE(put_json(desk, item_path(talker, "/licence"), {{"seats", 2}})->status == 200);
    const auto first = assigned(server, desk, talker, {{"device_id", device_id}});
    CHECK(first["assignment"]["device_id"] == device_id);
    CHECK(first["assignment"]["assigned_by"] == "desk1");
    CHECK(first["usage"]["free"] == 1);
    assigned(server, desk, talker, {{"user_login", "tanaka"}});

    const auto again = post_json(desk, item_path(talker, "/licence/assignments"), {{"user_login", "tanaka"}});
    CHECK(again->status == 409);
    CHECK(error_fields(again) == std::vector<std::string>{"user_login"});
    CHECK(post_json(desk, item_path(talker, "/licence/assignments"), {{"user_login", "nobody"}})->status == 422);
    CHECK(post_json(desk, item_path(talker, "/licence/assignments"), {{"user_login", "sato"}, {"device_id", device_id}})
              ->status == 422);

    // Every seat taken: refused, with the usage, until asked for on purpose with a reason.
    const auto full = post_json(desk, item_path(talker, "/licence/assignments"), {{"user_login", "sato"}});
    CHECK(full->status == 409);
    CHECK(json_of(full)["error"]["code"] == "over_allocated");
    CHECK(json_of(full)["usage"]["assigned"] == 2);
    const auto no_reason =
        post_json(desk, item_path(talker, "/licence/assignments"), {{"user_login", "sato"}, {"allow_over", true}});
    CHECK(no_reason->status == 409);
    CHECK(error_fields(no_reason) == std::vector<std::string>{"reason"});
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM licence_assignments") == 2);

    const auto over = assigned(server, desk, talker,
                               {{"user_login", "sato"}, {"allow_over", true}, {"reason", "追加契約の手続中（12月納品）"}});
    CHECK(over["assignment"]["over_reason"] == "追加契約の手続中（12月納品）");
    CHECK(over["usage"]["over_allocated"] == true);

    // The flag shows wherever the item does.
    CHECK(get_ok(desk, "/api/v1/configuration-items?kind=software")["items"][0]["usage"]["over_allocated"] == true);
    CHECK(get_ok(desk, item_path(talker))["item"]["usage"]["assigned"] == 3);
    const auto licence = get_ok(desk, item_path(talker, "/licence"));
    CHECK(licence["usage"]["over_allocated"] == true);
    REQUIRE(licence["assignments"].size() == 3);

    // Freeing a seat brings it back within its seats.
    const auto sato_seat = licence["assignments"][2]["id"].get<std::int64_t>();
    const auto freed = audited(server, [&] {
        return desk.client->Delete((item_path(talker, "/licence/assignments/") + std::to_string(sato_seat)).c_str());
    });
    REQUIRE(freed->status == 200);
    CHECK(json_of(freed)["usage"]["over_allocated"] == false);
    CHECK(desk.client->Delete((item_path(talker, "/licence/assignments/") + std::to_string(sato_seat)).c_str())->status == 404);
    CHECK(count_rows(server.database_path(),
                     "SELECT count(*) FROM audit_log WHERE action IN ('licence.assigned', 'licence.unassigned')") == 4);
}

TEST_CASE("lowering the seats below those in use is allowed and flagged", "[configuration][licence]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_user(server, {"tanaka", {Role::staff}});
    add_user(server, {"sato", {Role::staff}});
    const auto bot = create_item(server, desk, "software", "チャットボット ライセンス");
    REQUIRE(put_json(desk, item_path(bot, "/licence"), {{"seats", 2}})->status == 200);
    assigned(server, desk, bot, {{"user_login", "tanaka"}});
    assigned(server, desk, bot, {{"user_login", "sato"}});
    const auto lowered = put_json(desk, item_path(bot, "/licence"), {{"seats", 1}});
    REQUIRE(lowered->status == 200);
    CHECK(json_of(lowered)["usage"]["over_allocated"] == true);
    CHECK(get_ok(desk, "/api/v1/configuration-items")["items"][0]["usage"]["over_allocated"] == true);
}

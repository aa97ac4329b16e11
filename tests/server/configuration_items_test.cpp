// Configuration items over real HTTP and SQLite: creating, finding, changing with versions,
// and who may write.
#include <catch2/catch.hpp>

#include "configuration_test_support.hpp"
#include "inquiry_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

TEST_CASE("items are created, listed by kind and found by text", "[configuration][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    create_item(server, desk, "service", "チャットボット");
    create_item(server, desk, "service", "Slack");
    const auto talker = create_item(server, desk, "software", "PC-Talker Neo Plus");
    CHECK(talker["version"] == 1);
    CHECK(talker["usage"].is_null());
    CHECK(talker["settings_version"] == 0);

    const auto all = get_ok(desk, "/api/v1/configuration-items");
    CHECK(all["total"] == 3);
    // Services first, then software.
    CHECK(all["items"][0]["kind"] == "service");
    CHECK(all["items"][2]["name"] == "PC-Talker Neo Plus");

    const auto software = get_ok(desk, "/api/v1/configuration-items?kind=software");
    REQUIRE(software["items"].size() == 1);
    CHECK(software["items"][0]["name"] == "PC-Talker Neo Plus");
    // Search folds case and width: ｐｃ－ｔａｌｋｅｒ typed full-width finds it too.
    CHECK(get_ok(desk, "/api/v1/configuration-items?q=%EF%BD%90%EF%BD%83")["items"].size() == 1);
    CHECK(get_ok(desk, "/api/v1/configuration-items?q=%E3%83%81%E3%83%A3%E3%83%83%E3%83%88")["items"][0]["name"] ==
          "チャットボット");

    const auto wrong_kind = desk.client->Get("/api/v1/configuration-items?kind=hardware");
    CHECK(wrong_kind->status == 400);
    CHECK(error_fields(wrong_kind) == std::vector<std::string>{"kind"});
    CHECK(get_ok(desk, item_path(talker))["item"]["name"] == "PC-Talker Neo Plus");
    CHECK(desk.client->Get("/api/v1/configuration-items/999")->status == 404);
}

TEST_CASE("an item is refused with every problem named, and a taken name is a conflict", "[configuration][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto refused = post_json(desk, "/api/v1/configuration-items",
                                   {{"kind", "service"}, {"name", " "}, {"vendor", std::string(101, 'v')}});
    CHECK(refused->status == 422);
    CHECK(error_fields(refused) == std::vector<std::string>{"name", "vendor"});
    CHECK(post_json(desk, "/api/v1/configuration-items", {{"kind", "hardware"}, {"name", "x"}})->status == 422);
    CHECK(post_json(desk, "/api/v1/configuration-items", {{"name", "x"}})->status == 400);
    const auto unknown_division =
        post_json(desk, "/api/v1/configuration-items", {{"kind", "service"}, {"name", "x"}, {"owner_division", "NOPE"}});
    CHECK(unknown_division->status == 422);
    CHECK(error_fields(unknown_division) == std::vector<std::string>{"owner_division"});

    create_item(server, desk, "service", "Slack");
    const auto twice = post_json(desk, "/api/v1/configuration-items", {{"kind", "service"}, {"name", "Slack"}});
    CHECK(twice->status == 409);
    CHECK(json_of(twice)["error"]["code"] == "duplicate_item_name");
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM configuration_items") == 1);
}

TEST_CASE("a change names the version it read, a stale one gets 409 with the current item", "[configuration][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto office = signed_in_user(server, {"office1", {Role::it_office}});
    const auto slack = create_item(server, desk, "service", "Slack");

    const auto changed = audited(server, [&] {
        return patch_json(office, item_path(slack), {{"description", "全庁チャット"}, {"version", 1}});
    });
    REQUIRE(changed->status == 200);
    CHECK(json_of(changed)["item"]["version"] == 2);
    CHECK(json_of(changed)["item"]["description"] == "全庁チャット");
    CHECK(json_of(changed)["item"]["name"] == "Slack");

    const auto stale = patch_json(desk, item_path(slack), {{"description", "上書き"}, {"version", 1}});
    CHECK(stale->status == 409);
    CHECK(json_of(stale)["error"]["code"] == "stale_version");
    CHECK(json_of(stale)["item"]["description"] == "全庁チャット");
    CHECK(json_of(stale)["item"]["version"] == 2);
    CHECK(patch_json(desk, item_path(slack), {{"description", "x"}})->status == 400);  // no version

    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'configuration_item.updated' "
                                             "AND actor = 'office1' AND object_type = 'configuration_item'") == 1);
}

TEST_CASE("managers and auditors read items, only the desk, the IT office and admins write", "[configuration][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto manager = signed_in_user(server, {"manager1", {Role::manager}});
    auto auditor = signed_in_user(server, {"auditor1", {Role::auditor}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    const auto slack = create_item(server, desk, "service", "Slack");
    CHECK(get_ok(manager, "/api/v1/configuration-items")["total"] == 1);
    CHECK(get_ok(auditor, item_path(slack))["item"]["name"] == "Slack");
    CHECK(staff.client->Get("/api/v1/configuration-items")->status == 403);
    CHECK(post_json(manager, "/api/v1/configuration-items", {{"kind", "service"}, {"name", "kintone"}})->status == 403);
    CHECK(patch_json(auditor, item_path(slack), {{"name", "x"}, {"version", 1}})->status == 403);
}

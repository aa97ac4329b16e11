// Settings versions over real HTTP and SQLite: changes with a reason, the version read, the
// diff of two versions and a restore that is itself a new version.
#include <catch2/catch.hpp>

#include "configuration_test_support.hpp"
#include "inquiry_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

json changed(const RunningApp& server, SignedIn& user, const json& item, const json& body) {
    const auto response = audited(server, [&] { return post_json(user, item_path(item, "/settings"), body); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["version"];
}

}  // namespace

TEST_CASE("each change is a new version with who, when and why", "[configuration][settings]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto office = signed_in_user(server, {"office1", {Role::it_office}});
    const auto bot = create_item(server, desk, "service", "チャットボット");
    CHECK(get_ok(desk, item_path(bot, "/settings"))["versions"].empty());

    const auto first = changed(server, desk, bot,
                               {{"values", {{"応答言語", "ja"}, {"timeout", "30"}, {"escalation", "desk"}}},
                                {"reason", "初期設定"},
                                {"version", 0}});
    CHECK(first["number"] == 1);
    CHECK(first["changed_by"] == "desk1");
    const auto second = changed(server, office, bot,
                                {{"changes", {{"set", {{"timeout", "60"}, {"greeting", "こんにちは"}}}, {"removed", {"escalation"}}}},
                                 {"reason", "問い合わせ増加"},
                                 {"version", 1}});
    CHECK(second["number"] == 2);
    CHECK(second["values"] == json{{"応答言語", "ja"}, {"timeout", "60"}, {"greeting", "こんにちは"}});

    const auto versions = get_ok(desk, item_path(bot, "/settings"))["versions"];
    REQUIRE(versions.size() == 2);
    CHECK(versions[0]["number"] == 2);  // newest first
    CHECK(versions[0]["reason"] == "問い合わせ増加");
    CHECK(versions[1]["values"]["escalation"] == "desk");
    CHECK(get_ok(desk, item_path(bot, "/settings/1"))["version"]["values"]["timeout"] == "30");
    CHECK(desk.client->Get(item_path(bot, "/settings/9").c_str())->status == 404);
    CHECK(get_ok(desk, item_path(bot))["item"]["settings_version"] == 2);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'settings.changed'") == 2);
}

TEST_CASE("a change without a reason, without effect or on an old version is refused", "[configuration][settings]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto bot = create_item(server, desk, "service", "チャットボット");
    changed(server, desk, bot, {{"values", {{"timeout", "30"}}}, {"reason", "初期設定"}, {"version", 0}});

    const auto no_reason = post_json(desk, item_path(bot, "/settings"), {{"values", {{"timeout", "60"}}}, {"reason", " "}, {"version", 1}});
    CHECK(no_reason->status == 422);
    CHECK(error_fields(no_reason) == std::vector<std::string>{"reason"});
    const auto same = post_json(desk, item_path(bot, "/settings"), {{"values", {{"timeout", "30"}}}, {"reason", "再設定"}, {"version", 1}});
    CHECK(same->status == 422);
    CHECK(error_fields(same) == std::vector<std::string>{"values"});
    const auto bad_name = post_json(desk, item_path(bot, "/settings"), {{"values", {{" timeout", "60"}}}, {"reason", "x"}, {"version", 1}});
    CHECK(error_fields(bad_name) == std::vector<std::string>{"values"});
    CHECK(post_json(desk, item_path(bot, "/settings"), {{"values", {{"timeout", 60}}}, {"reason", "x"}, {"version", 1}})->status == 400);
    CHECK(post_json(desk, item_path(bot, "/settings"), {{"reason", "x"}, {"version", 1}})->status == 400);

    const auto stale = post_json(desk, item_path(bot, "/settings"), {{"values", {{"timeout", "90"}}}, {"reason", "延長"}, {"version", 0}});
    CHECK(stale->status == 409);
    CHECK(json_of(stale)["error"]["code"] == "stale_version");
    CHECK(json_of(stale)["version"]["number"] == 1);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM setting_versions") == 1);
}

TEST_CASE("the diff of two versions and a restore of the earlier one", "[configuration][settings]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto auditor = signed_in_user(server, {"auditor1", {Role::auditor}});
    const auto bot = create_item(server, desk, "service", "チャットボット");
    changed(server, desk, bot, {{"values", {{"timeout", "30"}, {"escalation", "desk"}}}, {"reason", "初期設定"}, {"version", 0}});
    changed(server, desk, bot, {{"values", {{"timeout", "60"}, {"greeting", "hi"}}}, {"reason", "変更"}, {"version", 1}});

    const auto diff = get_ok(auditor, item_path(bot, "/settings/diff?from=1&to=2"))["diff"];
    CHECK(diff["added"] == json{{"greeting", "hi"}});
    CHECK(diff["removed"] == json{{"escalation", "desk"}});
    CHECK(diff["changed"] == json::array({{{"parameter", "timeout"}, {"before", "30"}, {"after", "60"}}}));
    const auto missing = desk.client->Get(item_path(bot, "/settings/diff?from=1").c_str());
    CHECK(missing->status == 400);
    CHECK(error_fields(missing) == std::vector<std::string>{"to"});
    CHECK(error_fields(desk.client->Get(item_path(bot, "/settings/diff?from=1&to=7").c_str())) == std::vector<std::string>{"to"});

    CHECK(post_json(auditor, item_path(bot, "/settings/restore"), {{"version_number", 1}, {"reason", "戻す"}})->status == 403);
    const auto no_reason = post_json(desk, item_path(bot, "/settings/restore"), {{"version_number", 1}, {"reason", ""}});
    CHECK(error_fields(no_reason) == std::vector<std::string>{"reason"});
    CHECK(error_fields(post_json(desk, item_path(bot, "/settings/restore"), {{"version_number", 5}, {"reason", "戻す"}})) ==
          std::vector<std::string>{"version_number"});
    const auto restored = audited(server, [&] {
        return post_json(desk, item_path(bot, "/settings/restore"), {{"version_number", 1}, {"reason", "タイムアウト延長で苦情"}});
    });
    REQUIRE(restored->status == 201);
    CHECK(json_of(restored)["version"]["number"] == 3);
    CHECK(json_of(restored)["version"]["values"] == json{{"timeout", "30"}, {"escalation", "desk"}});
    CHECK(get_ok(desk, item_path(bot, "/settings/diff?from=1&to=3"))["diff"] ==
          json{{"added", json::object()}, {"removed", json::object()}, {"changed", json::array()}});
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'settings.restored' AND "
                                             "json_extract(after_json, '$.restored_from') = 1") == 1);
}

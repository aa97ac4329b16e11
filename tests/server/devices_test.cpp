// The ledger's devices over real HTTP and SQLite: creating, finding, changing with versions,
// moving between states with a reason, history, and who sees what.
#include <catch2/catch.hpp>

#include "audit_test_support.hpp"
#include "i18n/catalog.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

json device(const std::string& tag, const std::string& device_class, json extra = json::object()) {
    json body{{"asset_tag", tag}, {"class", device_class}};
    body.update(extra);
    return body;
}

httplib::Result post(SignedIn& user, const std::string& path, const json& body) {
    return user.client->Post(path.c_str(), body.dump(), "application/json");
}

httplib::Result patch(SignedIn& user, const std::string& path, const json& body) {
    return user.client->Patch(path.c_str(), body.dump(), "application/json");
}

json created(const RunningApp& server, SignedIn& desk, const json& body) {
    const auto response = audited(server, [&] { return post(desk, "/api/v1/devices", body); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["device"];
}

std::vector<std::string> tags_of(const json& page) {
    std::vector<std::string> tags;
    for (const auto& item : page["devices"]) tags.push_back(item["asset_tag"].get<std::string>());
    return tags;
}

json listed(SignedIn& user, const std::string& query) {
    const auto response = user.client->Get(("/api/v1/devices" + query).c_str());
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    return json_of(response);
}

}  // namespace

TEST_CASE("a device is added with its references, read back, and its creation is its history", "[inventory][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto location = audited(server, [&] {
        return post(desk, "/api/v1/locations", {{"building", "中央合同庁舎第3号館"}, {"floor", "10階"}, {"room", "文書課"}});
    });
    REQUIRE(location->status == 201);
    const auto location_id = json_of(location)["location"]["id"].get<std::int64_t>();
    const auto model = audited(server, [&] {
        return post(desk, "/api/v1/device-models", {{"maker", "リコー"}, {"name", "IM C3000"}, {"class", "mfp"}});
    });
    REQUIRE(model->status == 201);
    const auto model_id = json_of(model)["model"]["id"].get<std::int64_t>();

    const auto added = created(server, desk,
                               device("MFP-000123", "mfp",
                                      {{"model_id", model_id}, {"location_id", location_id}, {"division_code", test_division},
                                       {"network_address", "10.20.3.41"}, {"state", "installed"}}));
    CHECK(added["version"] == 1);
    CHECK(added["state"] == "installed");
    CHECK(added["model_name"] == "リコー IM C3000");
    CHECK(added["location_name"] == "中央合同庁舎第3号館 10階 文書課");

    const auto id = added["id"].get<std::int64_t>();
    const auto detail = json_of(desk.client->Get(("/api/v1/devices/" + std::to_string(id)).c_str()));
    CHECK(detail["device"]["asset_tag"] == "MFP-000123");
    CHECK(detail["next_states"] == json{"in_stock", "in_transit", "in_repair", "lost", "retired"});
    const auto history = json_of(desk.client->Get(("/api/v1/devices/" + std::to_string(id) + "/history").c_str()));
    REQUIRE(history["history"].size() == 1);
    CHECK(history["history"][0]["action"] == "device.created");
    CHECK(history["history"][0]["actor"] == "desk1");
}

TEST_CASE("a bad device is refused with every problem named and nothing written", "[inventory][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto before = count_rows(server.database_path(), "SELECT count(*) FROM devices");

    const auto invalid = post(desk, "/api/v1/devices", device("mfp 1", "copier", {{"network_address", "10.1.2"}}));
    CHECK(invalid->status == 422);
    CHECK(error_fields(invalid) == std::vector<std::string>{"asset_tag", "class", "network_address"});

    const auto unknown = post(desk, "/api/v1/devices", device("TAB-0001", "tablet", {{"model_id", 99}, {"location_id", 7},
                                                                                    {"custodian_login", "nobody"}}));
    CHECK(unknown->status == 422);
    CHECK(error_fields(unknown) == std::vector<std::string>{"custodian_login", "location_id", "model_id"});

    const auto wrong_state = post(desk, "/api/v1/devices", device("TAB-0002", "tablet", {{"state", "installed"}}));
    CHECK(wrong_state->status == 422);
    CHECK(error_fields(wrong_state) == std::vector<std::string>{"state"});

    const auto wrong_shape = post(desk, "/api/v1/devices", device("TAB-0003", "tablet", {{"accessories", "mouse"}, {"colour", "red"}}));
    CHECK(wrong_shape->status == 400);
    CHECK(error_fields(wrong_shape) == std::vector<std::string>{"accessories", "colour"});

    // The ledger's CSV joins accessories with ';': a name holding one would come back as two.
    const auto separated = post(desk, "/api/v1/devices", device("GSS-0001", "gss_terminal", {{"accessories", {"マウス;黒"}}}));
    CHECK(separated->status == 422);
    CHECK(error_fields(separated) == std::vector<std::string>{"accessories"});
    CHECK(json_of(separated)["error"]["fields"]["accessories"] ==
          madoguchi::i18n::text("field.accessory_separator", madoguchi::i18n::Language::en));

    created(server, desk, device("TAB-0004", "tablet"));
    const auto twice = post(desk, "/api/v1/devices", device("TAB-0004", "tablet"));
    CHECK(twice->status == 409);
    CHECK(json_of(twice)["error"]["code"] == "duplicate_asset_tag");
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM devices") == before + 1);
}

TEST_CASE("two operators never overwrite each other: a stale version gets 409 and the current device", "[inventory][api]") {
    RunningApp server;
    auto first = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto second = signed_in_user(server, {"desk2", {Role::desk_operator}});
    const auto added = created(server, first, device("BPC-0001", "business_pc"));
    const auto path = "/api/v1/devices/" + std::to_string(added["id"].get<std::int64_t>());

    const auto changed = audited(server, [&] { return patch(first, path, {{"version", 1}, {"notes", "バッテリー交換済み"}}); });
    REQUIRE(changed->status == 200);
    CHECK(json_of(changed)["device"]["version"] == 2);

    const auto late = patch(second, path, {{"version", 1}, {"notes", "画面に傷あり"}});
    REQUIRE(late->status == 409);
    CHECK(json_of(late)["error"]["code"] == "stale_version");
    CHECK(json_of(late)["device"]["notes"] == "バッテリー交換済み");
    CHECK(json_of(late)["device"]["version"] == 2);

    CHECK(patch(second, path, {{"notes", "画面に傷あり"}})->status == 400);  // no version at all
    CHECK(patch(second, path, {{"version", 2}, {"state", "lost"}})->status == 400);  // states move by transitions
    const auto history = json_of(first.client->Get((path + "/history").c_str()));
    REQUIRE(history["history"].size() == 2);
    CHECK(history["history"][0]["before"]["notes"] == "");
    CHECK(history["history"][0]["after"]["notes"] == "バッテリー交換済み");
}

TEST_CASE("a device moves only along the state machine, with a reason kept in its history", "[inventory][api][state]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto added = created(server, desk, device("MPR-0001", "mobile_printer"));
    const auto path = "/api/v1/devices/" + std::to_string(added["id"].get<std::int64_t>()) + "/transitions";

    const auto lent = audited(server, [&] {
        return post(desk, path, {{"to", "on_loan"}, {"reason", "出張用 貸出（鈴木）"}, {"version", 1}});
    });
    REQUIRE(lent->status == 200);
    CHECK(json_of(lent)["device"]["state"] == "on_loan");
    CHECK(json_of(lent)["next_states"] == json{"in_transit", "in_repair", "kitting", "lost", "stolen"});

    const auto back_to_stock = post(desk, path, {{"to", "in_stock"}, {"reason", "返却"}, {"version", 2}});
    REQUIRE(back_to_stock->status == 409);
    CHECK(json_of(back_to_stock)["error"]["code"] == "transition_refused");
    CHECK(error_fields(back_to_stock) == std::vector<std::string>{"to"});

    const auto installed = post(desk, path, {{"to", "installed"}, {"reason", "設置"}, {"version", 2}});
    REQUIRE(installed->status == 409);
    CHECK(json_of(installed)["error"]["message_ja"] == "この機器分類ではその状態にできません。");
    CHECK(json_of(back_to_stock)["error"]["message_ja"] == "現在の状態からはその状態に変更できません。");

    const auto no_reason = post(desk, path, {{"to", "kitting"}, {"reason", "　"}, {"version", 2}});
    CHECK(no_reason->status == 422);
    CHECK(error_fields(no_reason) == std::vector<std::string>{"reason"});
    CHECK(post(desk, path, {{"to", "broken"}, {"reason", "x"}, {"version", 2}})->status == 422);
    CHECK(post(desk, path, {{"to", "kitting"}, {"reason", "返却"}, {"version", 1}})->status == 409);  // stale

    const auto history = json_of(desk.client->Get(("/api/v1/devices/" + std::to_string(added["id"].get<std::int64_t>()) + "/history").c_str()));
    REQUIRE(history["history"].size() == 2);
    CHECK(history["history"][0]["action"] == "device.transitioned");
    CHECK(history["history"][0]["reason"] == "出張用 貸出（鈴木）");
    CHECK(history["history"][0]["before"]["state"] == "in_stock");
    CHECK(history["history"][0]["after"]["state"] == "on_loan");
}

TEST_CASE("devices are found by tag, model, place and custodian, in kana or kanji, full or half width", "[inventory][api][search]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_user(server, {"yamada", {Role::staff}});
    REQUIRE(run_sql(server.database_path(), "UPDATE users SET name = '山田 太郎', name_kana = 'ヤマダ タロウ' WHERE login = 'yamada'"));
    created(server, desk, device("GSS-000001", "gss_terminal", {{"custodian_login", "yamada"}, {"accessories", {"mouse", "privacy_filter"}}}));
    created(server, desk, device("GSS-000002", "gss_terminal"));
    created(server, desk, device("MFP-000001", "mfp", {{"serial", "E175M930123"}}));

    CHECK(tags_of(listed(desk, "?q=%E3%82%84%E3%81%BE%E3%81%A0")) == std::vector<std::string>{"GSS-000001"});  // やまだ
    CHECK(tags_of(listed(desk, "?q=%EF%BE%94%EF%BE%8F%EF%BE%80%EF%BE%9E")) == std::vector<std::string>{"GSS-000001"});  // ﾔﾏﾀﾞ
    CHECK(tags_of(listed(desk, "?q=%E5%B1%B1%E7%94%B0%E5%A4%AA%E9%83%8E")) == std::vector<std::string>{"GSS-000001"});  // 山田太郎
    CHECK(tags_of(listed(desk, "?q=%EF%BD%8D%EF%BD%86%EF%BD%90")) == std::vector<std::string>{"MFP-000001"});  // ｍｆｐ
    CHECK(tags_of(listed(desk, "?q=m930")) == std::vector<std::string>{"MFP-000001"});
    CHECK(tags_of(listed(desk, "?q=%25")).empty());  // '%' is a character, not a wildcard
    CHECK(tags_of(listed(desk, "?class=gss_terminal&sort=-asset_tag")) == std::vector<std::string>{"GSS-000002", "GSS-000001"});
    const auto found = listed(desk, "?q=yamada");
    CHECK(found["devices"][0]["custodian_name_kana"] == "ヤマダ タロウ");
    // A custodian's new name is found at once (the ledger's search text follows the user).
    REQUIRE(run_sql(server.database_path(), "UPDATE users SET name_kana = 'ヤマモト タロウ' WHERE login = 'yamada'"));
    CHECK(tags_of(listed(desk, "?q=%E3%82%84%E3%81%BE%E3%82%82%E3%81%A8")) == std::vector<std::string>{"GSS-000001"});  // やまもと
    CHECK(tags_of(listed(desk, "?q=%E3%82%84%E3%81%BE%E3%81%A0")).empty());
    const auto bad = desk.client->Get("/api/v1/devices?state=broken&sort=price&limit=1001&cursor=zz");
    CHECK(bad->status == 400);
    CHECK(error_fields(bad) == std::vector<std::string>{"cursor", "limit", "sort", "state"});
}

TEST_CASE("a new device's search text holds what the search view reads: tag, serial, model, place, custodian", "[inventory][api][search]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_user(server, {"sato", {Role::staff}});
    REQUIRE(run_sql(server.database_path(), "UPDATE users SET name = '佐藤 一郎', name_kana = 'サトウ イチロウ' WHERE login = 'sato'"));
    const auto location = post(desk, "/api/v1/locations", {{"building", "特許庁庁舎"}, {"floor", "3階"}, {"room", "窓口"}});
    const auto model = post(desk, "/api/v1/device-models", {{"maker", "エプソン"}, {"name", "PX-S06B"}, {"class", "mobile_printer"}});
    REQUIRE(location->status == 201);
    REQUIRE(model->status == 201);
    created(server, desk,
            device("MPR-000007", "mobile_printer",
                   {{"serial", "X5ZA001234"}, {"custodian_login", "sato"},
                    {"model_id", json_of(model)["model"]["id"]}, {"location_id", json_of(location)["location"]["id"]}}));
    created(server, desk, device("MPR-000008", "mobile_printer"));

    // The INSERT writes the text itself (migration 14); the update triggers rebuild it from the
    // view, so the two must agree or a device would change its search text on its first edit.
    CHECK(count_rows(server.database_path(),
                     "SELECT count(*) FROM devices d JOIN device_search_source s ON s.id = d.id WHERE d.search_text = s.text") == 2);
    CHECK(tags_of(listed(desk, "?q=%E3%81%95%E3%81%A8%E3%81%86")) == std::vector<std::string>{"MPR-000007"});  // さとう
    CHECK(tags_of(listed(desk, "?q=px-s06")) == std::vector<std::string>{"MPR-000007"});
    CHECK(tags_of(listed(desk, "?q=%E7%AA%93%E5%8F%A3")) == std::vector<std::string>{"MPR-000007"});  // 窓口
}

TEST_CASE("pages follow each other by cursor without gaps or repeats, with and without a search", "[inventory][api][paging]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    for (int n = 7; n >= 1; --n) created(server, desk, device("TAB-000" + std::to_string(n), "tablet"));
    created(server, desk, device("MPR-000001", "mobile_printer"));
    // A search chooses its page by another plan than the plain list (device_store.cpp).
    for (const std::string search : {"", "&q=tab"}) {
        const std::size_t expected = search.empty() ? 8 : 7;
        for (const auto* sort : {"asset_tag", "-asset_tag", "updated_at", "-updated_at"}) {
            INFO(sort << search);
            std::vector<std::string> seen;
            std::string cursor;
            int pages = 0;
            do {
                auto page = listed(desk, std::string("?limit=3&sort=") + sort + search + (cursor.empty() ? "" : "&cursor=" + cursor));
                CHECK(page["total"] == expected);
                for (const auto& tag : tags_of(page)) seen.push_back(tag);
                cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
                ++pages;
            } while (!cursor.empty() && pages < 10);
            CHECK(pages == 3);
            REQUIRE(seen.size() == expected);
            std::vector<std::string> sorted = seen;
            std::sort(sorted.begin(), sorted.end());
            CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
            if (std::string(sort) == "asset_tag") CHECK(seen == sorted);
            if (std::string(sort) == "-asset_tag") CHECK(std::equal(seen.rbegin(), seen.rend(), sorted.begin()));
        }
    }
}

TEST_CASE("managers see their division's devices, staff what they hold, vendors none, and only the desk writes", "[inventory][api][authorisation]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_user(server, {"other1", {Role::staff}, "D-OTHER"});
    auto manager = signed_in_user(server, {"boss1", {Role::manager}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    auto vendor = signed_in_user(server, {"vendor1", {Role::vendor}});
    const auto own = created(server, desk, device("BPC-0001", "business_pc", {{"division_code", test_division}, {"custodian_login", "staff1"}}));
    const auto other = created(server, desk, device("BPC-0002", "business_pc", {{"division_code", "D-OTHER"}}));
    created(server, desk, device("BPC-0003", "business_pc", {{"division_code", test_division}}));

    CHECK(tags_of(listed(manager, "")) == std::vector<std::string>{"BPC-0001", "BPC-0003"});
    CHECK(tags_of(listed(manager, "?division=D-OTHER")).empty());
    CHECK(tags_of(listed(staff, "")) == std::vector<std::string>{"BPC-0001"});
    const auto other_path = "/api/v1/devices/" + std::to_string(other["id"].get<std::int64_t>());
    CHECK(manager.client->Get(other_path.c_str())->status == 404);
    CHECK(manager.client->Get((other_path + "/history").c_str())->status == 404);
    CHECK(staff.client->Get(("/api/v1/devices/" + std::to_string(own["id"].get<std::int64_t>())).c_str())->status == 200);
    CHECK(vendor.client->Get("/api/v1/devices")->status == 403);
    CHECK(staff.client->Post("/api/v1/devices", device("BPC-0009", "business_pc").dump(), "application/json")->status == 403);
    CHECK(manager.client->Patch(other_path.c_str(), json{{"version", 1}}.dump(), "application/json")->status == 403);
}

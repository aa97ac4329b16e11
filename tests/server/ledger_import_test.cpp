// Importing the ledger from CSV over real HTTP and SQLite: files as Excel and kintone write
// them (Shift_JIS, UTF-8 with a byte order mark, Japanese or English headers), a dry run that
// lists every row's problem and writes nothing, and a commit that writes all or nothing.
#include <catch2/catch.hpp>

#include <iconv.h>

#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

// The text in Windows' Shift_JIS, as Excel saves "CSV (コンマ区切り)".
std::string cp932_of(const std::string& utf8) {
    const auto converter = iconv_open("CP932", "UTF-8");
    REQUIRE(converter != reinterpret_cast<iconv_t>(-1));
    std::string input = utf8;
    std::string output(utf8.size() * 2, '\0');
    char* in = input.data();
    char* out = output.data();
    std::size_t in_left = input.size();
    std::size_t out_left = output.size();
    const auto converted = iconv(converter, &in, &in_left, &out, &out_left);
    iconv_close(converter);
    REQUIRE(converted != static_cast<std::size_t>(-1));
    output.resize(output.size() - out_left);
    return output;
}

httplib::Result import_file(SignedIn& user, const std::string& table, const std::string& body, bool commit,
                            const std::string& content_type = "text/csv") {
    const auto path = "/api/v1/imports/" + table + "?dry_run=" + (commit ? "0" : "1");
    return user.client->Post(path.c_str(), body, content_type.c_str());
}

json answer_of(const httplib::Result& response, int status) {
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == status);
    return json_of(response);
}

std::int64_t devices_in(const RunningApp& server) { return count_rows(server.database_path(), "SELECT count(*) FROM devices"); }

// A location and a model the files below refer to.
void add_references(const RunningApp& server, SignedIn& desk) {
    const auto location = audited(server, [&] {
        return desk.client->Post("/api/v1/locations",
                                 json{{"building", "中央合同庁舎第3号館"}, {"floor", "10階"}, {"room", "文書課"}}.dump(),
                                 "application/json");
    });
    REQUIRE(location->status == 201);
    const auto model = audited(server, [&] {
        return desk.client->Post("/api/v1/device-models",
                                 json{{"maker", "リコー"}, {"name", "IM C3000"}, {"class", "mfp"}}.dump(), "application/json");
    });
    REQUIRE(model->status == 201);
}

// The problems as "line column code", easy to compare.
std::vector<std::string> problems_of(const json& answer) {
    std::vector<std::string> problems;
    for (const auto& error : answer["errors"]) {
        problems.push_back(std::to_string(error["line"].get<int>()) + " " + error["column"].get<std::string>() + " " +
                           error["code"].get<std::string>());
    }
    return problems;
}

const std::string japanese_file =
    "資産番号,機器分類,メーカー,機種名,状態,設置場所,課室コード,管理者ログインID,管理者名,備考\r\n"
    "MFP-000001,複合機,リコー,IM C3000,設置済,中央合同庁舎第3号館 10階 文書課,D-TEST,keeper,試験 keeper,窓側\r\n"
    "TAB-000001,公用タブレット,,,,,,,,\r\n";

}  // namespace

TEST_CASE("a Shift_JIS file is previewed without writing, then committed: each device audited, with a summary",
          "[inventory][import]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_user(server, {"keeper", {Role::staff}});
    add_references(server, desk);
    const auto file = cp932_of(japanese_file);
    const auto audit_before = audit_rows(server);

    const auto preview = answer_of(import_file(desk, "devices", file, false), 200);
    CHECK(preview["errors"].empty());
    CHECK(preview["creates"] == 2);
    CHECK(preview["updates"] == 0);
    REQUIRE(preview["preview"].size() == 2);
    CHECK(preview["preview"][0]["action"] == "create");
    CHECK(preview["preview"][0]["model_name"] == "リコー IM C3000");
    CHECK(preview["preview"][0]["location_name"] == "中央合同庁舎第3号館 10階 文書課");
    CHECK(preview["preview"][0]["state"] == "installed");
    CHECK(preview["preview"][1]["state"] == "in_stock");
    CHECK(devices_in(server) == 0);
    CHECK(audit_rows(server) == audit_before);

    const auto committed = answer_of(audited(server, [&] { return import_file(desk, "devices", file, true); }), 200);
    CHECK(committed["creates"] == 2);
    CHECK(devices_in(server) == 2);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'device.created'") == 2);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'ledger.imported' AND "
                                             "object_id = 'devices' AND actor = 'desk1'") == 1);
    const auto listed = json_of(desk.client->Get("/api/v1/devices?q=MFP-000001"));
    REQUIRE(listed["devices"].size() == 1);
    const auto& device = listed["devices"][0];
    CHECK(device["custodian_login"] == "keeper");
    CHECK(device["division_code"] == "D-TEST");
    CHECK(device["notes"] == "窓側");
    CHECK(device["state"] == "installed");
    const auto id = device["id"].get<std::int64_t>();
    const auto history = json_of(desk.client->Get(("/api/v1/devices/" + std::to_string(id) + "/history").c_str()));
    REQUIRE(history["history"].size() == 1);
    CHECK(history["history"][0]["action"] == "device.created");

    SECTION("the same file again changes nothing; a changed cell updates that device, not its state") {
        const auto again = answer_of(import_file(desk, "devices", file, false), 200);
        CHECK(again["unchanged"] == 2);
        CHECK(again["creates"] == 0);
        const auto edited = cp932_of(
            "資産番号,状態,備考\r\n"
            "MFP-000001,在庫,廊下側\r\n"
            "TAB-000001,,\r\n");
        const auto updated = answer_of(audited(server, [&] { return import_file(desk, "devices", edited, true); }), 200);
        CHECK(updated["updates"] == 1);
        CHECK(updated["unchanged"] == 1);
        const auto after = json_of(desk.client->Get(("/api/v1/devices/" + std::to_string(id)).c_str()))["device"];
        CHECK(after["notes"] == "廊下側");
        CHECK(after["version"] == 2);
        CHECK(after["state"] == "installed");
        CHECK(after["model_name"] == "リコー IM C3000");  // columns the file lacks are kept
        const auto changes = json_of(desk.client->Get(("/api/v1/devices/" + std::to_string(id) + "/history").c_str()));
        CHECK(changes["history"][0]["action"] == "device.updated");
        CHECK(changes["history"][0]["before"]["notes"] == "窓側");
    }
}

TEST_CASE("a UTF-8 file with a byte order mark and English headers is read like the Japanese one", "[inventory][import]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const std::string file =
        "\xEF\xBB\xBF"
        "Asset tag,Class,Serial,Contract start,Contract end,Accessories\n"
        "GSS-000010,GSS terminal,SN-1,2024/4/1,2029-03-31,マウス、覗き見防止フィルター\n";
    const auto preview = answer_of(import_file(desk, "devices", file, false, "application/octet-stream"), 200);
    CHECK(preview["errors"].empty());
    CHECK(preview["creates"] == 1);
    answer_of(audited(server, [&] { return import_file(desk, "devices", file, true); }), 200);
    const auto device = json_of(desk.client->Get("/api/v1/devices?q=GSS-000010"))["devices"][0];
    CHECK(device["class"] == "gss_terminal");
    CHECK(device["contract_start"] == "2024-04-01");
    CHECK(device["accessories"] == json{"mouse", "privacy_filter"});
}

TEST_CASE("every row's problem is listed with line, column and value, and a commit with problems writes nothing",
          "[inventory][import]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_references(server, desk);
    const std::string file =
        "資産番号,機器分類,機種名,設置場所,状態\n"
        "MFP-000001,複合機,IM C3000,,\n"                // line 2: fine
        "MFP-000001,複合機,,,\n"                        // line 3: the tag again
        "MFP-000002,複合機,IM C9999,,\n"                // line 4: no such model
        "mfp 3,複合機,,,\n"                             // line 5: not a tag
        "MFP-000004,複合機,,\"別館 \"1階\",\n"          // line 6: a quote inside a quoted field
        "TAB-000001,公用タブレット,,本庁舎 99階,設置済\n"  // line 7: unknown location; tablets are not installed
        "MFP-000005,複合機,,,\n";                       // line 8: fine
    const auto devices_before = devices_in(server);
    const auto audit_before = audit_rows(server);

    const auto preview = answer_of(import_file(desk, "devices", file, false), 200);
    CHECK(problems_of(preview) == std::vector<std::string>{
                                      "3 資産番号 import.duplicate_tag_in_file",
                                      "4 機種名 field.unknown_model",
                                      "5 資産番号 field.invalid_asset_tag",
                                      "6  import.broken_csv",
                                      "7 設置場所 field.unknown_location",
                                      "7 状態 inventory.transition.not_for_placement",
                                  });
    CHECK(preview["creates"] == 2);
    const auto& unknown_model = preview["errors"][1];
    CHECK(unknown_model["value"] == "IM C9999");
    CHECK(unknown_model["message_ja"] == "この機種は登録されていません。");
    CHECK(unknown_model["message"] == "is not a registered device model");

    const auto refused = import_file(desk, "devices", file, true);
    const auto answer = answer_of(refused, 422);
    CHECK(answer["error"]["code"] == "import_has_errors");
    CHECK(answer["errors"].size() == 6);
    CHECK(devices_in(server) == devices_before);
    CHECK(audit_rows(server) == audit_before);
}

TEST_CASE("an unknown or missing header is a problem of the file and no row is read", "[inventory][import]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto unknown = answer_of(import_file(desk, "devices", "資産番号,色\nMFP-000001,赤\n", false), 200);
    CHECK(problems_of(unknown) == std::vector<std::string>{"1 色 import.unknown_column"});
    CHECK(unknown["creates"] == 0);
    const auto missing = answer_of(import_file(desk, "devices", "機器分類,備考\n複合機,x\n", false), 200);
    CHECK(problems_of(missing) == std::vector<std::string>{"1 資産番号 import.missing_column"});
    const auto empty = answer_of(import_file(desk, "devices", "", false), 200);
    CHECK(problems_of(empty) == std::vector<std::string>{"1  import.empty_file"});
}

TEST_CASE("models and locations are imported, and a device file then names them", "[inventory][import]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    const std::string models =
        "メーカー,機種名,機器分類,消耗品\n"
        "リコー,IM C3000,複合機,トナー（ブラック）;トナー（シアン）\n"
        "エプソン,PX-S6010,mobile_printer,\n";
    const auto planned = answer_of(import_file(admin, "device-models", models, false), 200);
    CHECK(planned["creates"] == 2);
    answer_of(audited(server, [&] { return import_file(admin, "device-models", models, true); }), 200);
    const auto stored = json_of(admin.client->Get("/api/v1/device-models"))["models"];
    REQUIRE(stored.size() == 2);
    CHECK(stored[1]["consumables"] == json{"トナー（ブラック）", "トナー（シアン）"});
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'device_model.created'") == 2);

    const std::string locations = "建物,階,部屋\n本庁舎,1階,受付\n別館,,\n本庁舎,1階,受付\n";
    const auto refused = answer_of(import_file(admin, "locations", locations, true), 422);
    CHECK(problems_of(refused) == std::vector<std::string>{"4 建物 import.duplicate_in_file"});
    const std::string fixed = "建物,階,部屋\n本庁舎,1階,受付\n別館,,\n";
    answer_of(audited(server, [&] { return import_file(admin, "locations", fixed, true); }), 200);
    CHECK(json_of(admin.client->Get("/api/v1/locations"))["locations"].size() == 2);

    // A model named without its maker, a class taken from the model.
    const std::string devices = "資産番号,機種名,設置場所\nMPR-000001,PX-S6010,本庁舎 1階 受付\n";
    const auto plan = answer_of(import_file(admin, "devices", devices, false), 200);
    CHECK(plan["errors"].empty());
    CHECK(plan["preview"][0]["class"] == "mobile_printer");

    const std::string changed_class = "メーカー,機種名,機器分類\nエプソン,PX-S6010,複合機\n";
    const auto refused_class = answer_of(import_file(admin, "device-models", changed_class, false), 200);
    CHECK(problems_of(refused_class) == std::vector<std::string>{"2 機器分類 import.model_class_change"});
}

TEST_CASE("only operators and admins import, and a wrong table, media type or size is refused", "[inventory][import]") {
    RunningApp server;
    const std::string file = "資産番号,機器分類\nTAB-000001,tablet\n";
    for (const auto role : {Role::staff, Role::manager, Role::vendor, Role::it_office, Role::auditor}) {
        auto user = signed_in_user(server, {"user-" + std::string(madoguchi::identity::role_name(role)), {role}});
        INFO(madoguchi::identity::role_name(role));
        const auto response = import_file(user, "devices", file, true);
        REQUIRE(response);
        CHECK(response->status == 403);
    }
    CHECK(devices_in(server) == 0);

    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    CHECK(answer_of(import_file(desk, "printers", file, false), 404)["error"]["fields"].contains("table"));
    CHECK(answer_of(import_file(desk, "devices", file, false, "application/json"), 415)["error"]["code"] ==
          "unsupported_media_type");
    CHECK(answer_of(desk.client->Post("/api/v1/imports/devices?dry_run=yes", file, "text/csv"), 400)["error"]["fields"]
              .contains("dry_run"));
    const std::string huge(20 * 1024 * 1024 + 1, 'x');
    CHECK(answer_of(import_file(desk, "devices", huge, false), 413)["error"]["code"] == "payload_too_large");
    const auto undecodable = answer_of(import_file(desk, "devices", "asset_tag\nMFP-\x82\n", false), 200);
    CHECK(problems_of(undecodable) == std::vector<std::string>{"2  import.undecodable"});
}

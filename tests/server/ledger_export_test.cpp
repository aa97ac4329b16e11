// The ledger's exports over real HTTP: CSV that Excel reads as UTF-8 and the import reads
// back, the list's filters and the reader's scope, the XLSX workbook, and QR label sheets.
#include <catch2/catch.hpp>

#include <regex>

#include "audit_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "inventory/ledger_columns.hpp"
#include "server_test_support.hpp"
#include "text/csv.hpp"

using namespace madoguchi::testing;
using madoguchi::inventory::find_ledger_column;
using madoguchi::inventory::ledger_columns;
using madoguchi::inventory::LedgerTable;
using nlohmann::json;

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";
const std::string awkward_notes = "トナー交換済み, \"至急\" と連絡あり\n2行目: 山田（総務課）";

httplib::Result post(SignedIn& user, const std::string& path, const json& body) {
    return user.client->Post(path.c_str(), body.dump(), "application/json");
}

json created(const RunningApp& server, SignedIn& desk, const std::string& path, const json& body, const char* member) {
    const auto response = audited(server, [&] { return post(desk, path, body); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)[member];
}

json add_device(const RunningApp& server, SignedIn& desk, const std::string& tag, const std::string& device_class,
                json extra = json::object()) {
    json body{{"asset_tag", tag}, {"class", device_class}};
    body.update(extra);
    return created(server, desk, "/api/v1/devices", body, "device");
}

// The file's records as the import reads them; fails the test on any CSV error.
std::vector<std::vector<std::string>> records_of(const std::string& body) {
    const auto document = madoguchi::text::read_csv(body);
    REQUIRE(document.errors.empty());
    std::vector<std::vector<std::string>> records;
    for (const auto& record : document.records) records.push_back(record.fields);
    return records;
}

std::vector<std::string> headers(LedgerTable table) {
    std::vector<std::string> names;
    for (const auto& column : ledger_columns(table)) names.emplace_back(column.header_ja);
    return names;
}

// The cell of `key` in a device record.
std::string cell(const std::vector<std::string>& record, std::string_view key) {
    const auto columns = ledger_columns(LedgerTable::devices);
    for (std::size_t index = 0; index < columns.size(); ++index) {
        if (columns[index].key == key) return record.at(index);
    }
    FAIL("no column " << key);
    return {};
}

std::vector<std::string> exported_tags(SignedIn& user, const std::string& query) {
    const auto response = user.client->Get(("/api/v1/devices/export.csv" + query).c_str());
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    auto records = records_of(response->body);
    std::vector<std::string> tags;
    for (std::size_t index = 1; index < records.size(); ++index) tags.push_back(records[index][0]);
    return tags;
}

}  // namespace

TEST_CASE("the CSV opens in Excel as UTF-8 and every value reads back as the import expects", "[inventory][export]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_user(server, {"yamada", {Role::staff}});
    REQUIRE(run_sql(server.database_path(), "UPDATE users SET name = '山田 太郎' WHERE login = 'yamada'"));
    const auto location = created(server, desk, "/api/v1/locations",
                                  {{"building", "中央合同庁舎第3号館"}, {"floor", "10階"}, {"room", "文書課"}}, "location");
    const auto model = created(server, desk, "/api/v1/device-models",
                               {{"maker", "リコー"}, {"name", "IM C3000"}, {"class", "mfp"}, {"consumables", {"トナー（黒）", "トナー（シアン）"}}},
                               "model");
    add_device(server, desk, "MFP-000123", "mfp",
               {{"model_id", model["id"]}, {"location_id", location["id"]}, {"division_code", test_division},
                {"custodian_login", "yamada"}, {"accessories", {"ACアダプタ", "マウス"}}, {"network_address", "10.20.3.41"},
                {"contract_start", "2026-04-01"}, {"contract_end", "2031-03-31"}, {"notes", awkward_notes},
                {"state", "installed"}, {"serial", "E175M930123"}});
    add_device(server, desk, "TAB-000001", "tablet");

    const auto response = desk.client->Get("/api/v1/devices/export.csv");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    // Read raw: cpp-httplib's client decodes percent escapes in header values, a browser does not.
    const auto raw = send_raw_request(server.port(), "GET /api/v1/devices/export.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " +
                                                         desk.cookie + "\r\nConnection: close\r\n\r\n");
    INFO(raw.substr(0, 600));
    CHECK(std::regex_search(raw, std::regex("\r\nContent-Disposition: attachment; filename=\"ledger-20[0-9]{6}\\.csv\"; "
                                            "filename\\*=UTF-8''%E6%A9%9F%E5%99%A8%E5%8F%B0%E5%B8%B3_20[0-9]{6}\\.csv\r\n")));
    const auto& body = response->body;
    REQUIRE(body.starts_with(bom));
    const auto first_line = body.substr(0, body.find('\n') + 1);
    CHECK(first_line.ends_with("\r\n"));
    CHECK(body.ends_with("\r\n"));

    const auto records = records_of(body);
    REQUIRE(records.size() == 3);
    CHECK(records[0] == headers(LedgerTable::devices));
    for (const auto& header : records[0]) CHECK(find_ledger_column(LedgerTable::devices, header) != nullptr);
    const auto& mfp = records[1];
    CHECK(cell(mfp, "asset_tag") == "MFP-000123");
    CHECK(cell(mfp, "serial") == "E175M930123");
    CHECK(cell(mfp, "class") == "mfp");
    CHECK(cell(mfp, "maker") == "リコー");
    CHECK(cell(mfp, "model") == "IM C3000");
    CHECK(cell(mfp, "state") == "installed");
    CHECK(cell(mfp, "location") == "中央合同庁舎第3号館 10階 文書課");
    CHECK(cell(mfp, "division") == test_division);
    CHECK(cell(mfp, "custodian") == "yamada");
    CHECK(cell(mfp, "custodian_name") == "山田 太郎");
    CHECK(cell(mfp, "accessories") == "ACアダプタ;マウス");
    CHECK(cell(mfp, "network_address") == "10.20.3.41");
    CHECK(cell(mfp, "contract_start") == "2026-04-01");
    CHECK(cell(mfp, "contract_end") == "2031-03-31");
    CHECK(cell(mfp, "notes") == awkward_notes);
    CHECK(cell(records[2], "asset_tag") == "TAB-000001");
    CHECK(cell(records[2], "model").empty());
    CHECK(cell(records[2], "state") == "in_stock");

    const auto models = desk.client->Get("/api/v1/device-models/export.csv");
    REQUIRE(models->status == 200);
    CHECK(models->body.starts_with(bom));
    CHECK(records_of(models->body) ==
          std::vector<std::vector<std::string>>{headers(LedgerTable::device_models),
                                                {"リコー", "IM C3000", "mfp", "トナー（黒）;トナー（シアン）"}});
    const auto locations = desk.client->Get("/api/v1/locations/export.csv");
    REQUIRE(locations->status == 200);
    CHECK(locations->get_header_value("Content-Disposition").starts_with("attachment; filename=\"locations-"));
    CHECK(records_of(locations->body) == std::vector<std::vector<std::string>>{headers(LedgerTable::locations),
                                                                               {"中央合同庁舎第3号館", "10階", "文書課"}});
}

TEST_CASE("cells Excel would run as formulas are exported guarded and import back unchanged", "[inventory][export]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_device(server, desk, "TAB-000001", "tablet", {{"notes", "=SUM(A1)"}});
    add_device(server, desk, "TAB-000002", "tablet", {{"serial", "-123"}});

    const auto response = desk.client->Get("/api/v1/devices/export.csv");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    const auto records = records_of(response->body);
    REQUIRE(records.size() == 3);
    CHECK(cell(records[1], "notes") == "'=SUM(A1)");
    CHECK(cell(records[2], "serial") == "'-123");

    const auto reimported = desk.client->Post("/api/v1/imports/devices?dry_run=1", response->body, "text/csv");
    REQUIRE(reimported);
    INFO(reimported->body);
    REQUIRE(reimported->status == 200);
    const auto answer = json_of(reimported);
    CHECK(answer["errors"].empty());
    CHECK(answer["creates"] == 0);
    CHECK(answer["updates"] == 0);
    CHECK(answer["unchanged"] == 2);
}

TEST_CASE("the export honours the list's filters and sort, and the reader sees only what the list shows",
          "[inventory][export][authorisation]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_user(server, {"other1", {Role::staff}, "D-OTHER"});
    auto manager = signed_in_user(server, {"boss1", {Role::manager}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    auto vendor = signed_in_user(server, {"vendor1", {Role::vendor}});
    auto auditor = signed_in_user(server, {"audit1", {Role::auditor}});
    add_device(server, desk, "BPC-0001", "business_pc", {{"division_code", test_division}, {"custodian_login", "staff1"}});
    const auto other = add_device(server, desk, "BPC-0002", "business_pc", {{"division_code", "D-OTHER"}});
    add_device(server, desk, "TAB-0001", "tablet", {{"division_code", test_division}});
    add_device(server, desk, "TAB-0002", "tablet", {{"division_code", "D-OTHER"}, {"custodian_login", "other1"}});

    CHECK(exported_tags(desk, "") == std::vector<std::string>{"BPC-0001", "BPC-0002", "TAB-0001", "TAB-0002"});
    CHECK(exported_tags(desk, "?class=tablet&sort=-asset_tag") == std::vector<std::string>{"TAB-0002", "TAB-0001"});
    CHECK(exported_tags(desk, "?division=D-OTHER") == std::vector<std::string>{"BPC-0002", "TAB-0002"});
    CHECK(exported_tags(desk, "?q=bpc&state=in_stock") == std::vector<std::string>{"BPC-0001", "BPC-0002"});
    CHECK(exported_tags(desk, "?ids=" + std::to_string(other["id"].get<std::int64_t>())) == std::vector<std::string>{"BPC-0002"});
    CHECK(exported_tags(auditor, "").size() == 4);
    CHECK(exported_tags(manager, "") == std::vector<std::string>{"BPC-0001", "TAB-0001"});
    CHECK(exported_tags(manager, "?division=D-OTHER").empty());
    CHECK(exported_tags(staff, "") == std::vector<std::string>{"BPC-0001"});
    CHECK(exported_tags(staff, "?ids=1-99") == std::vector<std::string>{"BPC-0001"});

    for (const auto* path : {"/api/v1/devices/export.csv", "/api/v1/devices/export.xlsx", "/api/v1/devices/labels.svg"}) {
        const auto refused = vendor.client->Get(path);
        CHECK(refused->status == 403);
        CHECK(json_of(refused)["error"]["code"] == "forbidden");
    }
    const auto bad = desk.client->Get("/api/v1/devices/export.csv?state=broken&sort=price&class=copier");
    CHECK(bad->status == 400);
    CHECK(error_fields(bad) == std::vector<std::string>{"class", "sort", "state"});
    const auto bad_ids = desk.client->Get("/api/v1/devices/export.xlsx?ids=3,x");
    CHECK(bad_ids->status == 422);
    CHECK(error_fields(bad_ids) == std::vector<std::string>{"ids"});
    CHECK(desk.client->Get("/api/v1/devices/export.csv?ids=1-60000")->status == 422);
}

TEST_CASE("the XLSX export is a workbook with one sheet 台帳: bold frozen header, filter, real dates", "[inventory][export]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_device(server, desk, "MPR-0001", "mobile_printer", {{"contract_start", "2026-04-01"}, {"notes", awkward_notes}});
    add_device(server, desk, "MPR-0002", "mobile_printer");

    const auto response = desk.client->Get("/api/v1/devices/export.xlsx?class=mobile_printer");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    CHECK(std::regex_search(response->get_header_value("Content-Disposition"), std::regex("filename=\"ledger-20[0-9]{6}\\.xlsx\"")));
    REQUIRE(response->body.starts_with("PK\x03\x04"));

    TempDir folder;
    const auto file = (folder.path() / "ledger.xlsx").string();
    write_file(file, response->body);
    const auto listing = ChildProcess({"/usr/bin/unzip", "-l", file}).wait();
    REQUIRE(listing.exit_code == 0);
    CHECK(listing.out.find("xl/worksheets/sheet1.xml") != std::string::npos);
    CHECK(listing.out.find("xl/worksheets/sheet2.xml") == std::string::npos);
    const auto workbook = ChildProcess({"/usr/bin/unzip", "-p", file, "xl/workbook.xml"}).wait();
    CHECK(workbook.out.find("<sheet name=\"台帳\"") != std::string::npos);
    const auto sheet = ChildProcess({"/usr/bin/unzip", "-p", file, "xl/worksheets/sheet1.xml"}).wait();
    REQUIRE(sheet.exit_code == 0);
    CHECK(sheet.out.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>") != std::string::npos);
    CHECK(sheet.out.find("<autoFilter ref=\"A1:S3\"/>") != std::string::npos);
    CHECK(sheet.out.find("<t>資産番号</t>") != std::string::npos);
    CHECK(sheet.out.find("<t>MPR-0002</t>") != std::string::npos);
    // 2026-04-01 as Excel's day number, in a date-formatted cell.
    CHECK(std::regex_search(sheet.out, std::regex("<c r=\"Q2\" s=\"[0-9]+\"><v>46113</v></c>")));
    CHECK(sheet.out.find("<cols>") != std::string::npos);
    const auto styles = ChildProcess({"/usr/bin/unzip", "-p", file, "xl/styles.xml"}).wait();
    CHECK(styles.out.find("formatCode=\"yyyy-mm-dd\"") != std::string::npos);
    CHECK(styles.out.find("<b/>") != std::string::npos);
}

TEST_CASE("labels are printed for named devices or a filter, up to 1,000, and never for unseen ones",
          "[inventory][labels][authorisation]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto manager = signed_in_user(server, {"boss1", {Role::manager}});
    add_user(server, {"other1", {Role::staff}, "D-OTHER"});
    const auto own = add_device(server, desk, "GSS-000001", "gss_terminal", {{"division_code", test_division}});
    const auto other = add_device(server, desk, "GSS-000002", "gss_terminal", {{"division_code", "D-OTHER"}});
    add_device(server, desk, "TAB-000001", "tablet");
    const auto own_id = std::to_string(own["id"].get<std::int64_t>());
    const auto other_id = std::to_string(other["id"].get<std::int64_t>());

    const auto sheet = desk.client->Get(("/api/v1/devices/labels.svg?ids=" + own_id + "," + other_id).c_str());
    REQUIRE(sheet);
    REQUIRE(sheet->status == 200);
    CHECK(sheet->get_header_value("Content-Type") == "image/svg+xml; charset=utf-8");
    CHECK(std::regex_search(sheet->get_header_value("Content-Disposition"), std::regex("filename=\"labels-20[0-9]{6}\\.svg\"")));
    CHECK(sheet->body.find("data-tag=\"GSS-000001\"") != std::string::npos);
    CHECK(sheet->body.find("data-tag=\"GSS-000002\"") != std::string::npos);
    CHECK(sheet->body.find("TAB-000001") == std::string::npos);

    const auto by_filter = desk.client->Get("/api/v1/devices/labels.svg?class=tablet");
    REQUIRE(by_filter->status == 200);
    CHECK(by_filter->body.find("data-tag=\"TAB-000001\"") != std::string::npos);
    CHECK(by_filter->body.find("GSS-") == std::string::npos);

    // Another division's device is as unknown to a manager as a missing one.
    for (const auto& ids : {own_id + "," + other_id, std::string("999")}) {
        const auto unknown = (ids == "999" ? desk : manager).client->Get(("/api/v1/devices/labels.svg?ids=" + ids).c_str());
        CHECK(unknown->status == 404);
        CHECK(error_fields(unknown) == std::vector<std::string>{"ids"});
    }
    CHECK(manager.client->Get(("/api/v1/devices/labels.svg?ids=" + own_id).c_str())->status == 200);
    for (const auto* malformed : {"abc", "3-1", "1,,2", "-5", "0"}) {
        const auto refused = desk.client->Get((std::string("/api/v1/devices/labels.svg?ids=") + malformed).c_str());
        CHECK(refused->status == 422);
        CHECK(error_fields(refused) == std::vector<std::string>{"ids"});
    }
    const auto too_many = desk.client->Get("/api/v1/devices/labels.svg?ids=1-1001");
    CHECK(too_many->status == 422);
    CHECK(json_of(too_many)["error"]["code"] == "too_many_labels");
    // A filter that finds nothing prints an empty page, as a list shows an empty page.
    const auto none = desk.client->Get("/api/v1/devices/labels.svg?class=mfp");
    CHECK(none->status == 200);
    CHECK(none->body.find("data-pages=\"1\"") != std::string::npos);
    CHECK(none->body.find("class=\"label\"") == std::string::npos);
}

// Documents over real HTTP and SQLite: uploads checked for size and type, versions, the list
// and downloads that give back the very bytes.
#include <catch2/catch.hpp>

#include "configuration/document_routes.hpp"
#include "configuration_test_support.hpp"
#include "inquiry_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 20);
const std::string manual = "チャットボット 運用マニュアル\r\n1. 再起動の手順\r\n";

httplib::Result upload(SignedIn& user, const std::string& path, const std::string& bytes, const std::string& type) {
    return user.client->Post(path.c_str(), bytes, type.c_str());
}

}  // namespace

TEST_CASE("a document is uploaded, gets versions and is downloaded byte for byte", "[configuration][document]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto auditor = signed_in_user(server, {"auditor1", {Role::auditor}});
    const auto bot = create_item(server, desk, "service", "チャットボット");
    const auto query = "/documents?title=%E9%81%8B%E7%94%A8%E3%83%9E%E3%83%8B%E3%83%A5%E3%82%A2%E3%83%AB"
                       "&kind=operations_manual&file_name=%E6%89%8B%E9%A0%86.txt";
    const auto uploaded = audited(server, [&] { return upload(desk, item_path(bot, query), manual, "text/plain; charset=utf-8"); });
    REQUIRE(uploaded);
    INFO(uploaded->body);
    REQUIRE(uploaded->status == 201);
    const auto document = json_of(uploaded)["document"];
    CHECK(document["title"] == "運用マニュアル");
    CHECK(document["kind"] == "operations_manual");
    REQUIRE(document["versions"].size() == 1);
    CHECK(document["versions"][0]["file_name"] == "手順.txt");
    CHECK(document["versions"][0]["content_type"] == "text/plain");
    CHECK(document["versions"][0]["size"] == manual.size());
    CHECK(document["versions"][0]["sha256"].get<std::string>().size() == 64);

    const auto document_path = item_path(bot, "/documents/" + std::to_string(document["id"].get<std::int64_t>()));
    const auto second = audited(server, [&] { return upload(desk, document_path + "/versions?file_name=diagram.png", png, "image/png"); });
    REQUIRE(second->status == 201);
    CHECK(json_of(second)["document"]["versions"][1]["number"] == 2);

    const auto listed = get_ok(auditor, item_path(bot, "/documents"))["documents"];
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["versions"].size() == 2);

    const auto first_file = auditor.client->Get((document_path + "/versions/1/content").c_str());
    REQUIRE(first_file->status == 200);
    CHECK(first_file->body == manual);
    CHECK(first_file->get_header_value("Content-Type") == "text/plain");
    // httplib's client percent-decodes header values as it reads them: the header on the wire
    // is filename*=UTF-8''%E6%89%8B%E9%A0%86.txt (content_disposition's test below).
    CHECK(first_file->get_header_value("Content-Disposition") == "attachment; filename=\"______.txt\"; filename*=UTF-8''手順.txt");
    const auto image = auditor.client->Get((document_path + "/versions/2/content").c_str());
    CHECK(image->body == png);  // NUL bytes and all
    CHECK(image->get_header_value("Content-Type") == "image/png");
    CHECK(auditor.client->Get((document_path + "/versions/3/content").c_str())->status == 404);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action LIKE 'document.%'") == 2);
}

TEST_CASE("an upload whose bytes are not its type, or of another type, is a JSON 415", "[configuration][document]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto bot = create_item(server, desk, "service", "チャットボット");
    const auto path = item_path(bot, "/documents?title=manual&kind=manual&file_name=manual.pdf");
    const auto mismatch = upload(desk, path, png, "application/pdf");
    CHECK(mismatch->status == 415);
    CHECK(json_of(mismatch)["error"]["code"] == "content_type_refused");
    CHECK(json_of(mismatch)["error"]["fields"]["Content-Type"] == "does not match what the file contains");
    const auto executable = upload(desk, path, "MZ\x90\x00", "application/x-msdownload");
    CHECK(executable->status == 415);
    CHECK(json_of(executable)["error"]["fields"]["Content-Type"] ==
          "is not PDF, PNG, JPEG, Word/Excel/PowerPoint, plain text or CSV");
    CHECK(upload(desk, path, "\x83\x65\x83\x4c", "text/plain")->status == 415);  // Shift_JIS is not UTF-8
    const auto unnamed = upload(desk, item_path(bot, "/documents?kind=manual"), "%PDF-1.7", "application/pdf");
    CHECK(unnamed->status == 400);
    CHECK(error_fields(unnamed) == std::vector<std::string>{"file_name", "title"});
    CHECK(error_fields(upload(desk, item_path(bot, "/documents?title=t&kind=secret&file_name=a.pdf"), "%PDF-1.7",
                              "application/pdf")) == std::vector<std::string>{"kind"});
    CHECK(upload(desk, "/api/v1/configuration-items/99/documents?title=t&kind=manual&file_name=a.pdf", "%PDF-1.7",
                 "application/pdf")->status == 404);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM document_versions") == 0);
}

TEST_CASE("documents up to 20 MB are kept, a larger one is a JSON 413, and JSON bodies keep their 1 MB", "[configuration][document]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto bot = create_item(server, desk, "service", "チャットボット");
    const auto path = item_path(bot, "/documents?title=scan&kind=manual&file_name=scan.pdf");
    std::string largest = "%PDF-1.7\n";
    largest.resize(20 * 1024 * 1024, 'x');
    CHECK(upload(desk, path, largest, "application/pdf")->status == 201);
    const auto too_large = upload(desk, path, largest + "x", "application/pdf");
    REQUIRE(too_large);
    CHECK(too_large->status == 413);
    CHECK(json_of(too_large)["error"]["code"] == "payload_too_large");
    const auto json_too_large = desk.client->Post(item_path(bot, "/settings").c_str(), std::string(1024 * 1024 + 1, ' '),
                                                  "application/json");
    CHECK(json_too_large->status == 413);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM document_versions") == 1);
}

TEST_CASE("the download's file name reaches every browser", "[configuration][document]") {
    using madoguchi::server::configuration::content_disposition;
    CHECK(content_disposition("manual.pdf") == "attachment; filename=\"manual.pdf\"; filename*=UTF-8''manual.pdf");
    CHECK(content_disposition("a \"b\".pdf") == "attachment; filename=\"a _b_.pdf\"; filename*=UTF-8''a%20%22b%22.pdf");
}

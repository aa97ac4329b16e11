// Ticket attachments over real HTTP and SQLite: stored, listed and downloaded byte for byte,
// in the timeline and the audit trail; refused at 413 and 415 with nothing written but the
// refusal's audit record; another's ticket is a 404 and internal attachments stay with the desk.
#include <catch2/catch.hpp>

#include "configuration_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"
#include "inventory/import_routes.hpp"
#include "tickets/ticket_attachments.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
using madoguchi::server::inventory::max_import_bytes;
using madoguchi::server::tickets::most_attachment_bytes;

namespace {

const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 20);
const std::string log_text = "2026-11-26 09:12 印刷ジョブがタイムアウトしました\r\n";
// 画面.png, percent-encoded for the query.
const std::string screen_png = "%E7%94%BB%E9%9D%A2.png";

std::string ticket_path(const json& ticket, const std::string& rest = "") {
    return "/api/v1/tickets/" + std::to_string(ticket["id"].get<std::int64_t>()) + rest;
}

json open_ticket(const RunningApp& server, SignedIn& staff) {
    const auto response = audited(server, [&] {
        return post_json(staff, "/api/v1/tickets",
                         {{"kind", "inquiry"}, {"title", "印刷できない"}, {"body", "エラー画面を添付します"}, {"category", "device"}});
    });
    REQUIRE(response);
    REQUIRE(response->status == 201);
    return json_of(response)["ticket"];
}

httplib::Result attach(SignedIn& user, const json& ticket, const std::string& query, const std::string& bytes,
                       const std::string& type) {
    return user.client->Post(ticket_path(ticket, "/attachments?" + query).c_str(), bytes, type.c_str());
}

std::int64_t attachment_id(const httplib::Result& response) {
    return json_of(response)["attachment"]["id"].get<std::int64_t>();
}

std::int64_t status_of_get(SignedIn& user, const std::string& path) {
    const auto response = user.client->Get(path.c_str());
    REQUIRE(response);
    return response->status;
}

// The audit records of refused requests, oldest first: actor, object_id and the after JSON.
std::vector<json> refused_uploads(const RunningApp& server) {
    auto database = madoguchi::server::store::Database::open(server.database_path());
    REQUIRE(database);
    auto select = database.value().prepare(
        "SELECT actor, object_id, after_json FROM audit_log WHERE action = 'ticket.refused' ORDER BY id");
    REQUIRE(select);
    std::vector<json> rows;
    while (select.value().step().value()) {
        const auto& row = select.value();
        rows.push_back({{"actor", row.column_text(0)}, {"object_id", row.column_text(1)},
                        {"after", json::parse(row.column_text(2))}});
    }
    return rows;
}

}  // namespace

TEST_CASE("an attachment is stored, listed, downloaded byte for byte and shown in the timeline", "[tickets][attachments]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto ticket = open_ticket(server, staff);

    const auto uploaded = audited(server, [&] { return attach(staff, ticket, "file_name=" + screen_png, png, "image/png"); });
    REQUIRE(uploaded);
    INFO(uploaded->body);
    REQUIRE(uploaded->status == 201);
    const auto answer = json_of(uploaded);
    CHECK(answer["attachment"]["file_name"] == "画面.png");
    CHECK(answer["attachment"]["content_type"] == "image/png");
    CHECK(answer["attachment"]["size"] == png.size());
    CHECK(answer["attachment"]["visibility"] == "public");
    CHECK(answer["attachment"]["uploaded_by"] == "staff1");
    CHECK(answer["timeline"].back()["type"] == "attachment");
    CHECK(answer["timeline"].back()["comment"] == "画面.png");

    const auto listed = get_ok(desk, ticket_path(ticket, "/attachments"))["attachments"];
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["sha256"].get<std::string>().size() == 64);
    const auto file = desk.client->Get(ticket_path(ticket, "/attachments/" + std::to_string(attachment_id(uploaded)) + "/content").c_str());
    REQUIRE(file);
    CHECK(file->status == 200);
    CHECK(file->body == png);  // NUL bytes and all
    CHECK(file->get_header_value("Content-Type") == "image/png");
    CHECK(file->get_header_value("Content-Disposition").find("filename*=UTF-8''画面.png") != std::string::npos);

    CHECK(count_rows(server.database_path(),
                     "SELECT count(*) FROM audit_log WHERE action = 'ticket.attached' AND object_type = 'ticket' AND object_id = '" +
                         std::to_string(ticket["id"].get<std::int64_t>()) + "'") == 1);
}

TEST_CASE("an oversized attachment is a JSON 413 and a mistyped one a 415, with nothing written but the refusal's audit record",
          "[tickets][attachments]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    const auto ticket = open_ticket(server, staff);
    const auto events_before = count_rows(server.database_path(), "SELECT count(*) FROM ticket_events");
    const auto audit_before = audit_rows(server);

    std::string largest(most_attachment_bytes, 'a');
    std::string one_too_many = largest + "a";
    const auto too_large = attach(staff, ticket, "file_name=log.txt", one_too_many, "text/plain");
    REQUIRE(too_large);
    CHECK(too_large->status == 413);
    CHECK(json_of(too_large)["error"]["code"] == "payload_too_large");
    // Beyond what any route takes (imports: 20 MB), httplib skips the body unread; the refusal
    // is the API's error all the same, and audited like the others.
    const auto far_too_large = attach(staff, ticket, "file_name=big.log", std::string(max_import_bytes + 1, 'a'), "text/plain");
    REQUIRE(far_too_large);
    CHECK(far_too_large->status == 413);
    CHECK(json_of(far_too_large)["error"]["code"] == "payload_too_large");

    const auto mismatch = attach(staff, ticket, "file_name=report.pdf", png, "application/pdf");
    REQUIRE(mismatch);
    CHECK(mismatch->status == 415);
    CHECK(json_of(mismatch)["error"]["code"] == "content_type_refused");
    CHECK(json_of(mismatch)["error"]["fields"].contains("Content-Type"));
    const auto program = attach(staff, ticket, "file_name=setup.exe", "MZ\x90", "application/x-msdownload");
    REQUIRE(program);
    CHECK(program->status == 415);
    const auto no_name = attach(staff, ticket, "file_name=", log_text, "text/plain");
    REQUIRE(no_name);
    CHECK(no_name->status == 400);
    CHECK(error_fields(no_name) == std::vector<std::string>{"file_name"});

    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM ticket_attachments") == 0);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM ticket_events") == events_before);
    // Each refusal is on the trail: who, which ticket, the file's name, type and size, why;
    // never its bytes.
    const auto refusals = refused_uploads(server);
    CHECK(audit_rows(server) == audit_before + 5);
    REQUIRE(refusals.size() == 5);
    const auto ticket_id = std::to_string(ticket["id"].get<std::int64_t>());
    for (const auto& refusal : refusals) {
        CHECK(refusal["actor"] == "staff1");
        CHECK(refusal["object_id"] == ticket_id);
        CHECK(refusal["after"]["path"] == ticket_path(ticket, "/attachments"));
    }
    CHECK(refusals[0]["after"]["status"] == 413);
    CHECK(refusals[0]["after"]["error"]["code"] == "payload_too_large");
    CHECK(refusals[0]["after"]["file_name"] == "log.txt");
    CHECK(refusals[0]["after"]["size"] == one_too_many.size());
    // Unread, its size is the one its Content-Length declared.
    CHECK(refusals[1]["after"]["status"] == 413);
    CHECK(refusals[1]["after"]["error"]["code"] == "payload_too_large");
    CHECK(refusals[1]["after"]["file_name"] == "big.log");
    CHECK(refusals[1]["after"]["content_type"] == "text/plain");
    CHECK(refusals[1]["after"]["size"] == max_import_bytes + 1);
    CHECK(refusals[2]["after"]["status"] == 415);
    CHECK(refusals[2]["after"]["file_name"] == "report.pdf");
    CHECK(refusals[2]["after"]["content_type"] == "application/pdf");
    CHECK(refusals[2]["after"]["size"] == png.size());
    CHECK(refusals[2]["after"]["error"]["fields"].contains("Content-Type"));
    CHECK(refusals[3]["after"]["file_name"] == "setup.exe");
    CHECK(refusals[4]["after"]["status"] == 400);
    CHECK(count_rows(server.database_path(), "SELECT max(length(after_json)) FROM audit_log") < 1000);

    // Exactly the limit is kept.
    const auto at_limit = audited(server, [&] { return attach(staff, ticket, "file_name=log.txt", largest, "text/plain"); });
    REQUIRE(at_limit);
    CHECK(at_limit->status == 201);
}

TEST_CASE("only the attachment route audits a body skipped unread, and a malformed Content-Length is a 400",
          "[tickets][attachments][errors]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    const auto ticket = open_ticket(server, staff);
    const auto audit_before = audit_rows(server);
    const std::string beyond_every_route(max_import_bytes + 1, ' ');

    // A JSON route keeps its plain 413, whether httplib skipped the body or read it.
    const auto skipped = staff.client->Post("/api/v1/tickets", beyond_every_route, "application/json");
    REQUIRE(skipped);
    CHECK(skipped->status == 413);
    CHECK(json_of(skipped)["error"]["code"] == "payload_too_large");
    const auto read = staff.client->Post(ticket_path(ticket, "/notes").c_str(), std::string(2 * 1024 * 1024, ' '),
                                         "application/json");
    REQUIRE(read);
    CHECK(read->status == 413);
    // Someone not signed in meets the gate first, as on any route, and leaves no record.
    httplib::Client anonymous("127.0.0.1", server.port());
    const auto unsigned_upload = anonymous.Post(ticket_path(ticket, "/attachments?file_name=big.log").c_str(),
                                                beyond_every_route, "text/plain");
    REQUIRE(unsigned_upload);
    CHECK(unsigned_upload->status == 401);
    CHECK(audit_rows(server) == audit_before);

    // Not a plain number: refused before anything is read or skipped (httplib would take
    // "abc" for no body and "-1" for 2^64-1 bytes to wait for).
    for (const std::string length : {"abc", "-1", "12x"}) {
        INFO("Content-Length: " << length);
        const auto answer = send_raw_request(server.port(), "POST " + ticket_path(ticket, "/attachments?file_name=a.txt") +
                                                                " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + staff.cookie +
                                                                "\r\nX-CSRF-Token: " + staff.csrf_token +
                                                                "\r\nContent-Type: text/plain\r\nContent-Length: " + length +
                                                                "\r\nConnection: close\r\n\r\nabc");
        CHECK(answer.starts_with("HTTP/1.1 400 "));
        CHECK(answer.find("\"Content-Length\"") != std::string::npos);
    }
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM ticket_attachments") == 0);
    CHECK(audit_rows(server) == audit_before);
}

TEST_CASE("another's ticket's attachments are a 404, and internal ones stay with the desk", "[tickets][attachments][authorisation]") {
    RunningApp server;
    auto owner = signed_in_user(server, {"staff1", {Role::staff}});
    auto other = signed_in_user(server, {"staff2", {Role::staff}});
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto vendor = signed_in_user(server, {"vendor1", {Role::vendor}, test_division, "株式会社リコー"});
    const auto ticket = open_ticket(server, owner);
    const auto mine = audited(server, [&] { return attach(owner, ticket, "file_name=log.txt", log_text, "text/plain"); });
    REQUIRE(mine->status == 201);
    const auto internal = audited(server, [&] {
        return attach(desk, ticket, "file_name=memo.txt&visibility=internal", "ベンダーへの申し送り", "text/plain");
    });
    REQUIRE(internal->status == 201);
    const auto mine_path = ticket_path(ticket, "/attachments/" + std::to_string(attachment_id(mine)) + "/content");
    const auto internal_path = ticket_path(ticket, "/attachments/" + std::to_string(attachment_id(internal)) + "/content");

    for (auto* stranger : {&other, &vendor}) {
        CHECK(status_of_get(*stranger, ticket_path(ticket, "/attachments")) == 404);
        CHECK(status_of_get(*stranger, mine_path) == 404);
        const auto added = attach(*stranger, ticket, "file_name=x.txt", "x", "text/plain");
        REQUIRE(added);
        CHECK(added->status == 404);
    }

    const auto owners_list = get_ok(owner, ticket_path(ticket, "/attachments"))["attachments"];
    REQUIRE(owners_list.size() == 1);
    CHECK(owners_list[0]["file_name"] == "log.txt");
    CHECK(status_of_get(owner, mine_path) == 200);
    CHECK(status_of_get(owner, internal_path) == 404);
    const auto owners_view = get_ok(owner, ticket_path(ticket));
    REQUIRE(owners_view["timeline"].size() == 2);  // created, log.txt
    for (const auto& event : owners_view["timeline"]) CHECK(event["comment"] != "memo.txt");
    const auto owners_internal = attach(owner, ticket, "file_name=y.txt&visibility=internal", "y", "text/plain");
    REQUIRE(owners_internal);
    CHECK(owners_internal->status == 403);
    const auto refusals = refused_uploads(server);
    REQUIRE(refusals.size() == 1);
    CHECK(refusals[0]["actor"] == "staff1");
    CHECK(refusals[0]["after"]["status"] == 403);
    CHECK(refusals[0]["after"]["file_name"] == "y.txt");

    CHECK(get_ok(desk, ticket_path(ticket, "/attachments"))["attachments"].size() == 2);
    CHECK(status_of_get(desk, internal_path) == 200);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM ticket_attachments") == 2);
}

#include <catch2/catch.hpp>

#include <regex>

#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace i18n = madoguchi::i18n;
namespace calendar = madoguchi::calendar;

namespace {

json created_inquiry(httplib::Client& client, const json& body) {
    const auto response = post_inquiry(client, body.dump());
    REQUIRE(response);
    REQUIRE(response->status == 201);
    return json_of(response)["inquiry"];
}

void check_error_code(const httplib::Result& response, int status, const std::string& code) {
    REQUIRE(response);
    CHECK(response->status == status);
    CHECK(response->get_header_value("Content-Type") == "application/json; charset=utf-8");
    const auto body = json_of(response);
    CHECK(body["error"]["code"] == code);
    CHECK_FALSE(body["error"]["message_ja"].get<std::string>().empty());
}

}  // namespace

TEST_CASE("a submitted inquiry is received with a number and can be read back", "[inquiries]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    const auto sent = sample_inquiry();
    const auto response = post_inquiry(*client, sent.dump());
    REQUIRE(response);
    CHECK(response->status == 201);
    CHECK(response->get_header_value("Content-Type") == "application/json; charset=utf-8");
    CHECK_FALSE(response->has_header("Idempotency-Replayed"));
    const auto inquiry = json_of(response)["inquiry"];
    for (const auto& [field, value] : sent.items()) CHECK(inquiry[field] == value);
    CHECK(inquiry["id"].is_number_integer());
    CHECK(inquiry["status"] == "received");
    CHECK(std::regex_match(inquiry["received_at"].get<std::string>(),
                           std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    // The number's year is the Tokyo year of the moment received (Dec 31 from 15:00 UTC is already next year).
    const auto received = calendar::parse_iso8601(inquiry["received_at"].get<std::string>()).instant;
    REQUIRE(received);
    std::string expected_number = "INQ-";
    expected_number += std::to_string(calendar::to_tokyo(*received).date.year) + "-000001";
    CHECK(inquiry["number"] == expected_number);

    std::string path = "/api/v1/inquiries/";
    path += std::to_string(inquiry["id"].get<int>());
    const auto read = client->Get(path.c_str());
    REQUIRE(read);
    CHECK(read->status == 200);
    CHECK(json_of(read) == json{{"inquiry", inquiry}});
}

TEST_CASE("inquiries are listed newest first, in pages, with the total", "[inquiries]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    std::vector<json> created;
    for (int index = 1; index <= 3; ++index) {
        created.push_back(created_inquiry(*client, sample_inquiry(std::string("件名 ").append(std::to_string(index)))));
    }
    CHECK(created[1]["number"].get<std::string>().ends_with("-000002"));
    CHECK(created[2]["number"].get<std::string>().ends_with("-000003"));

    const auto all = json_of(client->Get("/api/v1/inquiries"));
    CHECK(all["total"] == 3);
    CHECK(all["inquiries"] == json{created[2], created[1], created[0]});

    const auto page = json_of(client->Get("/api/v1/inquiries?limit=1&offset=1"));
    CHECK(page["total"] == 3);
    CHECK(page["inquiries"] == json{created[1]});
    const auto beyond = json_of(client->Get("/api/v1/inquiries?offset=10"));
    CHECK(beyond["total"] == 3);
    CHECK(beyond["inquiries"] == json::array());
}

TEST_CASE("bad paging parameters are named", "[inquiries]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    check_invalid_parameter(client->Get("/api/v1/inquiries?limit=abc&offset=1.5"), {"limit", "offset"},
                            "field.not_integer");
    check_invalid_parameter(client->Get("/api/v1/inquiries?limit=0"), {"limit"}, "field.limit_out_of_range");
    check_invalid_parameter(client->Get("/api/v1/inquiries?limit=201"), {"limit"}, "field.limit_out_of_range");
    check_invalid_parameter(client->Get("/api/v1/inquiries?offset=-1"), {"offset"}, "field.negative");
    CHECK(client->Get("/api/v1/inquiries?limit=200")->status == 200);
}

TEST_CASE("an inquiry that does not exist is a 404, an id that is no number a 400", "[inquiries]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    check_error_code(client->Get("/api/v1/inquiries/1"), 404, "not_found");
    check_error_code(client->Get("/api/v1/inquiries/-5"), 404, "not_found");
    check_invalid_parameter(client->Get("/api/v1/inquiries/abc"), {"id"}, "field.not_integer");
    check_invalid_parameter(client->Get("/api/v1/inquiries/99999999999999999999"), {"id"}, "field.not_integer");
}

TEST_CASE("an invalid inquiry is refused with 422 naming every field, and nothing is stored", "[inquiries]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    const json empty_fields{{"requester_name", "\u3000"}, {"division", ""},     {"contact", ""},
                            {"category", "printer"},      {"subject", "a\nb"}, {"body", std::string(10001, 'x')}};
    const auto response = post_inquiry(*client, empty_fields.dump());
    check_error_code(response, 422, "validation_failed");
    const auto fields = json_of(response)["error"]["fields"];
    CHECK(fields == json{{"requester_name", i18n::text("field.required", i18n::Language::en)},
                         {"division", i18n::text("field.required", i18n::Language::en)},
                         {"contact", i18n::text("field.required", i18n::Language::en)},
                         {"category", i18n::text("field.unknown_category", i18n::Language::en)},
                         {"subject", i18n::text("field.control_character", i18n::Language::en)},
                         {"body", i18n::text("field.too_long_10000", i18n::Language::en)}});

    check_error_code(post_inquiry(*client, "{}"), 422, "validation_failed");
    CHECK(error_fields(post_inquiry(*client, "{}")).size() == 6);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM tickets WHERE kind = 'inquiry'") == 0);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE object_type = 'ticket'") == 0);
    CHECK(json_of(client->Get("/api/v1/inquiries"))["total"] == 0);
}

TEST_CASE("wrong JSON types and unknown members are field problems", "[inquiries]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    auto body = sample_inquiry();
    body["subject"] = 42;
    body["body"] = json::array({"a"});
    body["id"] = 7;
    const auto response = post_inquiry(*client, body.dump());
    check_error_code(response, 422, "validation_failed");
    CHECK(json_of(response)["error"]["fields"] ==
          json{{"subject", i18n::text("field.not_string", i18n::Language::en)},
               {"body", i18n::text("field.not_string", i18n::Language::en)},
               {"id", i18n::text("field.unknown_field", i18n::Language::en)}});
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM tickets WHERE kind = 'inquiry'") == 0);
}

TEST_CASE("a body that is not a JSON object is a 400", "[inquiries]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    for (const auto* body : {"", "not json", "{\"requester_name\": ", "[1, 2]", "\"text\"", "null",
                             "{\"subject\": \"\xE7\xAA\"}"}) {
        INFO(body);
        check_error_code(post_inquiry(*client, body), 400, "bad_request");
    }
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM tickets WHERE kind = 'inquiry'") == 0);
}

TEST_CASE("a created inquiry is a ticket with exactly one audit record of what was created", "[inquiries][audit]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    const auto sent = sample_inquiry();
    const auto inquiry = created_inquiry(*client, sent);
    (void)created_inquiry(*client, sample_inquiry("別件"));
    const auto id = std::to_string(inquiry["id"].get<int>());
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'ticket.created'") == 2);
    std::string count_for_object = "SELECT count(*) FROM audit_log WHERE object_type = 'ticket' AND object_id = '";
    count_for_object += id + "'";
    CHECK(count_rows(server.database_path(), count_for_object) == 1);

    auto database = madoguchi::server::store::Database::open(server.database_path());
    REQUIRE(database);
    auto row = database.value().prepare(
        "SELECT action, actor, before_json IS NULL, after_json, occurred_at, actor_roles, source_address FROM audit_log "
        "WHERE object_type = 'ticket' AND object_id = ?1");
    REQUIRE(row);
    row.value().bind(1, id);
    REQUIRE(row.value().step().value());
    CHECK(row.value().column_text(0) == "ticket.created");
    CHECK(row.value().column_text(1) == "staff1");
    CHECK(row.value().column_int(2) == 1);
    const auto after = json::parse(row.value().column_text(3));
    CHECK(after["number"] == inquiry["number"]);
    CHECK(after["kind"] == "inquiry");
    CHECK(after["title"] == sent["subject"]);
    CHECK(after["contact"] == json{{"requester_name", sent["requester_name"]},
                                   {"division", sent["division"]},
                                   {"contact", sent["contact"]}});
    CHECK(row.value().column_text(4).ends_with("Z"));
    CHECK(row.value().column_text(5) == "staff");
    CHECK(row.value().column_text(6) == "127.0.0.1");
}

TEST_CASE("a submitted inquiry is a ticket of kind inquiry the ticket API shows", "[inquiries][tickets]") {
    RunningApp server;
    auto client = signed_in_user(server, {"staff1", {Role::staff}}).client;
    const auto sent = sample_inquiry();
    const auto inquiry = created_inquiry(*client, sent);
    CHECK(inquiry["ticket_id"] == inquiry["id"]);
    CHECK(inquiry["ticket_number"] == inquiry["number"]);
    CHECK(inquiry["requester_login"] == "staff1");
    CHECK(inquiry["updated_at"] == inquiry["received_at"]);
    CHECK(inquiry["answered_at"].is_null());

    const auto ticket = json_of(client->Get(("/api/v1/tickets/" + std::to_string(inquiry["id"].get<int>())).c_str()));
    CHECK(ticket["ticket"]["kind"] == "inquiry");
    CHECK(ticket["ticket"]["number"] == inquiry["number"]);
    CHECK(ticket["ticket"]["title"] == sent["subject"]);
    CHECK(ticket["ticket"]["body"] == sent["body"]);
    CHECK(ticket["ticket"]["category"] == sent["category"]);
    CHECK(ticket["ticket"]["state"] == "received");
    CHECK(ticket["ticket"]["priority"] == "p4");
    CHECK_FALSE(ticket["ticket"]["sla_due_at"].is_null());
    // A ticket of kind inquiry opened through the ticket API is listed too, the account standing in for the form.
    const auto opened = client->Post("/api/v1/tickets",
                                     json{{"kind", "inquiry"}, {"title", "別の窓口から"}, {"body", "本文"}, {"category", "other"}}.dump(),
                                     "application/json");
    REQUIRE(opened->status == 201);
    const auto listed = json_of(client->Get("/api/v1/inquiries"));
    CHECK(listed["total"] == 2);
    CHECK(listed["inquiries"][0]["subject"] == "別の窓口から");
    CHECK(listed["inquiries"][0]["requester_login"] == "staff1");
}

TEST_CASE("the requester follows an inquiry: the desk's public answer, not its internal note, and mine=true", "[inquiries][tickets]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"staff1", {Role::staff, Role::manager}, "D-SOUMU"});
    auto colleague = signed_in_user(server, {"staff2", {Role::staff}, "D-SOUMU"});
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}, "D-DESK"});
    const auto own = created_inquiry(*staff.client, sample_inquiry("自分の件"));
    (void)created_inquiry(*colleague.client, sample_inquiry("同僚の件"));
    const auto notes = "/api/v1/tickets/" + std::to_string(own["id"].get<int>()) + "/notes";

    // The requester's own reply is no answer.
    REQUIRE(staff.client->Post(notes.c_str(), json{{"text", "補足です"}}.dump(), "application/json")->status == 201);
    const auto replied = json_of(staff.client->Get("/api/v1/inquiries?mine=true"));
    REQUIRE(replied["total"] == 1);
    CHECK(replied["inquiries"][0]["answered_at"].is_null());

    REQUIRE(desk.client->Post(notes.c_str(), json{{"text", "内部メモ"}, {"visibility", "internal"}}.dump(),
                              "application/json")->status == 201);
    CHECK(json_of(staff.client->Get("/api/v1/inquiries?mine=true"))["inquiries"][0]["answered_at"].is_null());
    REQUIRE(desk.client->Post(notes.c_str(), json{{"text", "再起動してください"}}.dump(), "application/json")->status == 201);
    const auto answered = json_of(staff.client->Get("/api/v1/inquiries?mine=true"))["inquiries"][0];
    CHECK_FALSE(answered["answered_at"].is_null());
    CHECK(answered["updated_at"] == answered["answered_at"]);

    // As a manager the same reader sees the division's inquiries; mine=true only their own.
    CHECK(json_of(staff.client->Get("/api/v1/inquiries"))["total"] == 2);
    CHECK(json_of(staff.client->Get("/api/v1/inquiries?mine=false"))["total"] == 2);
    check_invalid_parameter(staff.client->Get("/api/v1/inquiries?mine=yes"), {"mine"}, "field.not_boolean");
}

TEST_CASE("the IT office and admins read inquiries but do not submit them", "[inquiries]") {
    RunningApp server;
    for (const auto role : {Role::it_office, Role::admin}) {
        auto client = signed_in_user(server, {role == Role::admin ? "admin1" : "it1", {role}}).client;
        CHECK(post_inquiry(*client, sample_inquiry().dump())->status == 403);
        CHECK(client->Get("/api/v1/inquiries")->status == 200);
    }
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM tickets") == 0);
}

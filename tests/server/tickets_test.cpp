// Tickets over real HTTP and SQLite: opening each kind by the roles allowed, who sees which
// ticket, the workflow's refusals, notes, changes with versions, links and the audit trail.
#include <catch2/catch.hpp>

#include <regex>

#include "calendar/tokyo_time.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"
#include "tickets/workflow.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace domain = madoguchi::tickets;

namespace {

json ticket_body(const std::string& kind, const std::string& title = "複合機が印刷できない") {
    return {{"kind", kind}, {"title", title}, {"body", "3階の複合機で紙詰まり表示が消えません。"}, {"category", "device"}};
}

httplib::Result post(SignedIn& user, const std::string& path, const json& body) {
    return user.client->Post(path.c_str(), body.dump(), "application/json");
}

std::string path_of(const json& ticket, const std::string& rest = "") {
    return "/api/v1/tickets/" + std::to_string(ticket["id"].get<std::int64_t>()) + rest;
}

json opened(const RunningApp& server, SignedIn& user, const json& body) {
    const auto response = audited(server, [&] { return post(user, "/api/v1/tickets", body); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["ticket"];
}

json read(SignedIn& user, const json& ticket) {
    const auto response = user.client->Get(path_of(ticket).c_str());
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    return json_of(response);
}

httplib::Result move(const RunningApp& server, SignedIn& user, const json& ticket, const std::string& to,
                     const std::string& comment = "") {
    const auto current = read(user, ticket)["ticket"];
    json body{{"to", to}, {"version", current["version"]}};
    if (!comment.empty()) body["comment"] = comment;
    return audited(server, [&] { return post(user, path_of(ticket, "/transitions"), body); });
}

std::vector<std::string> numbers_listed(SignedIn& user, const std::string& query = "") {
    const auto response = user.client->Get(("/api/v1/tickets" + query).c_str());
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    std::vector<std::string> numbers;
    const auto page = json_of(response);
    for (const auto& ticket : page["tickets"]) numbers.push_back(ticket["number"].get<std::string>());
    return numbers;
}

std::int64_t audit_count(const RunningApp& server, const std::string& action, const json& ticket) {
    return count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE object_type = 'ticket' AND action = '" +
                                                  action + "' AND object_id = '" +
                                                  std::to_string(ticket["id"].get<std::int64_t>()) + "'");
}

}  // namespace

TEST_CASE("each kind is opened exactly by the roles its workflow names, numbered per kind and year", "[tickets][api]") {
    RunningApp server;
    const std::vector<std::pair<Role, std::string>> people{
        {Role::staff, "staff1"}, {Role::manager, "manager1"}, {Role::desk_operator, "desk1"}, {Role::it_office, "ito1"}};
    std::vector<SignedIn> users;
    for (const auto& [role, login] : people) users.push_back(signed_in_user(server, {login, {role}}));
    const auto year = std::to_string(madoguchi::calendar::to_tokyo(madoguchi::calendar::now()).date.year);
    std::map<std::string, int> opened_of_kind;
    for (const auto kind : domain::ticket_kinds()) {
        const auto kind_name = std::string(domain::kind_name(kind));
        for (std::size_t i = 0; i < people.size(); ++i) {
            INFO(kind_name << " by " << people[i].second);
            const std::vector<Role> roles{people[i].first};
            const auto response = audited(server, [&] { return post(users[i], "/api/v1/tickets", ticket_body(kind_name)); });
            REQUIRE(response);
            if (domain::may_create(kind, roles)) {
                REQUIRE(response->status == 201);
                const auto answer = json_of(response);
                const auto& ticket = answer["ticket"];
                CHECK(ticket["kind"] == kind_name);
                CHECK(ticket["state"] == domain::state_name(domain::workflow_of(kind).initial));
                CHECK(ticket["requester_login"] == people[i].second);
                CHECK(std::regex_match(ticket["number"].get<std::string>(), std::regex("[A-Z]{3}-" + year + "-\\d{6}")));
                const auto sequence = std::stoi(ticket["number"].get<std::string>().substr(9));
                CHECK(sequence == ++opened_of_kind[kind_name]);
                CHECK(answer["timeline"].size() == 1);
                CHECK(answer["sla"].contains("due_at"));
            } else {
                CHECK(response->status == 403);
                CHECK(json_of(response)["error"]["code"] == "forbidden");
                CHECK(error_fields(response) == std::vector<std::string>{"kind"});
            }
        }
    }
    // Staff open inquiries, incidents, requests and security incidents; never problems,
    // changes or releases.
    CHECK(opened_of_kind["inquiry"] == 4 - 1);  // not by the IT office
    CHECK(opened_of_kind["problem"] == 2);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM tickets") ==
          count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'ticket.created'"));
}

TEST_CASE("a bad ticket is refused with every field named, nothing written", "[tickets][api]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    json bad{{"kind", "rumour"}, {"title", "  "}, {"body", "x"}, {"category", "printer"}, {"priority", "p0"}};
    const auto response = post(staff, "/api/v1/tickets", bad);
    REQUIRE(response);
    CHECK(response->status == 422);
    CHECK(error_fields(response) == std::vector<std::string>{"category", "kind", "priority", "title"});
    const auto unknown = post(staff, "/api/v1/tickets", json{{"kind", "incident"}, {"colour", "red"}});
    CHECK(unknown->status == 400);
    CHECK(post(staff, "/api/v1/tickets", json::array())->status == 400);
    auto devices = ticket_body("incident");
    devices["device_ids"] = json{999};
    const auto missing = post(staff, "/api/v1/tickets", devices);
    CHECK(missing->status == 422);
    CHECK(error_fields(missing) == std::vector<std::string>{"device_ids"});
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM tickets") == 0);
}

TEST_CASE("a repeated create under one Idempotency-Key answers the first ticket again", "[tickets][api][idempotency]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    const httplib::Headers headers{{"Idempotency-Key", "draft-42"}};
    const auto body = ticket_body("inquiry").dump();
    const auto first = staff.client->Post("/api/v1/tickets", headers, body, "application/json");
    const auto again = staff.client->Post("/api/v1/tickets", headers, body, "application/json");
    REQUIRE(first);
    REQUIRE(again);
    CHECK(first->status == 201);
    CHECK(again->status == 201);
    CHECK(again->get_header_value("Idempotency-Replayed") == "true");
    CHECK(json_of(again)["ticket"] == json_of(first)["ticket"]);
    const auto other = staff.client->Post("/api/v1/tickets", headers, ticket_body("incident").dump(), "application/json");
    CHECK(other->status == 409);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM tickets") == 1);
}

TEST_CASE("the desk logs a phone inquiry for a requester, and staff cannot write for someone else", "[tickets][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto suzuki = signed_in_user(server, {"suzuki", {Role::staff}, "D-SOMU"});
    auto body = ticket_body("inquiry", "電話: パスワードを忘れた");
    body["requester_login"] = "suzuki";
    const auto ticket = opened(server, desk, body);
    CHECK(ticket["requester_login"] == "suzuki");
    CHECK(ticket["division_code"] == "D-SOMU");
    CHECK(read(suzuki, ticket)["ticket"]["title"] == "電話: パスワードを忘れた");
    body["requester_login"] = "desk1";
    const auto for_other = post(suzuki, "/api/v1/tickets", body);
    CHECK(for_other->status == 403);
    CHECK(error_fields(for_other) == std::vector<std::string>{"requester_login"});
    body["requester_login"] = "nobody";
    CHECK(post(desk, "/api/v1/tickets", body)->status == 422);
}

TEST_CASE("staff see only their own tickets, managers their division's, vendors their company's", "[tickets][api][authorisation]") {
    RunningApp server;
    auto suzuki = signed_in_user(server, {"suzuki", {Role::staff}, "D-SOMU"});
    auto kato = signed_in_user(server, {"kato", {Role::staff}, "D-JINJI"});
    auto manager = signed_in_user(server, {"boss", {Role::manager}, "D-SOMU"});
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto ricoh = signed_in_user(server, {"ricoh1", {Role::vendor}, "D-VENDOR", "リコー株式会社"});
    auto other_vendor = signed_in_user(server, {"hp1", {Role::vendor}, "D-VENDOR", "日本HP"});
    const auto suzukis = opened(server, suzuki, ticket_body("incident", "鈴木の件"));
    const auto katos = opened(server, kato, ticket_body("incident", "加藤の件"));

    CHECK(numbers_listed(suzuki) == std::vector<std::string>{suzukis["number"]});
    CHECK(numbers_listed(kato) == std::vector<std::string>{katos["number"]});
    CHECK(numbers_listed(manager) == std::vector<std::string>{suzukis["number"]});
    CHECK(numbers_listed(desk) == std::vector<std::string>{katos["number"], suzukis["number"]});
    CHECK(numbers_listed(ricoh).empty());
    // Another's ticket is as absent as a missing one, and cannot be acted on.
    const auto guessed = suzuki.client->Get(path_of(katos).c_str());
    CHECK(guessed->status == 404);
    CHECK(guessed->body == suzuki.client->Get("/api/v1/tickets/999999")->body);
    CHECK(post(suzuki, path_of(katos, "/notes"), json{{"text", "見せて"}})->status == 404);
    CHECK(post(suzuki, path_of(katos, "/transitions"), json{{"to", "cancelled"}, {"comment", "x"}, {"version", 1}})->status ==
          404);

    const auto assigned = audited(server, [&] {
        return desk.client->Patch(path_of(katos).c_str(), json{{"assignee", "ricoh1"}, {"version", 1}}.dump(),
                                  "application/json");
    });
    REQUIRE(assigned);
    INFO(assigned->body);
    CHECK(assigned->status == 200);
    CHECK(json_of(assigned)["ticket"]["vendor_company"] == "リコー株式会社");
    CHECK(numbers_listed(ricoh) == std::vector<std::string>{katos["number"]});
    CHECK(read(ricoh, katos)["ticket"]["assignee_login"] == "ricoh1");
    CHECK(numbers_listed(other_vendor).empty());
    CHECK(other_vendor.client->Get(path_of(katos).c_str())->status == 404);
}

TEST_CASE("the workflow's refusals: 409 with the moves open, 403 for another's approval, 422 without a comment, 409 stale",
          "[tickets][api][workflow]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto ito = signed_in_user(server, {"ito1", {Role::it_office}});
    auto change = opened(server, desk, ticket_body("change", "プリンタドライバ更新"));
    CHECK(change["state"] == "draft");

    const auto skip = move(server, desk, change, "implemented");
    CHECK(skip->status == 409);
    const auto refused = json_of(skip);
    CHECK(refused["error"]["code"] == "transition_refused");
    CHECK(refused["allowed"] == json{"submitted", "cancelled"});
    CHECK_FALSE(refused["error"]["message_ja"].get<std::string>().empty());

    CHECK(move(server, desk, change, "submitted")->status == 200);
    const auto self_approval = move(server, desk, change, "approved");
    CHECK(self_approval->status == 403);
    CHECK(json_of(self_approval)["error"]["code"] == "approval_refused");

    const auto bare_rejection = move(server, ito, change, "rejected");
    CHECK(bare_rejection->status == 422);
    CHECK(error_fields(bare_rejection) == std::vector<std::string>{"comment"});
    const auto blank = move(server, ito, change, "rejected", "　 ");
    CHECK(blank->status == 422);

    const auto stale = post(ito, path_of(change, "/transitions"), json{{"to", "approved"}, {"version", 1}});
    CHECK(stale->status == 409);
    CHECK(json_of(stale)["error"]["code"] == "stale_version");
    CHECK(json_of(stale)["ticket"]["state"] == "submitted");

    const auto approved = move(server, ito, change, "approved", "影響範囲を確認済み");
    REQUIRE(approved->status == 200);
    const auto detail = json_of(approved);
    CHECK(detail["ticket"]["state"] == "approved");
    const auto& decision = detail["timeline"].back();
    CHECK(decision["type"] == "approval");
    CHECK(decision["decision"] == "approve");
    CHECK(decision["role"] == "it_office");
    CHECK(decision["actor"] == "ito1");
    CHECK(decision["comment"] == "影響範囲を確認済み");
    // Each refusal above (409 twice, 403, 422 twice) is on the trail; nothing of them was written.
    CHECK(audit_count(server, "ticket.refused", change) == 5);
    CHECK(audit_count(server, "ticket.decided", change) == 1);
    CHECK(audit_count(server, "ticket.transitioned", change) == 1);

    const auto unknown = post(ito, path_of(change, "/transitions"), json{{"to", "flying"}, {"version", 3}});
    CHECK(unknown->status == 422);
    CHECK(post(ito, path_of(change, "/transitions"), json{{"to", 3}})->status == 400);
}

TEST_CASE("an incident answered, resolved and closed keeps its instants and offers each reader its own moves",
          "[tickets][api][workflow]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto incident = opened(server, staff, ticket_body("incident"));
    CHECK(incident["first_response_at"].is_null());
    CHECK(read(staff, incident)["next"] == json{{{"to", "cancelled"}, {"action", "tickets.action.cancel"},
                                                  {"needs_comment", true}, {"approval", false}}});
    CHECK(read(desk, incident)["next"].size() == 2);

    CHECK(move(server, desk, incident, "in_progress")->status == 200);
    auto current = read(staff, incident)["ticket"];
    CHECK(current["first_response_at"].is_string());
    const auto resolved = move(server, desk, incident, "resolved", "トナー交換で解消");
    REQUIRE(resolved->status == 200);
    current = json_of(resolved)["ticket"];
    CHECK(current["resolved_at"].is_string());
    CHECK(json_of(resolved)["sla"]["resolution"]["completed_at"].is_string());
    CHECK(move(server, staff, incident, "closed")->status == 200);
    CHECK(read(staff, incident)["ticket"]["state"] == "closed");
    CHECK(read(staff, incident)["next"].empty());
}

TEST_CASE("internal notes stay with the desk, and the desk's first public note is the first response", "[tickets][api][notes]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto inquiry = opened(server, staff, ticket_body("inquiry"));

    const auto internal = audited(server, [&] {
        return post(desk, path_of(inquiry, "/notes"), json{{"text", "ベンダーに確認中（内部）"}, {"visibility", "internal"}});
    });
    REQUIRE(internal->status == 201);
    CHECK(json_of(internal)["ticket"]["first_response_at"].is_null());
    const auto staff_internal = post(staff, path_of(inquiry, "/notes"), json{{"text", "内緒"}, {"visibility", "internal"}});
    CHECK(staff_internal->status == 403);

    const auto answer = audited(server, [&] { return post(desk, path_of(inquiry, "/notes"), json{{"text", "再起動をお試しください"}}); });
    REQUIRE(answer->status == 201);
    const auto answered = json_of(answer);
    CHECK(answered["ticket"]["first_response_at"].is_string());
    CHECK(answered["sla"]["first_response"]["completed_at"].is_string());

    const auto seen_by_staff = read(staff, inquiry)["timeline"];
    const auto seen_by_desk = read(desk, inquiry)["timeline"];
    CHECK(seen_by_desk.size() == 3);
    REQUIRE(seen_by_staff.size() == 2);
    CHECK(seen_by_staff[1]["comment"] == "再起動をお試しください");
    CHECK(audit_count(server, "ticket.noted", inquiry) == 2);
    CHECK(post(desk, path_of(inquiry, "/notes"), json{{"text", ""}})->status == 422);
}

TEST_CASE("the desk changes priority and assignee under the version read, and a stale change gets the current ticket",
          "[tickets][api]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto incident = opened(server, staff, ticket_body("incident"));
    CHECK(incident["priority"] == "p4");
    const auto raised = audited(server, [&] {
        return desk.client->Patch(path_of(incident).c_str(),
                                  json{{"impact", "widespread"}, {"urgency", "high"}, {"assignee", "desk1"}, {"version", 1}}.dump(),
                                  "application/json");
    });
    REQUIRE(raised->status == 200);
    const auto ticket = json_of(raised)["ticket"];
    CHECK(ticket["priority"] == "p1");
    CHECK(ticket["version"] == 2);
    CHECK(ticket["assignee_login"] == "desk1");
    // p1 incidents are answered within 15 business minutes, not p4's 120.
    CHECK(json_of(raised)["sla"]["first_response"]["target_minutes"] == 15);
    const auto stale = desk.client->Patch(path_of(incident).c_str(), json{{"priority", "p3"}, {"version", 1}}.dump(),
                                          "application/json");
    CHECK(stale->status == 409);
    CHECK(json_of(stale)["ticket"]["priority"] == "p1");
    const auto staff_as_assignee = desk.client->Patch(path_of(incident).c_str(),
                                                      json{{"assignee", "staff1"}, {"version", 2}}.dump(), "application/json");
    CHECK(staff_as_assignee->status == 422);
    CHECK(desk.client->Patch(path_of(incident).c_str(), json{{"version", 2}}.dump(), "application/json")->status == 422);
    CHECK(numbers_listed(desk, "?mine=true") == std::vector<std::string>{ticket["number"]});
    CHECK(numbers_listed(desk, "?assignee=desk1") == std::vector<std::string>{ticket["number"]});
}

TEST_CASE("tickets link to each other, to devices and to configuration items, seen from both ends", "[tickets][api][links]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto device = post(desk, "/api/v1/devices", json{{"asset_tag", "MFP-000001"}, {"class", "mfp"}});
    REQUIRE(device->status == 201);
    const auto device_id = json_of(device)["device"]["id"];
    const auto incident = opened(server, desk, ticket_body("incident"));
    const auto problem = opened(server, desk, ticket_body("problem", "紙詰まりの再発"));

    const auto linked = audited(server, [&] { return post(desk, path_of(incident, "/links"), json{{"ticket_id", problem["id"]}}); });
    REQUIRE(linked->status == 201);
    CHECK(post(desk, path_of(problem, "/links"), json{{"ticket_id", incident["id"]}})->status == 409);
    CHECK(post(desk, path_of(incident, "/links"), json{{"device_id", device_id}})->status == 201);
    CHECK(post(desk, path_of(incident, "/links"), json{{"device_id", 999}})->status == 422);
    CHECK(post(desk, path_of(incident, "/links"), json{{"ticket_id", incident["id"]}})->status == 422);
    CHECK(post(desk, path_of(incident, "/links"), json{{"ticket_id", problem["id"]}, {"device_id", device_id}})->status == 422);

    const auto links = read(desk, incident)["links"];
    REQUIRE(links.size() == 2);
    CHECK(links[0]["ticket"]["number"] == problem["number"]);
    CHECK(links[1]["device"]["asset_tag"] == "MFP-000001");
    const auto from_problem = read(desk, problem)["links"];
    REQUIRE(from_problem.size() == 1);
    CHECK(from_problem[0]["ticket"]["number"] == incident["number"]);
    CHECK(audit_count(server, "ticket.linked", incident) == 2);
}

TEST_CASE("tickets are found by kana or kanji, filtered and paged by cursor", "[tickets][api][search]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    opened(server, desk, ticket_body("incident", "プリンタが動かない"));
    opened(server, desk, ticket_body("inquiry", "ﾊﾟｽﾜｰﾄﾞ再設定"));
    const auto third = opened(server, desk, ticket_body("incident", "会議室のプロジェクタ"));
    CHECK(numbers_listed(desk, "?q=%E3%81%B7%E3%82%8A%E3%82%93%E3%81%9F").size() == 1);  // ぷりんた
    CHECK(numbers_listed(desk, "?q=%E3%83%91%E3%82%B9%E3%83%AF%E3%83%BC%E3%83%89").size() == 1);  // パスワード
    CHECK(numbers_listed(desk, "?kind=incident").size() == 2);
    CHECK(numbers_listed(desk, "?state=received&kind=inquiry").size() == 1);
    CHECK(numbers_listed(desk, "?breached=true").empty());

    const auto first_page = json_of(desk.client->Get("/api/v1/tickets?limit=2"));
    CHECK(first_page["total"] == 3);
    REQUIRE(first_page["tickets"].size() == 2);
    CHECK(first_page["tickets"][0]["number"] == third["number"]);
    const auto rest = json_of(desk.client->Get(("/api/v1/tickets?limit=2&cursor=" + first_page["next_cursor"].get<std::string>()).c_str()));
    CHECK(rest["tickets"].size() == 1);
    CHECK(rest["next_cursor"].is_null());
    CHECK(desk.client->Get("/api/v1/tickets?kind=rumour&sort=size&cursor=zz&breached=maybe")->status == 400);
    CHECK(error_fields(desk.client->Get("/api/v1/tickets?kind=rumour&sort=size&cursor=zz&breached=maybe")) ==
          std::vector<std::string>{"breached", "cursor", "kind", "sort"});
}

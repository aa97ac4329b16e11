// The lending counter over real HTTP and SQLite: the whole loop from approval through
// kitting, handover with its receipt, return and re-kitting until the device is lendable
// again; a damaged return opening a repair ticket; verdicts and refusals of scans; two
// operators handing over the same device at once.
#include <catch2/catch.hpp>

#include <thread>

#include "lending_counter_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

json scan(LendingDesk& desk, const json& body) {
    const auto response = post_json(desk.desk, "/api/v1/lending/counter/scan", body);
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    return json_of(response)["verdict"];
}

json person(LendingDesk& desk, const std::string& card) { return get_ok(desk.desk, "/api/v1/lending/counter/people/" + card); }

json answer(const httplib::Result& response, int status) {
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == status);
    return json_of(response);
}

}  // namespace

TEST_CASE("a loan goes round: kit, hand over with a receipt, return, re-kit, lend again", "[lending][counter][api]") {
    LendingDesk desk(1, 0);
    issue_cards(desk);
    auto request = approved_from_today(desk, "mobile_printer");

    // Not kitted yet: the counter says so and will not hand it over.
    auto ready = person(desk, sato_card);
    CHECK(ready["person"]["name"] == desk.staff.user["name"]);
    REQUIRE(ready["ready"].size() == 1);
    CHECK(ready["ready"][0]["devices"][0]["ready"] == false);
    CHECK(ready["ready"][0]["devices"][0]["reason"] == "lending.counter.refusal.not_ready");
    const auto unready = scan(desk, {{"card", sato_card}, {"tag", "MPR-000001"}, {"mode", "handover"}});
    CHECK(unready["accepted"] == false);
    CHECK(unready["message_ja"] == "キッティングが終わっていません。");
    CHECK(error_code_of(hand_over(desk, desk.desk, request, sato_card)) == "handover_refused");

    kit_through(desk, kitting_tasks_of(desk, "MPR-000001")[0]);
    CHECK(person(desk, sato_card)["ready"][0]["devices"][0]["ready"] == true);
    const auto accepted = scan(desk, {{"card", " mt200001 "}, {"tag", "mpr-000001"}, {"mode", "handover"}});
    CHECK(accepted["accepted"] == true);
    CHECK(accepted["request_number"] == request["number"]);
    CHECK(scan(desk, {{"card", suzuki_card}, {"tag", "MPR-000001"}, {"mode", "handover"}})["reason"] ==
          "lending.counter.refusal.not_this_person");
    CHECK(scan(desk, {{"card", sato_card}, {"tag", "MPR-000001"}, {"mode", "handover"}, {"scanned", {"MPR-000001"}}})["reason"] ==
          "lending.counter.refusal.already_scanned");

    const auto receipt = answer(hand_over(desk, desk.desk, request, sato_card), 201)["receipt"];
    CHECK(receipt["request_number"] == request["number"]);
    CHECK(receipt["tags"] == json{"MPR-000001"});
    CHECK(receipt["due_date"] == request["due_date"]);
    CHECK(receipt["terms_version"] == desk.terms_version);
    CHECK(receipt["counter"]["id"] == desk.counter);
    CHECK(receipt["operator"]["login"] == "desk1");
    CHECK(receipt["person"]["login"] == "sato");
    CHECK(desk.device_state("MPR-000001") == "on_loan");
    request = get_ok(desk.staff, request_path(request))["request"];
    CHECK(request["state"] == "on_loan");
    const auto again = get_ok(desk.desk, "/api/v1/lending/counter/handovers/" + std::to_string(receipt["handover_id"].get<int>()) + "/receipt");
    CHECK(again["receipt"] == receipt);
    CHECK(scan(desk, {{"card", sato_card}, {"tag", "MPR-000001"}, {"mode", "handover"}})["reason"] ==
          "lending.counter.refusal.already_handed_over");

    const auto loans = person(desk, sato_card)["loans"];
    REQUIRE(loans.size() == 1);
    CHECK(loans[0]["asset_tag"] == "MPR-000001");
    CHECK(loans[0]["overdue"] == false);
    CHECK(scan(desk, {{"card", sato_card}, {"tag", "MPR-000001"}, {"mode", "return"}})["accepted"] == true);
    CHECK(scan(desk, {{"card", suzuki_card}, {"tag", "MPR-000001"}, {"mode", "return"}})["reason"] ==
          "lending.counter.refusal.not_this_person");

    // Back in order: to kitting with a re-kitting task, the loan returned.
    const auto returned = answer(take_back(desk, "MPR-000001", {{"damaged", false}}), 201)["return"];
    CHECK(returned["outcome"] == "ok");
    CHECK(returned["next_state"] == "kitting");
    CHECK(returned["request_state"] == "returned");
    CHECK(returned["counter"]["id"] == desk.counter);
    CHECK(desk.device_state("MPR-000001") == "kitting");
    CHECK(person(desk, sato_card)["loans"].empty());
    CHECK(error_code_of(take_back(desk, "MPR-000001", {{"damaged", false}})) == "return_refused");

    const auto rekitting = kitting_tasks_of(desk, "MPR-000001");
    REQUIRE(rekitting.size() == 1);
    CHECK(rekitting[0]["kind"] == "rekitting");
    CHECK(rekitting[0]["id"] == returned["kitting_task_id"]);
    kit_through(desk, rekitting[0]);
    CHECK(desk.device_state("MPR-000001") == "in_stock");

    // Lendable again: the next approval takes the same device.
    const auto next = approved_from_today(desk, "mobile_printer");
    CHECK(next["devices"][0]["asset_tag"] == "MPR-000001");
}

TEST_CASE("a damaged return goes to repair with a ticket, and missing accessories are recorded", "[lending][counter][api]") {
    LendingDesk desk(0, 1);
    issue_cards(desk);
    const auto master = audited(desk.server, [&] {
        return post_json(desk.desk, "/api/v1/lending/master-images", {{"class", "business_pc"}, {"released", "2026-04-01"}});
    });
    REQUIRE(master->status == 201);
    const auto request = approved_from_today(desk, "business_pc");
    kit_through(desk, kitting_tasks_of(desk, "BPC-000001")[0], 1);
    answer(hand_over(desk, desk.desk, request, sato_card), 201);

    const auto bad = take_back(desk, "BPC-000001", {{"damaged", true}});
    CHECK(answer(bad, 422)["error"]["fields"].contains("findings.damage_description"));
    CHECK(answer(take_back(desk, "BPC-000001", {{"missing_accessories", {"マウス"}}}), 422)["error"]["fields"].contains(
        "findings.missing_accessories"));
    CHECK(desk.device_state("BPC-000001") == "on_loan");

    const auto returned = answer(take_back(desk, "BPC-000001", {{"damaged", true},
                                                                 {"damage_description", "液晶に割れ。電源が入らない。"},
                                                                 {"missing_accessories", {"ACアダプタ"}}}),
                                 201)["return"];
    CHECK(returned["outcome"] == "damaged");
    CHECK(returned["next_state"] == "in_repair");
    CHECK(returned["missing_accessories"] == json{"ACアダプタ"});
    CHECK(returned["kitting_task_id"].is_null());
    CHECK(desk.device_state("BPC-000001") == "in_repair");
    const auto ticket_id = returned["repair_ticket"]["id"].get<std::int64_t>();
    const auto ticket = get_ok(desk.desk, "/api/v1/tickets/" + std::to_string(ticket_id))["ticket"];
    CHECK(ticket["kind"] == "incident");
    CHECK(ticket["category"] == "device");
    CHECK(ticket["requester_login"] == "sato");
    CHECK(ticket["title"].get<std::string>().find("BPC-000001") != std::string::npos);
    CHECK(get_ok(desk.desk, "/api/v1/tickets/" + std::to_string(ticket_id)).dump().find("BPC-000001") != std::string::npos);
    CHECK(kitting_tasks_of(desk, "BPC-000001").empty());
}

TEST_CASE("the counter refuses what it cannot know and changes nothing", "[lending][counter][api]") {
    LendingDesk desk(1, 0);
    issue_cards(desk);
    const auto request = approved_from_today(desk, "mobile_printer");
    kit_through(desk, kitting_tasks_of(desk, "MPR-000001")[0]);
    const auto before = audit_rows(desk.server);

    const auto unknown_tag = post_json(desk.desk, "/api/v1/lending/counter/scan", {{"card", sato_card}, {"tag", "MPR-999999"}, {"mode", "handover"}});
    CHECK(unknown_tag->status == 404);
    CHECK(error_code_of(unknown_tag) == "unknown_asset_tag");
    CHECK(json_of(unknown_tag)["error"]["message_ja"].get<std::string>().find("何も変更していません") != std::string::npos);
    CHECK(error_code_of(post_json(desk.desk, "/api/v1/lending/counter/scan", {{"card", "NOSUCHCARD"}, {"tag", "MPR-000001"}, {"mode", "handover"}})) ==
          "unknown_staff_card");
    CHECK(post_json(desk.desk, "/api/v1/lending/counter/scan", {{"card", sato_card}, {"tag", "MPR-000001"}, {"mode", "lend"}})->status == 400);
    CHECK(desk.desk.client->Get("/api/v1/lending/counter/people/NOSUCH")->status == 404);

    json body{{"card", sato_card}, {"request_id", request["id"]}, {"tags", {"MPR-999999"}},
              {"counter_location_id", desk.counter}, {"version", request["version"]}};
    CHECK(error_code_of(post_json(desk.desk, "/api/v1/lending/counter/handovers", body)) == "unknown_asset_tag");
    body["tags"] = {"MPR-000001"};
    body["card"] = suzuki_card;
    CHECK(error_code_of(post_json(desk.desk, "/api/v1/lending/counter/handovers", body)) == "handover_refused");
    body["card"] = sato_card;
    body["version"] = request["version"].get<int>() + 5;
    CHECK(error_code_of(post_json(desk.desk, "/api/v1/lending/counter/handovers", body)) == "stale_version");
    body["version"] = request["version"];
    body["tags"] = json::array();
    CHECK(post_json(desk.desk, "/api/v1/lending/counter/handovers", body)->status == 400);
    CHECK(error_code_of(post_json(desk.desk, "/api/v1/lending/counter/returns", {{"tag", "MPR-999999"}, {"findings", json::object()}})) ==
          "unknown_asset_tag");
    CHECK(error_code_of(post_json(desk.desk, "/api/v1/lending/counter/returns", {{"tag", "MPR-000001"}, {"findings", json::object()}})) ==
          "return_refused");
    CHECK(audit_rows(desk.server) - before == 0);
    CHECK(desk.device_state("MPR-000001") == "reserved");
    CHECK(post_json(desk.staff, "/api/v1/lending/counter/scan", {{"card", sato_card}, {"tag", "MPR-000001"}, {"mode", "handover"}})->status == 403);

    // A loan that starts tomorrow is not handed over today.
    const auto tomorrow = iso(madoguchi::calendar::add_days(madoguchi::calendar::to_tokyo(madoguchi::calendar::now()).date, 1));
    desk.execute("UPDATE loan_requests SET start_date = '" + tomorrow + "'");
    CHECK(scan(desk, {{"card", sato_card}, {"tag", "MPR-000001"}, {"mode", "handover"}})["reason"] == "lending.counter.refusal.not_started");
    CHECK(person(desk, sato_card)["ready"].empty());
}

TEST_CASE("two operators handing over the same device at once: one succeeds, the other gets 409", "[lending][counter][api]") {
    LendingDesk desk(1, 0);
    issue_cards(desk);
    auto other = signed_in_user(desk.server, {"desk2", {Role::desk_operator}, "D-DESK"});
    const auto request = approved_from_today(desk, "mobile_printer");
    kit_through(desk, kitting_tasks_of(desk, "MPR-000001")[0]);

    int statuses[2] = {0, 0};
    std::thread first([&] { statuses[0] = hand_over(desk, desk.desk, request, sato_card)->status; });
    std::thread second([&] { statuses[1] = hand_over(desk, other, request, sato_card)->status; });
    first.join();
    second.join();
    CHECK(std::min(statuses[0], statuses[1]) == 201);
    CHECK(std::max(statuses[0], statuses[1]) == 409);
    CHECK(desk.device_state("MPR-000001") == "on_loan");
    CHECK(get_ok(desk.admin, "/api/v1/audit?action=loan_request.handed_over")["records"].size() == 1);
}

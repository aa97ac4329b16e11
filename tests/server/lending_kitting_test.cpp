// Master images per class and kitting tasks over real HTTP and SQLite: publishing versions,
// the task an approval opens per device with the class's checklist, ticks and their
// refusals, the version guard, and the task closing once the checklist is complete.
#include <catch2/catch.hpp>

#include "lending_counter_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

json published(LendingDesk& desk, SignedIn& user, const json& body) {
    const auto response = audited(desk.server, [&] { return post_json(user, "/api/v1/lending/master-images", body); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["master_image"];
}

std::vector<std::string> keys_of(const json& task) {
    std::vector<std::string> keys;
    for (const auto& item : task["items"]) keys.push_back(item["key"].get<std::string>());
    return keys;
}

}  // namespace

TEST_CASE("master images are versioned per class and the newest is current", "[lending][kitting][api]") {
    LendingDesk desk(0, 0);
    const auto first = published(desk, desk.desk, {{"class", "business_pc"}, {"released", "2026-04-01"}, {"notes", "Windows 11 23H2"}});
    CHECK(first["version"] == 1);
    CHECK(first["current"] == true);
    CHECK(first["published_by"] == "desk1");
    const auto second = published(desk, desk.admin, {{"class", "business_pc"}, {"released", "2026-05-01"}, {"notes", "月例パッチ適用"}});
    CHECK(second["version"] == 2);
    published(desk, desk.desk, {{"class", "gss_terminal"}, {"released", "2026-04-15"}});

    const auto listed = get_ok(desk.desk, "/api/v1/lending/master-images?class=business_pc")["master_images"];
    REQUIRE(listed.size() == 2);
    CHECK(listed[0]["version"] == 2);
    CHECK(listed[0]["current"] == true);
    CHECK(listed[1]["current"] == false);
    CHECK(get_ok(desk.admin, "/api/v1/lending/master-images")["master_images"].size() == 3);

    const auto refused = [&](const json& body) {
        const auto response = post_json(desk.desk, "/api/v1/lending/master-images", body);
        REQUIRE(response);
        CHECK(response->status == 422);
        return error_fields(response);
    };
    CHECK(refused({{"class", "business_pc"}, {"released", "2026-04-20"}}) == std::vector<std::string>{"released"});
    CHECK(refused({{"class", "mobile_printer"}, {"released", "2026-06-01"}}) == std::vector<std::string>{"class"});
    CHECK(refused({{"class", "business_pc"}, {"released", "6月1日"}}) == std::vector<std::string>{"released"});
    CHECK(post_json(desk.staff, "/api/v1/lending/master-images", {{"class", "business_pc"}, {"released", "2026-06-01"}})->status == 403);
}

TEST_CASE("approval opens a kitting task per device, whose ticks follow the checklist and close it", "[lending][kitting][api]") {
    LendingDesk desk(0, 1);
    desk.execute("UPDATE devices SET accessories = '[\"マウス\"]' WHERE asset_tag = 'BPC-000001'");
    published(desk, desk.desk, {{"class", "business_pc"}, {"released", "2026-04-01"}});
    published(desk, desk.desk, {{"class", "business_pc"}, {"released", "2026-05-01"}});
    const auto request = approved_from_today(desk, "business_pc");

    const auto open = kitting_tasks_of(desk, "BPC-000001");
    REQUIRE(open.size() == 1);
    auto task = open[0];
    CHECK(task["kind"] == "loan");
    CHECK(task["request_number"] == request["number"]);
    CHECK(keys_of(task) == std::vector<std::string>{"initialise", "master_image", "drivers", "charge", "operation_check",
                                                    "accessory.マウス", "cleaning"});
    CHECK(task["complete"] == false);
    CHECK(get_ok(desk.desk, "/api/v1/lending/kitting-tasks/" + std::to_string(task["id"].get<int>()))["kitting_task"]["id"] == task["id"]);

    const auto refusal = [&](const json& body, int status, const std::string& field) {
        const auto response = tick(desk, task, body);
        REQUIRE(response);
        INFO(response->body);
        CHECK(response->status == status);
        CHECK(error_fields(response) == std::vector<std::string>{field});
    };
    refusal({{"key", "master_image"}, {"version", task["version"]}}, 422, "master_image_version");
    refusal({{"key", "master_image"}, {"version", task["version"]}, {"master_image_version", 1}}, 409, "master_image_version");
    refusal({{"key", "defrag"}, {"version", task["version"]}}, 422, "key");

    auto ticked = tick(desk, task, {{"key", "master_image"}, {"version", task["version"]}, {"master_image_version", 2}, {"note", "v2 適用"}});
    REQUIRE(ticked->status == 200);
    const auto stale = tick(desk, task, {{"key", "initialise"}, {"version", task["version"]}});
    CHECK(stale->status == 409);
    CHECK(error_code_of(stale) == "stale_version");
    task = json_of(ticked)["kitting_task"];
    CHECK(task["master_image_version"] == 2);
    refusal({{"key", "master_image"}, {"version", task["version"]}, {"master_image_version", 2}}, 409, "key");

    // A step found wrong is taken back, with the master version that went with it.
    const auto path = "/api/v1/lending/kitting-tasks/" + std::to_string(task["id"].get<int>()) + "/ticks/master_image?version=" +
                      std::to_string(task["version"].get<int>());
    const auto unticked = audited(desk.server, [&] { return desk.desk.client->Delete(path.c_str()); });
    REQUIRE(unticked->status == 200);
    task = json_of(unticked)["kitting_task"];
    CHECK(task["master_image_version"].is_null());

    task = kit_through(desk, task, 2);
    CHECK(task["state"] == "done");
    CHECK(task["complete"] == true);
    CHECK(task["items"].back()["done"] == false);  // cleaning is optional
    CHECK(kitting_tasks_of(desk, "BPC-000001", "done").size() == 1);
    CHECK(desk.device_state("BPC-000001") == "reserved");
    const auto closed = tick(desk, task, {{"key", "cleaning"}, {"version", task["version"]}});
    CHECK(error_code_of(closed) == "kitting_task_closed");
    CHECK(post_json(desk.staff, "/api/v1/lending/kitting-tasks/1/ticks", {{"key", "cleaning"}, {"version", 1}})->status == 403);
}

TEST_CASE("cancelling an approved request drops its kitting tasks", "[lending][kitting][api]") {
    LendingDesk desk(1, 0);
    const auto request = approved_from_today(desk, "mobile_printer");
    REQUIRE(kitting_tasks_of(desk, "MPR-000001").size() == 1);
    REQUIRE(desk.decide(desk.staff, request, "cancelled")->status == 200);
    CHECK(kitting_tasks_of(desk, "MPR-000001").empty());
    CHECK(kitting_tasks_of(desk, "MPR-000001", "cancelled").size() == 1);
}

TEST_CASE("admins issue staff cards where users are edited, each card to one user", "[lending][counter][api]") {
    LendingDesk desk(0, 0);
    const auto sato = desk.staff.user["id"].get<std::int64_t>();
    const auto suzuki = desk.colleague.user["id"].get<std::int64_t>();
    const auto issue = [&](std::int64_t id, const std::string& card) {
        return audited(desk.server, [&] { return patch_json(desk.admin, "/api/v1/users/" + std::to_string(id), {{"staff_card", card}}); });
    };
    const auto issued = issue(sato, " mt300001 ");
    REQUIRE(issued->status == 200);
    CHECK(json_of(issued)["user"]["staff_card"] == "MT300001");
    CHECK(issue(suzuki, "MT300001")->status == 409);
    CHECK(issue(suzuki, "MT-1")->status == 400);
    CHECK(get_ok(desk.desk, "/api/v1/lending/counter/people/MT300001")["person"]["login"] == "sato");
    REQUIRE(issue(sato, "")->status == 200);
    const auto unknown = desk.desk.client->Get("/api/v1/lending/counter/people/MT300001");
    CHECK(unknown->status == 404);
    CHECK(error_code_of(unknown) == "unknown_staff_card");
}

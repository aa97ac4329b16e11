#include "lending_counter_support.hpp"

#include <catch2/catch.hpp>

#include "calendar/tokyo_time.hpp"

namespace madoguchi::testing {

using nlohmann::json;

void issue_cards(LendingDesk& desk) {
    desk.execute(std::string("UPDATE users SET staff_card = '") + sato_card + "' WHERE login = 'sato'");
    desk.execute(std::string("UPDATE users SET staff_card = '") + suzuki_card + "' WHERE login = 'suzuki'");
}

json approved_from_today(LendingDesk& desk, const std::string& class_code, int quantity) {
    const auto monday = quiet_monday();
    // The desk decides every class here, whoever the default rule names.
    desk.execute("UPDATE loan_rules SET approver = 'operator'");
    auto request = desk.submitted(desk.staff, desk.request_body(class_code, quantity, monday, calendar::add_days(monday, 4)));
    const auto decided = desk.decide(desk.desk, request, "approved");
    REQUIRE(decided);
    INFO(decided->body);
    REQUIRE(decided->status == 200);
    const auto today = iso(calendar::to_tokyo(calendar::now()).date);
    desk.execute("UPDATE loan_requests SET start_date = '" + today + "' WHERE id = " + std::to_string(request["id"].get<std::int64_t>()));
    return get_ok(desk.desk, request_path(request))["request"];
}

json kitting_tasks_of(LendingDesk& desk, const std::string& tag, const std::string& state) {
    json found = json::array();
    const auto page = get_ok(desk.desk, "/api/v1/lending/kitting-tasks?state=" + state);
    for (const auto& task : page["kitting_tasks"]) {
        if (task["asset_tag"] == tag) found.push_back(task);
    }
    return found;
}

httplib::Result tick(LendingDesk& desk, const json& task, const json& body) {
    const auto path = "/api/v1/lending/kitting-tasks/" + std::to_string(task["id"].get<std::int64_t>()) + "/ticks";
    return audited(desk.server, [&] { return post_json(desk.desk, path, body); });
}

json kit_through(LendingDesk& desk, json task, int master_version) {
    const auto keys = task["open_items"];  // the task is replaced by each answer
    for (const auto& key : keys) {
        json body{{"key", key}, {"version", task["version"]}};
        if (key == "master_image") body["master_image_version"] = master_version;
        const auto ticked = tick(desk, task, body);
        REQUIRE(ticked);
        INFO(ticked->body);
        REQUIRE(ticked->status == 200);
        task = json_of(ticked)["kitting_task"];
    }
    return task;
}

httplib::Result hand_over(LendingDesk& desk, SignedIn& user, const json& request, const std::string& card) {
    json tags = json::array();
    for (const auto& device : request["devices"]) tags.push_back(device["asset_tag"]);
    const json body{{"card", card},
                    {"request_id", request["id"]},
                    {"tags", tags},
                    {"counter_location_id", desk.counter},
                    {"version", request["version"]}};
    return audited(desk.server, [&] { return post_json(user, "/api/v1/lending/counter/handovers", body); });
}

httplib::Result take_back(LendingDesk& desk, const std::string& tag, const json& findings) {
    const json body{{"tag", tag}, {"findings", findings}, {"counter_location_id", desk.counter}};
    return audited(desk.server, [&] { return post_json(desk.desk, "/api/v1/lending/counter/returns", body); });
}

std::string error_code_of(const httplib::Result& response) {
    REQUIRE(response);
    return json_of(response)["error"]["code"].get<std::string>();
}

}  // namespace madoguchi::testing

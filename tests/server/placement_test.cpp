// Install / move / remove requests over real HTTP and SQLite: the whole way from a manager's
// request through the desk and the vendor to the ledger, completion as one transaction, the
// moves each party may take, and who sees which request.
#include <catch2/catch.hpp>

#include "audit_test_support.hpp"
#include "calendar/tokyo_time.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

constexpr const char* vendor_company = "リコージャパン株式会社";

std::string in_days(int days) {
    namespace calendar = madoguchi::calendar;
    return calendar::format_date(calendar::add_days(calendar::to_tokyo(calendar::now()).date, days));
}

httplib::Result post(SignedIn& user, const std::string& path, const json& body) {
    return user.client->Post(path.c_str(), body.dump(), "application/json");
}

httplib::Result patch(SignedIn& user, const std::string& path, const json& body) {
    return user.client->Patch(path.c_str(), body.dump(), "application/json");
}

json created(const RunningApp& server, SignedIn& user, const std::string& path, const json& body) {
    const auto response = audited(server, [&] { return post(user, path, body); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response);
}

// A small ledger: two places, a model, an installed MFP of each division, the desk, the
// division's manager and the vendor.
struct Floor {
    RunningApp server;
    SignedIn desk = signed_in_user(server, {"desk1", {Role::desk_operator}, "D-DESK"});
    SignedIn manager = signed_in_user(server, {"boss1", {Role::manager}});
    SignedIn vendor = signed_in_user(server, {"ricoh1", {Role::vendor}, "D-VENDOR", vendor_company});
    std::int64_t room_a = 0;
    std::int64_t room_b = 0;
    std::int64_t model = 0;
    json own_mfp;
    json other_mfp;

    Floor() {
        add_user(server, {"other-boss", {Role::manager}, "D-OTHER"});
        room_a = created(server, desk, "/api/v1/locations", {{"building", "中央合同庁舎第3号館"}, {"floor", "10階"}, {"room", "1001"}})
                     ["location"]["id"].get<std::int64_t>();
        room_b = created(server, desk, "/api/v1/locations", {{"building", "中央合同庁舎第3号館"}, {"floor", "11階"}, {"room", "1105"}})
                     ["location"]["id"].get<std::int64_t>();
        model = created(server, desk, "/api/v1/device-models", {{"maker", "リコー"}, {"name", "IM C3510F"}, {"class", "mfp"}})
                    ["model"]["id"].get<std::int64_t>();
        own_mfp = created(server, desk, "/api/v1/devices",
                          {{"asset_tag", "MFP-000001"}, {"class", "mfp"}, {"model_id", model}, {"location_id", room_a},
                           {"division_code", test_division}, {"state", "installed"}})["device"];
        other_mfp = created(server, desk, "/api/v1/devices",
                            {{"asset_tag", "MFP-000002"}, {"class", "mfp"}, {"model_id", model}, {"location_id", room_a},
                             {"division_code", "D-OTHER"}, {"state", "installed"}})["device"];
    }

    json move_request(std::int64_t device, std::int64_t to) const {
        return {{"kind", "move"}, {"device_id", device}, {"location_id", to}, {"division_code", test_division},
                {"desired_date", in_days(7)}, {"reason", "執務室の移転に伴う移設"}};
    }
};

std::string path_of(const json& answer) { return "/api/v1/placement-requests/" + std::to_string(answer["request"]["id"].get<std::int64_t>()); }

// Moves the request and REQUIREs 200; the answer.
json moved(const RunningApp& server, SignedIn& user, const std::string& path, const json& body) {
    const auto response = audited(server, [&] { return post(user, path + "/transitions", body); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    return json_of(response);
}

json ticked(const RunningApp& server, SignedIn& desk, const std::string& path, const std::string& key, std::int64_t version) {
    const auto response = audited(server, [&] { return patch(desk, path + "/checklist/" + key, {{"done", true}, {"version", version}}); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    return json_of(response);
}

// Ticks every item not done yet; the answer after the last.
json ticked_all(const RunningApp& server, SignedIn& desk, const std::string& path, json answer) {
    for (const auto& item : json(answer["request"]["checklist"])) {
        if (item["done"] == true) continue;
        answer = ticked(server, desk, path, item["key"].get<std::string>(), answer["request"]["version"].get<std::int64_t>());
    }
    return answer;
}

std::vector<std::string> numbers_seen(SignedIn& user) {
    const auto response = user.client->Get("/api/v1/placement-requests");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    const auto page = json_of(response);
    std::vector<std::string> numbers;
    for (const auto& item : page["requests"]) numbers.push_back(item["number"].get<std::string>());
    return numbers;
}

json device_of(SignedIn& desk, const json& device) {
    return json_of(desk.client->Get(("/api/v1/devices/" + std::to_string(device["id"].get<std::int64_t>())).c_str()))["device"];
}

std::vector<std::string> moves_of(const json& answer) {
    std::vector<std::string> moves;
    for (const auto& move : answer["next_moves"]) moves.push_back(move["to"].get<std::string>());
    return moves;
}

}  // namespace

TEST_CASE("a manager's move goes through the desk and the vendor, and completion moves the device in the ledger", "[placement][api]") {
    Floor floor;
    auto& server = floor.server;
    const auto submitted = created(server, floor.manager, "/api/v1/placement-requests", floor.move_request(floor.own_mfp["id"], floor.room_b));
    const auto& request = submitted["request"];
    CHECK(request["state"] == "submitted");
    CHECK(request["number"].get<std::string>().starts_with("PLR-"));
    CHECK(request["class"] == "mfp");
    CHECK(request["device_tag"] == "MFP-000001");
    CHECK(request["location_name"] == "中央合同庁舎第3号館 11階 1105");
    CHECK(request["checklist"].size() == 4);
    CHECK(request["checklist"][0]["key"] == "gss_network");
    CHECK(request["checklist"][0]["done"] == false);
    CHECK(moves_of(submitted) == std::vector<std::string>{"cancelled"});
    const auto path = path_of(submitted);

    auto answer = json_of(floor.desk.client->Get(path.c_str()));
    CHECK(moves_of(answer) == std::vector<std::string>{"accepted", "rejected"});
    CHECK(answer["vendor_companies"] == json{vendor_company});
    CHECK(numbers_seen(floor.vendor).empty());  // not handed yet

    answer = moved(server, floor.desk, path, {{"to", "accepted"}, {"version", 1}});
    answer = ticked(server, floor.desk, path, "gss_network", answer["request"]["version"]);
    const auto& gss = answer["request"]["checklist"][0];
    CHECK(gss["done"] == true);
    CHECK(gss["done_by"] == "desk1");
    CHECK_FALSE(gss["done_at"].get<std::string>().empty());
    answer = moved(server, floor.desk, path, {{"to", "with_vendor"}, {"vendor_company", vendor_company}, {"version", answer["request"]["version"]}});
    CHECK(answer["request"]["vendor_company"] == vendor_company);

    // The vendor sees its task now, and only reports the works done.
    CHECK(numbers_seen(floor.vendor) == std::vector<std::string>{request["number"].get<std::string>()});
    const auto task = json_of(floor.vendor.client->Get(path.c_str()));
    CHECK(moves_of(task) == std::vector<std::string>{"vendor_done"});
    CHECK_FALSE(task.contains("vendor_companies"));
    answer = moved(server, floor.vendor, path, {{"to", "vendor_done"}, {"version", task["request"]["version"]}});

    // Completion waits for every checklist item.
    const auto early = post(floor.desk, path + "/transitions", {{"to", "completed"}, {"version", answer["request"]["version"]}});
    REQUIRE(early->status == 409);
    CHECK(error_fields(early) == std::vector<std::string>{"to"});
    CHECK(json_of(early)["error"]["message_ja"] == "チェックリストに未完了の項目があります。");
    CHECK(device_of(floor.desk, floor.own_mfp)["location_id"] == floor.room_a);

    answer = ticked_all(server, floor.desk, path, answer);
    const auto device_version = device_of(floor.desk, floor.own_mfp)["version"].get<std::int64_t>();
    answer = moved(server, floor.desk, path, {{"to", "completed"}, {"version", answer["request"]["version"]}});
    CHECK(answer["request"]["state"] == "completed");
    CHECK(answer["next_moves"].empty());

    const auto device = device_of(floor.desk, floor.own_mfp);
    CHECK(device["location_id"] == floor.room_b);
    CHECK(device["state"] == "installed");
    CHECK(device["version"] == device_version + 1);
    const auto history = json_of(floor.desk.client->Get(("/api/v1/devices/" + std::to_string(device["id"].get<std::int64_t>()) + "/history").c_str()));
    CHECK(history["history"][0]["action"] == "device.updated");
    CHECK(history["history"][0]["reason"] == request["number"]);
    CHECK(history["history"][0]["before"]["location_id"] == floor.room_a);

    const auto detail = json_of(floor.manager.client->Get(path.c_str()));
    std::vector<std::string> timeline;
    for (const auto& event : detail["events"]) timeline.push_back(event["action"].get<std::string>() + ":" + event["state"].get<std::string>());
    CHECK(timeline.front() == "submitted:submitted");
    CHECK(timeline.back() == "transitioned:completed");
    CHECK(timeline.size() == 1 + 4 + 4);  // submitted, four moves, four ticks
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE object_type = 'placement_request'") == 1 + 4 + 4);
}

TEST_CASE("a completion the ledger refuses leaves both the request and the ledger unchanged", "[placement][api][transaction]") {
    Floor floor;
    auto& server = floor.server;
    const auto submitted = created(server, floor.desk, "/api/v1/placement-requests",
                                   {{"kind", "install"}, {"class", "mfp"}, {"model_id", floor.model}, {"location_id", floor.room_b},
                                    {"division_code", test_division}, {"desired_date", in_days(0)}, {"reason", "増員に伴う追加"}});
    const auto path = path_of(submitted);
    CHECK(submitted["request"]["model_name"] == "リコー IM C3510F");
    auto answer = moved(server, floor.desk, path, {{"to", "accepted"}, {"version", 1}});
    answer = moved(server, floor.desk, path, {{"to", "with_vendor"}, {"vendor_company", vendor_company}, {"version", answer["request"]["version"]}});
    answer = moved(server, floor.vendor, path, {{"to", "vendor_done"}, {"version", answer["request"]["version"]}});
    answer = ticked_all(server, floor.desk, path, answer);
    const auto version = answer["request"]["version"].get<std::int64_t>();
    const auto devices = count_rows(server.database_path(), "SELECT count(*) FROM devices");
    const auto audits = audit_rows(server);
    const auto events = count_rows(server.database_path(), "SELECT count(*) FROM placement_events");

    const auto taken = post(floor.desk, path + "/transitions", {{"to", "completed"}, {"version", version}, {"asset_tag", "MFP-000001"}});
    REQUIRE(taken->status == 409);
    CHECK(json_of(taken)["error"]["code"] == "duplicate_asset_tag");
    const auto missing = post(floor.desk, path + "/transitions", {{"to", "completed"}, {"version", version}});
    REQUIRE(missing->status == 422);
    CHECK(error_fields(missing) == std::vector<std::string>{"asset_tag"});

    const auto unchanged = json_of(floor.desk.client->Get(path.c_str()))["request"];
    CHECK(unchanged["state"] == "vendor_done");
    CHECK(unchanged["version"] == version);
    CHECK(unchanged["device_id"].is_null());
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM devices") == devices);
    CHECK(audit_rows(server) == audits);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM placement_events") == events);

    answer = moved(server, floor.desk, path, {{"to", "completed"}, {"version", version}, {"asset_tag", "MFP-000003"}, {"serial", "E175M930777"}});
    const auto device_id = answer["request"]["device_id"];
    REQUIRE(device_id.is_number_integer());
    CHECK(answer["request"]["device_tag"] == "MFP-000003");
    const auto device = json_of(floor.desk.client->Get(("/api/v1/devices/" + std::to_string(device_id.get<std::int64_t>())).c_str()))["device"];
    CHECK(device["state"] == "installed");
    CHECK(device["serial"] == "E175M930777");
    CHECK(device["location_id"] == floor.room_b);
    CHECK(device["division_code"] == test_division);
    CHECK(device["model_id"] == floor.model);
}

TEST_CASE("a removal retires the device with the request number as the reason", "[placement][api]") {
    Floor floor;
    auto& server = floor.server;
    const auto submitted = created(server, floor.manager, "/api/v1/placement-requests",
                                   {{"kind", "remove"}, {"device_id", floor.own_mfp["id"]}, {"desired_date", in_days(3)}, {"reason", "執務室縮小"}});
    const auto path = path_of(submitted);
    CHECK(submitted["request"]["division_code"] == test_division);
    CHECK(submitted["request"]["checklist"][0]["key"] == "gss_release");
    // One open request per device.
    const auto second = post(floor.manager, "/api/v1/placement-requests", floor.move_request(floor.own_mfp["id"], floor.room_b));
    CHECK(second->status == 422);
    CHECK(error_fields(second) == std::vector<std::string>{"device_id"});

    auto answer = moved(server, floor.desk, path, {{"to", "accepted"}, {"version", 1}});
    answer = moved(server, floor.desk, path, {{"to", "with_vendor"}, {"vendor_company", vendor_company}, {"version", answer["request"]["version"]}});
    answer = moved(server, floor.vendor, path, {{"to", "vendor_done"}, {"version", answer["request"]["version"]}});
    answer = ticked_all(server, floor.desk, path, answer);
    moved(server, floor.desk, path, {{"to", "completed"}, {"version", answer["request"]["version"]}});
    const auto device = device_of(floor.desk, floor.own_mfp);
    CHECK(device["state"] == "retired");
    const auto history = json_of(floor.desk.client->Get(("/api/v1/devices/" + std::to_string(device["id"].get<std::int64_t>()) + "/history").c_str()));
    CHECK(history["history"][0]["action"] == "device.transitioned");
    CHECK(history["history"][0]["after"]["state"] == "retired");
    CHECK(history["history"][0]["reason"] == submitted["request"]["number"]);
}

TEST_CASE("each party takes only its own moves, and reasons, versions and closed requests are checked", "[placement][api][state]") {
    Floor floor;
    auto& server = floor.server;
    auto first = created(server, floor.manager, "/api/v1/placement-requests", floor.move_request(floor.own_mfp["id"], floor.room_b));
    const auto path = path_of(first);

    const auto vendor_accepts = post(floor.vendor, path + "/transitions", {{"to", "accepted"}, {"version", 1}});
    CHECK(vendor_accepts->status == 404);  // not handed to it: not there at all
    const auto manager_accepts = post(floor.manager, path + "/transitions", {{"to", "accepted"}, {"version", 1}});
    REQUIRE(manager_accepts->status == 409);
    CHECK(json_of(manager_accepts)["error"]["fields"]["to"].is_string());
    CHECK(json_of(manager_accepts)["error"]["message_ja"] == "この操作を行う権限がありません。");
    const auto jump = post(floor.desk, path + "/transitions", {{"to", "completed"}, {"version", 1}});
    CHECK(jump->status == 409);
    const auto no_reason = post(floor.desk, path + "/transitions", {{"to", "rejected"}, {"reason", "　"}, {"version", 1}});
    CHECK(no_reason->status == 422);
    CHECK(error_fields(no_reason) == std::vector<std::string>{"reason"});
    CHECK(post(floor.desk, path + "/transitions", {{"to", "done"}, {"version", 1}})->status == 422);
    CHECK(post(floor.desk, path + "/transitions", {{"to", "accepted"}})->status == 400);
    const auto accepted = post(floor.desk, path + "/transitions", {{"to", "accepted"}, {"version", 1}});
    REQUIRE(accepted->status == 200);
    const auto hand_off = post(floor.desk, path + "/transitions", {{"to", "with_vendor"}, {"vendor_company", "架空商事"}, {"version", 2}});
    CHECK(hand_off->status == 422);
    CHECK(error_fields(hand_off) == std::vector<std::string>{"vendor_company"});

    // Two desk operators at once: the second has read version 2 and gets 409 with the current request.
    ticked(server, floor.desk, path, "gss_network", 2);
    const auto late = patch(floor.desk, path + "/checklist/vendor_information", {{"done", true}, {"version", 2}});
    REQUIRE(late->status == 409);
    CHECK(json_of(late)["error"]["code"] == "stale_version");
    CHECK(json_of(late)["request"]["version"] == 3);
    CHECK(json_of(late)["request"]["checklist"][0]["done"] == true);
    const auto stale_move = post(floor.desk, path + "/transitions", {{"to", "with_vendor"}, {"vendor_company", vendor_company}, {"version", 2}});
    CHECK(stale_move->status == 409);
    CHECK(json_of(stale_move)["error"]["code"] == "stale_version");
    CHECK(patch(floor.desk, path + "/checklist/install_works", {{"done", true}, {"version", 3}})->status == 404);
    CHECK(patch(floor.desk, path + "/checklist/gss_network", {{"done", "yes"}, {"version", 3}})->status == 400);

    // Withdrawn by the requester only before the desk accepts, with a reason; then closed for good.
    CHECK(post(floor.manager, path + "/transitions", {{"to", "cancelled"}, {"reason", "不要になった"}, {"version", 3}})->status == 409);
    const auto install = created(server, floor.manager, "/api/v1/placement-requests",
                                 {{"kind", "install"}, {"class", "mfp"}, {"model_id", floor.model}, {"location_id", floor.room_b},
                                  {"division_code", test_division}, {"desired_date", in_days(1)}, {"reason", "カラー印刷の需要"}});
    const auto install_path = path_of(install);
    CHECK(post(floor.manager, install_path + "/transitions", {{"to", "cancelled"}, {"version", 1}})->status == 422);
    const auto withdrawn = moved(server, floor.manager, install_path, {{"to", "cancelled"}, {"reason", "予算が付かなかった"}, {"version", 1}});
    CHECK(withdrawn["request"]["state_reason"] == "予算が付かなかった");
    CHECK(patch(floor.desk, install_path + "/checklist/gss_network", {{"done", true}, {"version", 2}})->status == 409);
    CHECK(post(floor.desk, install_path + "/transitions", {{"to", "accepted"}, {"version", 2}})->status == 409);
}

TEST_CASE("managers see their division's requests, vendors only their company's tasks, others get 404", "[placement][api][authorisation]") {
    Floor floor;
    auto& server = floor.server;
    auto other_vendor = signed_in_user(server, {"canon1", {Role::vendor}, "D-VENDOR", "キヤノンマーケティングジャパン株式会社"});
    auto other_manager = sign_in(server, "other-boss");
    auto auditor = signed_in_user(server, {"audit1", {Role::auditor}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    const auto own = created(server, floor.manager, "/api/v1/placement-requests", floor.move_request(floor.own_mfp["id"], floor.room_b));
    const auto others = created(server, other_manager, "/api/v1/placement-requests",
                                {{"kind", "remove"}, {"device_id", floor.other_mfp["id"]}, {"desired_date", in_days(2)}, {"reason", "撤去"}});
    const auto path = path_of(own);
    auto answer = moved(server, floor.desk, path, {{"to", "accepted"}, {"version", 1}});
    moved(server, floor.desk, path, {{"to", "with_vendor"}, {"vendor_company", vendor_company}, {"version", answer["request"]["version"]}});

    const auto own_number = own["request"]["number"].get<std::string>();
    const auto other_number = others["request"]["number"].get<std::string>();
    CHECK(numbers_seen(floor.manager) == std::vector<std::string>{own_number});
    CHECK(numbers_seen(other_manager) == std::vector<std::string>{other_number});
    CHECK(numbers_seen(floor.desk) == std::vector<std::string>{other_number, own_number});
    CHECK(numbers_seen(auditor).size() == 2);
    CHECK(numbers_seen(floor.vendor) == std::vector<std::string>{own_number});
    CHECK(numbers_seen(other_vendor).empty());

    const auto guessed = other_manager.client->Get(path.c_str());
    CHECK(guessed->status == 404);
    CHECK(guessed->body == other_manager.client->Get("/api/v1/placement-requests/999999")->body);
    CHECK(other_vendor.client->Get(path.c_str())->status == 404);
    CHECK(post(other_vendor, path + "/transitions", {{"to", "vendor_done"}, {"version", 3}})->status == 404);
    CHECK(floor.vendor.client->Get(path_of(others).c_str())->status == 404);
    CHECK(staff.client->Get("/api/v1/placement-requests")->status == 403);
    CHECK(post(auditor, "/api/v1/placement-requests", floor.move_request(floor.own_mfp["id"], floor.room_b))->status == 403);
    CHECK(floor.desk.client->Get("/api/v1/placement-requests?state=lost&kind=swap")->status == 400);
    const auto waiting = json_of(floor.desk.client->Get("/api/v1/placement-requests?state=submitted"));
    CHECK(waiting["total"] == 1);
}

TEST_CASE("a request must name an installed device of the own division, a real place and a date ahead", "[placement][api][validation]") {
    Floor floor;
    auto& server = floor.server;
    const auto refused = [&](const json& body) {
        const auto response = post(floor.manager, "/api/v1/placement-requests", body);
        REQUIRE(response);
        INFO(response->body);
        CHECK(response->status == 422);
        return error_fields(response);
    };
    const auto before = count_rows(server.database_path(), "SELECT count(*) FROM placement_requests");
    CHECK(refused(floor.move_request(floor.other_mfp["id"], floor.room_b)) == std::vector<std::string>{"device_id"});
    CHECK(refused(floor.move_request(floor.own_mfp["id"], floor.room_a)) == std::vector<std::string>{"location_id"});
    auto elsewhere = floor.move_request(floor.own_mfp["id"], floor.room_b);
    elsewhere["division_code"] = "D-OTHER";
    CHECK(refused(elsewhere) == std::vector<std::string>{"division_code"});
    auto past = floor.move_request(floor.own_mfp["id"], 9999);
    past["desired_date"] = in_days(-1);
    CHECK(refused(past) == std::vector<std::string>{"desired_date"});
    past["desired_date"] = in_days(1);
    CHECK(refused(past) == std::vector<std::string>{"location_id"});
    CHECK(refused({{"kind", "install"}, {"class", "tablet"}, {"model_id", floor.model}, {"location_id", floor.room_b},
                   {"division_code", test_division}, {"desired_date", in_days(1)}, {"reason", "x"}}) == std::vector<std::string>{"class"});
    CHECK(refused({{"kind", "install"}, {"class", "floor_printer_mono"}, {"model_id", floor.model}, {"location_id", floor.room_b},
                   {"division_code", test_division}, {"desired_date", in_days(1)}, {"reason", "x"}}) == std::vector<std::string>{"model_id"});
    CHECK(refused({{"kind", "swap"}, {"reason", "x"}}) == std::vector<std::string>{"kind"});
    const auto stock = created(server, floor.desk, "/api/v1/devices", {{"asset_tag", "FPM-000001"}, {"class", "floor_printer_mono"}, {"division_code", test_division}});
    CHECK(refused(floor.move_request(stock["device"]["id"], floor.room_b)) == std::vector<std::string>{"device_id"});
    const auto shape = post(floor.manager, "/api/v1/placement-requests", {{"kind", "move"}, {"device_id", "MFP-000001"}, {"reason", "x"}, {"colour", 1}});
    CHECK(shape->status == 400);
    CHECK(error_fields(shape) == std::vector<std::string>{"colour", "device_id"});
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM placement_requests") == before);
    // The desk may request for any division.
    created(server, floor.desk, "/api/v1/placement-requests", floor.move_request(floor.other_mfp["id"], floor.room_b));
}

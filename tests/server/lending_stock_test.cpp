// 安全在庫 over real HTTP and SQLite: each pool's devices free now and the lowest number free
// in each coming week, from reservations, loans and devices expected back from repair, checked
// against figures worked out by hand; thresholds edited by admins; and the periodic check that
// tells the desk once per fall below a threshold.
#include <catch2/catch.hpp>

#include <algorithm>

#include "calendar/tokyo_time.hpp"
#include "inquiry_test_support.hpp"
#include "lending/stock_check.hpp"
#include "lending_test_support.hpp"
#include "notification_test_support.hpp"
#include "store/database.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace calendar = madoguchi::calendar;
namespace lending = madoguchi::server::lending;
namespace store = madoguchi::server::store;

namespace {

std::string error_code(const httplib::Result& response) { return json_of(response)["error"]["code"].get<std::string>(); }

calendar::Date today() { return calendar::to_tokyo(calendar::now()).date; }
std::string day(int offset) { return iso(calendar::add_days(today(), offset)); }

json approved(LendingDesk& desk, SignedIn& borrower, int quantity) {
    const auto monday = quiet_monday();
    const auto request = desk.submitted(borrower, desk.request_body("mobile_printer", quantity, monday, monday));
    const auto decided = desk.decide(desk.desk, request, "approved");
    REQUIRE(decided);
    INFO(decided->body);
    REQUIRE(decided->status == 200);
    return json_of(decided)["request"];
}

// Four printers at the counter and a fifth in repair, expected back on day 10 (today is day 0):
//   A reserves two for days 8–12; B has one on loan for days 0–9.
//   days 0–7: 4 − 1 = 3; days 8–9: 4 − 3 = 1; days 10–12: 5 − 2 = 3; days 13–: 5.
struct StockWorld {
    LendingDesk desk{4, 0};
    std::string free_tag;

    StockWorld() {
        const auto a = approved(desk, desk.staff, 2);
        const auto b = approved(desk, desk.colleague, 1);
        desk.execute("UPDATE loan_requests SET start_date = '" + day(8) + "', due_date = '" + day(12) +
                     "' WHERE id = " + std::to_string(a["id"].get<std::int64_t>()));
        const auto b_id = std::to_string(b["id"].get<std::int64_t>());
        desk.execute("UPDATE loan_requests SET state = 'on_loan', start_date = '" + day(0) + "', due_date = '" + day(9) +
                     "' WHERE id = " + b_id);
        desk.execute("UPDATE devices SET state = 'on_loan' WHERE id IN (SELECT device_id FROM loan_allocations WHERE "
                     "request_id = " + b_id + ")");
        std::vector<std::string> taken;
        for (const auto* request : {&a, &b}) {
            for (const auto& device : (*request)["devices"]) taken.push_back(device["asset_tag"].get<std::string>());
        }
        for (const auto* tag : {"MPR-000001", "MPR-000002", "MPR-000003", "MPR-000004"}) {
            if (std::find(taken.begin(), taken.end(), tag) == taken.end()) free_tag = tag;
        }
        desk.add_device("mobile_printer", "MPR-000005");
        desk.execute("UPDATE devices SET state = 'in_repair' WHERE asset_tag = 'MPR-000005'");
    }

    httplib::Result expect_back(const std::string& tag, const std::string& date) {
        return audited(desk.server, [&] {
            return put_json(desk.desk, "/api/v1/lending/repair-returns/" + tag, {{"expected_on", date}});
        });
    }

    httplib::Result set_minimum(int minimum) {
        return audited(desk.server, [&] {
            return put_json(desk.admin, "/api/v1/lending/stock/thresholds",
                            {{"thresholds", {{{"class", "mobile_printer"}, {"location_id", nullptr}, {"minimum", minimum}}}}});
        });
    }
};

std::vector<int> lowest_by_week(const json& pool) {
    std::vector<int> lowest;
    for (const auto& week : pool["weeks"]) lowest.push_back(week["lowest"].get<int>());
    return lowest;
}

}  // namespace

TEST_CASE("the stock projection counts reservations, loans and repairs expected back, week by week",
          "[lending][stock][api]") {
    StockWorld world;
    auto& desk = world.desk;

    // Without an expected date the device in repair is promised from no day.
    auto answer = get_ok(desk.desk, "/api/v1/lending/stock?weeks=3&class=mobile_printer");
    REQUIRE(answer["pools"].size() == 2);  // the class as a whole, then the counter
    CHECK(lowest_by_week(answer["pools"][0]) == std::vector<int>{3, 1, 4});

    const auto refused = world.expect_back("MPR-000005", day(-1));
    REQUIRE(refused);
    CHECK(refused->status == 422);
    const auto not_in_repair = world.expect_back(world.free_tag, day(10));
    REQUIRE(not_in_repair);
    CHECK(not_in_repair->status == 409);
    CHECK(error_code(not_in_repair) == "wrong_device_state");
    const auto unknown = world.expect_back("MPR-999999", day(10));
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    const auto set = world.expect_back("MPR-000005", day(10));
    REQUIRE(set);
    INFO(set->body);
    REQUIRE(set->status == 200);

    answer = get_ok(desk.desk, "/api/v1/lending/stock?weeks=3&class=mobile_printer");
    CHECK(answer["today"] == day(0));
    CHECK(answer["weeks"] == 3);
    REQUIRE(answer["pools"].size() == 2);
    for (const auto& pool : answer["pools"]) {
        INFO(pool.dump());
        CHECK(pool["class"] == "mobile_printer");
        CHECK(pool["devices"] == 4);
        CHECK(pool["available_now"] == 3);
        CHECK(pool["minimum"].is_null());
        CHECK(pool["below"] == false);
        CHECK(lowest_by_week(pool) == std::vector<int>{3, 1, 5});
        REQUIRE(pool["weeks"].size() == 3);
        CHECK(pool["weeks"][1]["from"] == day(7));
        CHECK(pool["weeks"][1]["until"] == day(13));
        CHECK(pool["weeks"][1]["returning"] == 1);
        CHECK(pool["weeks"][0]["returning"] == 0);
    }
    CHECK(answer["pools"][0]["location_id"].is_null());
    CHECK(answer["pools"][1]["location_id"] == desk.counter);
    CHECK(answer["pools"][1]["location_name"] == "経済産業省 別館 1階 貸出窓口");
    // The device's history says when it is expected back.
    const auto history = get_ok(desk.desk, "/api/v1/devices?q=MPR-000005");
    const auto id = history["devices"][0]["id"].get<std::int64_t>();
    CHECK(get_ok(desk.desk, "/api/v1/devices/" + std::to_string(id) + "/history").dump().find(day(10)) != std::string::npos);

    for (const auto* query : {"weeks=0", "weeks=27", "weeks=x", "class=mfp"}) {
        INFO(query);
        const auto bad = desk.desk.client->Get(("/api/v1/lending/stock?" + std::string(query)).c_str());
        REQUIRE(bad);
        CHECK(bad->status == 400);
    }
    const auto staff = desk.staff.client->Get("/api/v1/lending/stock");
    REQUIRE(staff);
    CHECK(staff->status == 403);
}

TEST_CASE("thresholds are admins' to set, checked and audited", "[lending][stock][api]") {
    LendingDesk desk(1, 0);
    const auto by_desk = put_json(desk.desk, "/api/v1/lending/stock/thresholds", {{"thresholds", json::array()}});
    REQUIRE(by_desk);
    CHECK(by_desk->status == 403);
    const auto invalid = put_json(desk.admin, "/api/v1/lending/stock/thresholds",
                                  {{"thresholds",
                                    {{{"class", "mfp"}, {"minimum", 1}},
                                     {{"class", "mobile_printer"}, {"minimum", -1}},
                                     {{"class", "business_pc"}, {"location_id", 0}, {"minimum", 1}},
                                     {{"class", "mobile_printer"}, {"minimum", 2}}}}});
    REQUIRE(invalid);
    CHECK(invalid->status == 422);
    CHECK(error_fields(invalid) == std::vector<std::string>{"thresholds[0].class", "thresholds[1].minimum",
                                                            "thresholds[2].location_id", "thresholds[3].class"});
    const auto unknown_place = put_json(desk.admin, "/api/v1/lending/stock/thresholds",
                                        {{"thresholds", {{{"class", "mobile_printer"}, {"location_id", 999}, {"minimum", 1}}}}});
    REQUIRE(unknown_place);
    CHECK(unknown_place->status == 422);

    const auto saved = audited(desk.server, [&] {
        return put_json(desk.admin, "/api/v1/lending/stock/thresholds",
                        {{"thresholds",
                          {{{"class", "mobile_printer"}, {"minimum", 2}},
                           {{"class", "mobile_printer"}, {"location_id", desk.counter}, {"minimum", 1}}}}});
    });
    REQUIRE(saved);
    INFO(saved->body);
    REQUIRE(saved->status == 200);
    const auto listed = get_ok(desk.desk, "/api/v1/lending/stock/thresholds")["thresholds"];
    REQUIRE(listed.size() == 2);
    CHECK(listed[0]["location_id"].is_null());
    CHECK(listed[0]["minimum"] == 2);
    CHECK(listed[1]["location_id"] == desk.counter);
    CHECK(listed[1]["updated_by"] == "admin1");
    const auto stock = get_ok(desk.desk, "/api/v1/lending/stock?class=mobile_printer");
    CHECK(stock["pools"][0]["minimum"] == 2);
    CHECK(stock["pools"][0]["below"] == true);
    CHECK(stock["pools"][1]["below"] == false);
}

TEST_CASE("the stock check tells the desk once per fall below the threshold", "[lending][stock][notifications]") {
    StockWorld world;
    auto& desk = world.desk;
    desk.execute("UPDATE users SET email = 'desk1@example.go.jp' WHERE login = 'desk1'");
    const auto set = world.set_minimum(3);
    REQUIRE(set);
    REQUIRE(set->status == 200);
    auto opened = store::Database::open(desk.server.database_path());
    REQUIRE(opened);
    const auto check = [&] {
        auto checked = lending::run_stock_check(opened.value(), calendar::now());
        REQUIRE(checked);
        return std::pair{checked.value().raised, checked.value().recovered};
    };
    const auto told = [&] { return queued_to(desk.server.database_path(), "lending.stock_low"); };
    const auto audits = [&](const std::string& action) {
        return count_rows(desk.server.database_path(), "SELECT count(*) FROM audit_log WHERE action = '" + action + "'");
    };

    CHECK(check() == std::pair{0, 0});  // 3 free, at the minimum
    CHECK(told().empty());

    // The free printer breaks: 2 free, below 3.
    desk.execute("UPDATE devices SET state = 'in_repair' WHERE asset_tag = '" + world.free_tag + "'");
    CHECK(check() == std::pair{1, 0});
    CHECK(told() == std::vector<std::string>{"desk1@example.go.jp"});
    CHECK(audits("stock.low") == 1);
    // Still below: nobody is told again.
    CHECK(check() == std::pair{0, 0});
    CHECK(told().size() == 1);

    // Back from repair: recovered, quietly.
    desk.execute("UPDATE devices SET state = 'in_stock' WHERE asset_tag = '" + world.free_tag + "'");
    CHECK(check() == std::pair{0, 1});
    CHECK(told().size() == 1);
    CHECK(audits("stock.recovered") == 1);

    // A new fall is told again.
    desk.execute("UPDATE devices SET state = 'in_repair' WHERE asset_tag = '" + world.free_tag + "'");
    CHECK(check() == std::pair{1, 0});
    CHECK(told().size() == 2);
    CHECK(count_rows(desk.server.database_path(), "SELECT count(*) FROM stock_alerts") == 2);
}

#include "counter_fixtures.hpp"

#include <catch2/catch.hpp>

#include "calendar/tokyo_time.hpp"
#include "test_accounts.hpp"

namespace madoguchi::testing {

using identity::Role;
using nlohmann::json;

SignedInTab::SignedInTab(int port, const std::string& login) : transport(api, "127.0.0.1", port), session(api) {
    api.set_transport(&transport);
    session.form().login = login;
    session.form().password = account_password;
    session.sign_in();
    REQUIRE(drain_until(api, [&] { return !session.busy(); }));
    REQUIRE(session.state() == client::SessionState::signed_in);
}

client::ApiResult SignedInTab::call(const std::string& method, const std::string& path, const json& body) {
    std::optional<client::ApiResult> answer;
    api.send({method, path, body.is_null() ? std::string() : body.dump(), {}}, [&](const client::ApiResult& result) { answer = result; });
    REQUIRE(drain_until(api, [&] { return answer.has_value(); }));
    INFO(method << " " << path << " answered " << answer->status << ": " << answer->body);
    REQUIRE(answer->ok());
    return *answer;
}

namespace {

json body_of(const client::ApiResult& result) { return json::parse(result.body); }

std::string tokyo_day(int days_from_today) {
    return calendar::format_date(calendar::add_days(calendar::to_tokyo(calendar::now()).date, days_from_today));
}

}  // namespace

CounterWorld::CounterWorld() : server(MADOGUCHI_SERVER_BINARY) {
    add_account(server, "desk1", {Role::desk_operator, Role::admin}, "D-DESK");
    const auto sato = add_account(server, "sato", {Role::staff}, "D-TEST");
    desk = std::make_unique<SignedInTab>(server.port(), "desk1");
    staff = std::make_unique<SignedInTab>(server.port(), "sato");

    counter = body_of(desk->call("POST", "/api/v1/locations", {{"building", "経済産業省 別館"}, {"floor", "1階"}, {"room", "貸出窓口"}}))
                  ["location"]["id"].get<std::int64_t>();
    for (const auto* tag : {"MPR-000001", "MPR-000002"}) {
        desk->call("POST", "/api/v1/devices", {{"asset_tag", tag}, {"class", "mobile_printer"}, {"location_id", counter}, {"state", "in_stock"}});
    }
    const auto terms = body_of(desk->call("POST", "/api/v1/lending/terms/loan_request",
                                          {{"text_ja", "貸出機器は業務にのみ使用すること。"}, {"text_en", "Use lent devices for work only."}}));
    // The desk approves printers, and a loan may start today whatever day it is.
    auto rules = body_of(desk->call("GET", "/api/v1/lending/rules"))["rules"];
    json changed = json::array();
    for (const auto& rule : rules) {
        if (rule["class"] != "mobile_printer") continue;
        changed.push_back({{"class", rule["class"]}, {"max_days", rule["max_days"]}, {"approver", "operator"},
                           {"holding_limit", rule["holding_limit"]}, {"overdue_blocks", rule["overdue_blocks"]},
                           {"closed_day_due_allowed", true}, {"version", rule["version"]}});
    }
    desk->call("PUT", "/api/v1/lending/rules", {{"rules", changed}});
    desk->call("PATCH", "/api/v1/users/" + std::to_string(sato), {{"staff_card", sato_card}});

    const json request{{"class", "mobile_printer"}, {"quantity", 1}, {"purpose", "出張先での資料印刷"},
                       {"start_date", tokyo_day(0)}, {"due_date", tokyo_day(3)}, {"delivery", "pickup"},
                       {"pickup_location_id", counter}, {"accessories", {"ACアダプタ"}},
                       {"terms_version", terms["terms"]["version"]}};
    loan = body_of(staff->call("POST", "/api/v1/lending/requests", request))["request"];
    const auto path = "/api/v1/lending/requests/" + std::to_string(loan["id"].get<std::int64_t>());
    loan = body_of(desk->call("POST", path + "/transitions", {{"to", "approved"}, {"version", loan["version"]}}))["request"];
    REQUIRE(loan["devices"].size() == 1);
    ready_tag = loan["devices"][0]["asset_tag"].get<std::string>();
    other_tag = ready_tag == "MPR-000001" ? "MPR-000002" : "MPR-000001";

    const auto open = body_of(desk->call("GET", "/api/v1/lending/kitting-tasks?state=open"));
    for (auto task : open["kitting_tasks"]) {
        if (task["asset_tag"] != ready_tag) continue;
        const auto tick = "/api/v1/lending/kitting-tasks/" + std::to_string(task["id"].get<std::int64_t>()) + "/ticks";
        for (const auto& key : json(task["open_items"])) {
            task = body_of(desk->call("POST", tick, {{"key", key}, {"version", task["version"]}}))["kitting_task"];
        }
    }
    loan = body_of(desk->call("GET", path))["request"];
}

std::string CounterWorld::device_state(const std::string& tag) {
    const auto page = body_of(desk->call("GET", "/api/v1/devices?q=" + tag));
    REQUIRE(page["devices"].size() == 1);
    return page["devices"][0]["state"].get<std::string>();
}

}  // namespace madoguchi::testing

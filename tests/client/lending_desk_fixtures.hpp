#pragma once
// The desk screens' tests against a real server: a signed-in browser tab per person, calls
// that wait for their answer (to seed what the desk works on through the API, as people
// would), and a lending world: a counter, devices in stock, published terms, a staff member,
// their manager, the desk and an admin.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/business_calendar.hpp"
#include "calendar/tokyo_time.hpp"
#include "identity/session.hpp"
#include "platform/native/http_native.hpp"
#include "store/database.hpp"
#include "test_accounts.hpp"

namespace madoguchi::testing {

struct DeskTab {
    DeskTab(int port, const std::string& login) : transport(api, "127.0.0.1", port), session(api) {
        api.set_transport(&transport);
        session.form().login = login;
        session.form().password = account_password;
        session.sign_in();
        REQUIRE(drain_until(api, [&] { return !session.busy(); }));
        REQUIRE(session.state() == client::SessionState::signed_in);
    }
    // Sends and waits for the answer.
    client::ApiResult call(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr) {
        std::optional<client::ApiResult> answer;
        api.send({method, path, body.is_null() ? std::string() : body.dump(), {}},
                 [&](const client::ApiResult& result) { answer = result; });
        REQUIRE(drain_until(api, [&] { return answer.has_value(); }));
        INFO(method << " " << path << " answered " << answer->status << " " << answer->body);
        return *answer;
    }
    nlohmann::json created(const std::string& path, const nlohmann::json& body) {
        const auto result = call("POST", path, body);
        INFO(result.body);
        REQUIRE(result.status == 201);
        return nlohmann::json::parse(result.body);
    }
    template <typename Done>
    void wait(Done done) {
        REQUIRE(drain_until(api, done));
    }
    client::ApiClient api;
    client::NativeHttpTransport transport;
    client::Session session;
};

// The first business day on or after `date`.
inline calendar::Date business_day_from(calendar::Date date) {
    while (calendar::is_closed_day(date)) date = calendar::add_days(date, 1);
    return date;
}

struct LendingWorld {
    // The reminder job stays out of the way (hourly, its longest): the tests send reminders themselves.
    ServerProcess server{MADOGUCHI_SERVER_BINARY, {"--reminders-every", "3600"}};
    std::int64_t counter = 0;
    int terms_version = 0;
    calendar::Date today = calendar::to_tokyo(calendar::now()).date;

    LendingWorld() {
        add_account(server, "desk1", {identity::Role::desk_operator});
        add_account(server, "admin1", {identity::Role::admin});
        add_account(server, "sato", {identity::Role::staff});
        add_account(server, "boss", {identity::Role::manager});
    }

    // Location, devices and terms, through the API.
    void furnish(DeskTab& desk, DeskTab& admin, const std::vector<std::pair<std::string, std::string>>& devices) {
        counter = desk.created("/api/v1/locations", {{"building", "経済産業省 別館"}, {"floor", "1階"}, {"room", "貸出窓口"}})
                      ["location"]["id"]
                          .get<std::int64_t>();
        for (const auto& [class_code, tag] : devices) {
            desk.created("/api/v1/devices", {{"asset_tag", tag}, {"class", class_code}, {"location_id", counter}, {"state", "in_stock"}});
        }
        terms_version = admin.created("/api/v1/lending/terms/loan_request",
                                      {{"text_ja", "貸出機器は業務にのみ使用すること。"}, {"text_en", "Use lent devices for work only."}})
                            ["terms"]["version"]
                                .get<int>();
    }

    // A request from the next business day for three business days.
    nlohmann::json request(DeskTab& staff, const std::string& class_code, bool shipping = false) {
        const auto start = business_day_from(today);
        auto due = start;
        for (int days = 0; days < 2;) {
            due = calendar::add_days(due, 1);
            if (!calendar::is_closed_day(due)) ++days;
        }
        nlohmann::json body{{"class", class_code},
                            {"quantity", 1},
                            {"purpose", "出張先での作業"},
                            {"start_date", calendar::format_date(start)},
                            {"due_date", calendar::format_date(due)},
                            {"accessories", nlohmann::json::array()},
                            {"terms_version", terms_version}};
        if (shipping) {
            body["delivery"] = "shipping";
            body["ship_address"] = "大阪府大阪市中央区大手前1-5-44 近畿経済産業局";
            body["ship_recipient"] = "近畿局 総務課 山田";
        } else {
            body["delivery"] = "pickup";
            body["pickup_location_id"] = counter;
        }
        return staff.created("/api/v1/lending/requests", body)["request"];
    }

    nlohmann::json approve(DeskTab& approver, const nlohmann::json& request) {
        const auto path = "/api/v1/lending/requests/" + std::to_string(request["id"].get<std::int64_t>()) + "/transitions";
        const auto result = approver.call("POST", path, {{"to", "approved"}, {"version", request["version"]}});
        INFO(result.body);
        REQUIRE(result.status == 200);
        return nlohmann::json::parse(result.body)["request"];
    }

    // SQL straight into the server's database: what only time (or the counter) would do.
    void execute(const std::string& sql) {
        auto database = server::store::Database::open(server.data_dir() / "madoguchi.db");
        REQUIRE(database);
        REQUIRE(database.value().execute(sql));
    }

    // The approved request out on loan since ten days ago and due three days ago.
    void overdue(const nlohmann::json& request) {
        const auto id = std::to_string(request["id"].get<std::int64_t>());
        const auto start = calendar::format_date(calendar::add_days(today, -10));
        const auto due = calendar::format_date(calendar::add_days(today, -3));
        execute("UPDATE loan_requests SET state = 'on_loan', start_date = '" + start + "', due_date = '" + due +
                "', version = version + 1 WHERE id = " + id);
        execute("UPDATE devices SET state = 'on_loan' WHERE id IN (SELECT device_id FROM loan_allocations WHERE request_id = " + id + ")");
    }
};

}  // namespace madoguchi::testing

// The trends endpoint over real HTTP and SQLite: its counts follow the tickets opened and moved
// through the API, only the desk, the IT office, auditors and admins read it, a bad range is
// refused, and the CSV opens in Excel as UTF-8.
#include <catch2/catch.hpp>

#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "identity_test_support.hpp"
#include "server_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace calendar = madoguchi::calendar;

namespace {

json opened(const RunningApp& server, SignedIn& user, const std::string& kind, const std::string& category) {
    const json body{{"kind", kind}, {"title", "複合機が印刷できない"}, {"body", "3階の複合機で紙詰まり表示が消えません。"},
                    {"category", category}};
    const auto response = audited(server, [&] { return user.client->Post("/api/v1/tickets", body.dump(), "application/json"); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["ticket"];
}

void move(const RunningApp& server, SignedIn& user, json& ticket, const std::string& to, const std::string& comment = "") {
    json body{{"to", to}, {"version", ticket["version"]}};
    if (!comment.empty()) body["comment"] = comment;
    const auto path = "/api/v1/tickets/" + std::to_string(ticket["id"].get<std::int64_t>()) + "/transitions";
    const auto response = audited(server, [&] { return user.client->Post(path.c_str(), body.dump(), "application/json"); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    ticket = json_of(response)["ticket"];
}

// A week around today (Tokyo), so a run across midnight still finds today's tickets.
std::string this_week() {
    const auto today = calendar::to_tokyo(calendar::now()).date;
    return "?from=" + calendar::format_date(calendar::add_days(today, -6)) +
           "&to=" + calendar::format_date(calendar::add_days(today, 1));
}

std::int64_t count_of(const json& counts, const json& key) {
    for (const auto& entry : counts) {
        if (entry["key"] == key) return entry["count"].get<std::int64_t>();
    }
    return 0;
}

json trends(SignedIn& user, const std::string& query) {
    const auto response = user.client->Get(("/api/v1/tickets/trends" + query).c_str());
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    return json_of(response);
}

}  // namespace

TEST_CASE("trends count the tickets opened and moved through the API", "[tickets][trends][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto ito = signed_in_user(server, {"ito1", {Role::it_office}});
    auto somu = signed_in_user(server, {"staff-somu", {Role::staff}, "D-SOMU"});
    auto jinji = signed_in_user(server, {"staff-jinji", {Role::staff}, "D-JINJI"});

    auto first = opened(server, somu, "inquiry", "device");
    opened(server, somu, "inquiry", "device");
    opened(server, jinji, "inquiry", "software");
    opened(server, jinji, "incident", "device");
    opened(server, somu, "security_incident", "service");
    auto out_of_scope = opened(server, jinji, "security_incident", "service");
    move(server, desk, first, "in_progress");
    move(server, desk, out_of_scope, "escalated");
    move(server, ito, out_of_scope, "closed", "対象外の事象");

    const auto answer = trends(ito, this_week());
    CHECK(answer["total"] == 6);
    CHECK(answer["by_kind"].size() == 7);
    CHECK(count_of(answer["by_kind"], "inquiry") == 3);
    CHECK(count_of(answer["by_kind"], "incident") == 1);
    CHECK(count_of(answer["by_kind"], "security_incident") == 2);
    CHECK(count_of(answer["by_kind"], "problem") == 0);
    CHECK(answer["by_category"][0] == json{{"key", "device"}, {"count", 3}});
    CHECK(count_of(answer["by_division"], "D-SOMU") == 3);
    CHECK(count_of(answer["by_division"], "D-JINJI") == 3);
    CHECK(answer["by_device_class"] == json::array({{{"key", nullptr}, {"count", 6}}}));
    std::int64_t weekly = 0;
    for (const auto& week : answer["by_week"]) weekly += week["count"].get<std::int64_t>();
    CHECK(weekly == 6);
    // inquiry/device twice, service/security twice.
    CHECK(answer["recurring_categories"].size() == 2);
    // The inquiry taken up has its first response; nothing is resolved yet.
    CHECK(answer["first_response"][0]["kind"] == "inquiry");
    CHECK(answer["first_response"][0]["samples"] == 1);
    CHECK(answer["resolution"][0]["samples"] == 0);
    CHECK(answer["resolution"][0]["median_minutes"].is_null());

    const auto& months = answer["security_incidents"];
    REQUIRE_FALSE(months.empty());
    const auto& now = months.back();
    const auto today = calendar::to_tokyo(calendar::now()).date;
    CHECK(now["month"] == calendar::format_date(today).substr(0, 7));
    CHECK(now["received"] == 2);
    CHECK(now["closed"] == 1);
    CHECK(now["open"] == 1);
}

TEST_CASE("only the desk, the IT office, auditors and admins read the trends", "[tickets][trends][api]") {
    RunningApp server;
    for (const auto role : {Role::desk_operator, Role::it_office, Role::auditor, Role::admin}) {
        auto reader = signed_in_user(server, {std::string(madoguchi::identity::role_name(role)) + "1", {role}});
        CHECK(reader.client->Get(("/api/v1/tickets/trends" + this_week()).c_str())->status == 200);
        CHECK(reader.client->Get(("/api/v1/tickets/trends.csv" + this_week()).c_str())->status == 200);
    }
    for (const auto role : {Role::staff, Role::manager, Role::vendor}) {
        auto refused = signed_in_user(server, {std::string(madoguchi::identity::role_name(role)) + "1", {role}});
        for (const auto* path : {"/api/v1/tickets/trends", "/api/v1/tickets/trends.csv"}) {
            const auto response = refused.client->Get((path + this_week()).c_str());
            REQUIRE(response);
            CHECK(response->status == 403);
            CHECK(json_of(response)["error"]["code"] == "forbidden");
        }
    }
}

TEST_CASE("a trend range that runs backwards or over two years is 422, a missing date 400", "[tickets][trends][api]") {
    RunningApp server;
    auto ito = signed_in_user(server, {"ito1", {Role::it_office}});
    const auto refused = [&](const std::string& query, const std::string& field, const std::string& reason) {
        INFO(query);
        const auto response = ito.client->Get(("/api/v1/tickets/trends" + query).c_str());
        REQUIRE(response);
        CHECK(response->status == 422);
        CHECK(json_of(response)["error"]["code"] == "invalid_parameter");
        CHECK(error_fields(response) == std::vector<std::string>{field});
        CHECK(json_of(response)["error"]["fields"][field] == madoguchi::i18n::text(reason, madoguchi::i18n::Language::en));
    };
    refused("?from=2026-11-30&to=2026-11-01", "from", "field.inverted_range");
    refused("?from=2025-01-01&to=2027-01-02", "to", "field.trend_range_too_long");
    refused("?from=1954-12-01&to=1955-01-31", "from", "field.out_of_supported_range");
    check_invalid_parameter(ito.client->Get("/api/v1/tickets/trends?from=2026-11-01"), {"to"}, "field.required");
    check_invalid_parameter(ito.client->Get("/api/v1/tickets/trends.csv?from=2026-13-01&to=2026-11-30"), {"from"},
                            "field.impossible_date");
    check_invalid_parameter(ito.client->Get("/api/v1/tickets/trends?from=2026-11-01&to=2026-11-30&lang=fr"), {"lang"},
                            "field.unknown_language");
    // Exactly two years, one of them a leap year, is fine.
    CHECK(ito.client->Get("/api/v1/tickets/trends?from=2027-01-01&to=2028-12-31")->status == 200);
}

TEST_CASE("the trends CSV is UTF-8 with a byte order mark, one figure per row", "[tickets][trends][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    opened(server, desk, "inquiry", "device");
    opened(server, desk, "incident", "device");

    const auto response = desk.client->Get(("/api/v1/tickets/trends.csv" + this_week()).c_str());
    REQUIRE(response);
    REQUIRE(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(response->get_header_value("Content-Disposition").starts_with("attachment; filename=\"ticket-trends-"));
    const auto& body = response->body;
    REQUIRE(body.starts_with("\xEF\xBB\xBF"));
    CHECK(body.substr(3).starts_with("区分コード,区分,項目コード,項目,指標コード,指標,値\r\n"));
    CHECK(body.find("\r\ntotal,受付件数合計,,,count,件数,2\r\n") != std::string::npos);
    CHECK(body.find("\r\nkind,種別別件数,inquiry,問い合わせ,count,件数,1\r\n") != std::string::npos);
    CHECK(body.find("\r\ncategory,分類別件数,device,機器,count,件数,2\r\n") != std::string::npos);
    CHECK(body.find("\r\ndevice_class,機器分類別件数,,（なし）,count,件数,2\r\n") != std::string::npos);

    const auto english = desk.client->Get(("/api/v1/tickets/trends.csv" + this_week() + "&lang=en").c_str());
    REQUIRE(english);
    CHECK(english->body.substr(3).starts_with("section,section name,key,key name,measure,measure name,value\r\n"));
}

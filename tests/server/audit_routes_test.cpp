#include <catch2/catch.hpp>

#include "audit_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"

using madoguchi::testing::append_record_at;
using madoguchi::testing::check_invalid_parameter;
using madoguchi::testing::json_of;
using madoguchi::testing::Role;
using madoguchi::testing::RunningApp;
using madoguchi::testing::signed_in_user;
using madoguchi::testing::tamper;
using nlohmann::json;

namespace {

madoguchi::server::audit::AuditEntry entry(const std::string& actor, const std::string& action,
                                           const std::string& object_type, const std::string& object_id) {
    return {{actor, "staff", "192.0.2.1"}, action, object_type, object_id, json{{"status", "受付"}},
            json{{"status", "対応中"}}};
}

// A trail of known records (ids 1-6) a year back, before anyone signs in.
void seed(const RunningApp& server) {
    const auto& db = server.database_path();
    append_record_at(db, "2025-11-24T01:00:00Z", entry("staff1", "inquiry.created", "inquiry", "10"));
    append_record_at(db, "2025-11-25T01:00:00Z", entry("staff1", "inquiry.changed", "inquiry", "10"));
    append_record_at(db, "2025-11-25T15:30:00Z", entry("staff2", "inquiry.created", "inquiry", "11"));
    append_record_at(db, "2025-11-26T02:00:00Z", entry("staff2", "session.login", "user", "2"));
    append_record_at(db, "2025-11-26T03:00:00Z", entry("staff2", "session.logout", "user", "2"));
    append_record_at(db, "2025-11-26T04:00:00Z", entry("staff1", "sessionx.odd", "user", "1"));
}

std::vector<std::int64_t> ids_of(const json& page) {
    std::vector<std::int64_t> ids;
    for (const auto& record : page["records"]) ids.push_back(record["id"].get<std::int64_t>());
    return ids;
}

}  // namespace

TEST_CASE("GET /api/v1/audit lists records newest first with filters that combine", "[audit][api]") {
    RunningApp server;
    seed(server);
    auto auditor = signed_in_user(server, {"auditor1", {Role::auditor}});  // record 7: its sign-in
    const auto get = [&](const std::string& query) {
        const auto response = auditor.client->Get(("/api/v1/audit" + query).c_str());
        REQUIRE(response);
        INFO(response->body);
        REQUIRE(response->status == 200);
        return json_of(response);
    };

    const auto all = get("");
    CHECK(ids_of(all) == std::vector<std::int64_t>{7, 6, 5, 4, 3, 2, 1});
    CHECK(all["total"] == 7);
    const auto& third = all["records"][4];
    CHECK(third["occurred_at"] == "2025-11-25T15:30:00Z");
    CHECK(third["occurred_at_tokyo"] == "2025-11-26T00:30:00+09:00");
    CHECK(third["actor"] == "staff2");
    CHECK(third["actor_roles"] == json{"staff"});
    CHECK(third["source_address"] == "192.0.2.1");
    CHECK(third["before"] == json{{"status", "受付"}});
    CHECK(third["after"] == json{{"status", "対応中"}});
    CHECK(third["prev_hash"] == all["records"][5]["hash"]);
    CHECK(third["hash"].get<std::string>().size() == 64);

    CHECK(ids_of(get("?actor=staff2")) == std::vector<std::int64_t>{5, 4, 3});
    CHECK(ids_of(get("?action=inquiry.created")) == std::vector<std::int64_t>{3, 1});
    CHECK(ids_of(get("?action=session.")) == std::vector<std::int64_t>{7, 5, 4});
    CHECK(ids_of(get("?action=session")).empty());  // no dot: exact
    CHECK(ids_of(get("?object_type=inquiry&object_id=10")) == std::vector<std::int64_t>{2, 1});
    CHECK(ids_of(get("?actor=staff2&action=session.")) == std::vector<std::int64_t>{5, 4});
    // Tokyo days: 2025-11-25T15:30Z is on the 26th.
    CHECK(ids_of(get("?from=2025-11-26&to=2025-11-26")) == std::vector<std::int64_t>{6, 5, 4, 3});
    CHECK(ids_of(get("?to=2025-11-25")) == std::vector<std::int64_t>{2, 1});
    CHECK(ids_of(get("?from=2025-11-25&to=2025-11-25")) == std::vector<std::int64_t>{2});

    const auto page = get("?limit=2&offset=1");
    CHECK(ids_of(page) == std::vector<std::int64_t>{6, 5});
    CHECK(page["total"] == 7);
    const auto beyond = get("?actor=staff1&offset=10");
    CHECK(beyond["records"].empty());
    CHECK(beyond["total"] == 3);
}

TEST_CASE("bad audit filters are named", "[audit][api]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    const auto get = [&](const std::string& query) { return admin.client->Get(("/api/v1/audit" + query).c_str()); };
    check_invalid_parameter(get("?limit=0"), {"limit"}, "field.limit_out_of_range");
    check_invalid_parameter(get("?from=2026-13-01"), {"from"}, "field.impossible_date");
    check_invalid_parameter(get("?to=yesterday"), {"to"}, "field.invalid_date");
    check_invalid_parameter(get("?from=2026-11-30&to=2026-11-01"), {"from"}, "field.inverted_range");
    check_invalid_parameter(get("?actor=" + std::string(201, 'a')), {"actor"}, "field.too_long_200");
    const auto several = get("?offset=-1&from=x");
    CHECK(madoguchi::testing::error_fields(several) == std::vector<std::string>{"from", "offset"});
}

TEST_CASE("only auditors and admins reach the audit trail", "[audit][api]") {
    RunningApp server;
    const std::vector<std::string> paths{"/api/v1/audit", "/api/v1/audit/export?from=2026-11-01&to=2026-11-30",
                                         "/api/v1/audit/verify"};
    for (const auto role : {Role::staff, Role::manager, Role::desk_operator, Role::it_office, Role::vendor}) {
        const auto login = "user-" + std::string(madoguchi::identity::role_name(role));
        auto user = signed_in_user(server, {login, {role}});
        for (const auto& path : paths) {
            INFO(login << " " << path);
            const auto response = user.client->Get(path.c_str());
            REQUIRE(response);
            CHECK(response->status == 403);
            CHECK(json_of(response)["error"]["code"] == "forbidden");
        }
    }
    for (const auto& path : paths) CHECK(server.client()->Get(path.c_str())->status == 401);
    for (const auto role : {Role::auditor, Role::admin}) {
        auto user = signed_in_user(server, {"user-" + std::string(madoguchi::identity::role_name(role)), {role}});
        for (const auto& path : paths) {
            INFO(path);
            CHECK(user.client->Get(path.c_str())->status == 200);
        }
    }
    CHECK(madoguchi::testing::count_rows(server.database_path(),
                                         "SELECT count(*) FROM audit_log WHERE action = 'access.denied'") == 15);
}

TEST_CASE("GET /api/v1/audit/verify names the first broken link", "[audit][api]") {
    RunningApp server;
    seed(server);
    auto auditor = signed_in_user(server, {"auditor1", {Role::auditor}});
    const auto intact = json_of(auditor.client->Get("/api/v1/audit/verify"));
    CHECK(intact["intact"] == true);
    CHECK(intact["records"] == 7);
    CHECK(intact["last_hash"] == madoguchi::testing::stored_hash(server.database_path(), 7));

    tamper(server.database_path(), "UPDATE audit_log SET actor = 'staff9' WHERE id = 4");
    const auto broken = json_of(auditor.client->Get("/api/v1/audit/verify"));
    CHECK(broken["intact"] == false);
    CHECK(broken["records"] == 7);
    CHECK(broken["first_broken"]["id"] == 4);
    CHECK(broken["first_broken"]["occurred_at"] == "2025-11-26T02:00:00Z");
    CHECK(broken["first_broken"]["reason"] == "hash_mismatch");
    CHECK(broken["first_broken"]["detail"].get<std::string>().starts_with("content changed"));
}

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "audit_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"

using madoguchi::testing::append_record_at;
using madoguchi::testing::count_rows;
using madoguchi::testing::fresh_database;
using madoguchi::testing::Role;
using madoguchi::testing::run_madoguchi;
using madoguchi::testing::RunningApp;
using madoguchi::testing::signed_in_user;
using madoguchi::testing::TempDir;
namespace fs = std::filesystem;

namespace {

using Rows = std::vector<std::vector<std::string>>;

constexpr std::string_view bom = "\xEF\xBB\xBF";

// RFC 4180 as a spreadsheet reads it: CRLF between records; a quoted field may hold commas,
// doubled quotes and line breaks.
Rows parse_csv(std::string_view text) {
    Rows rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t index = 0; index < text.size(); ++index) {
        const char c = text[index];
        if (quoted) {
            if (c == '"' && index + 1 < text.size() && text[index + 1] == '"') {
                field += '"';
                ++index;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            REQUIRE(field.empty());
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::exchange(field, {}));
        } else if (c == '\r') {
            REQUIRE(text.substr(index, 2) == "\r\n");
            ++index;
            rows.back().push_back(std::exchange(field, {}));
            rows.emplace_back();
        } else {
            REQUIRE(c != '\n');  // a bare line break only inside quotes
            field += c;
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(field.empty());
    REQUIRE(rows.back().empty());  // the file ends with CRLF
    rows.pop_back();
    return rows;
}

Rows rows_without_bom(const std::string& csv) {
    REQUIRE(csv.starts_with(bom));
    auto rows = parse_csv(std::string_view(csv).substr(bom.size()));
    REQUIRE_FALSE(rows.empty());
    CHECK(rows.front() == std::vector<std::string>{"id", "occurred_at", "occurred_at_tokyo", "actor", "actor_roles",
                                                   "source_address", "action", "object_type", "object_id",
                                                   "before_json", "after_json", "hash"});
    for (const auto& row : rows) CHECK(row.size() == 12);
    rows.erase(rows.begin());
    return rows;
}

std::string file_content(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream content;
    content << file.rdbuf();
    return content.str();
}

madoguchi::server::audit::AuditEntry event(const std::string& object_id) {
    return {{"staff1", "staff", "192.0.2.7"}, "inquiry.created", "inquiry", object_id, std::nullopt,
            nlohmann::json{{"n", object_id}}};
}

}  // namespace

TEST_CASE("audit export takes whole days in Tokyo time", "[audit][export]") {
    TempDir temp;
    const auto database = fresh_database(temp.path());
    append_record_at(database, "2026-11-25T14:59:59Z", event("25 Tokyo, last second"));
    append_record_at(database, "2026-11-25T15:00:00Z", event("26 Tokyo, midnight"));
    append_record_at(database, "2026-11-25T15:30:00Z", event("26 Tokyo, 00:30"));
    append_record_at(database, "2026-11-26T14:59:59Z", event("26 Tokyo, last second"));
    append_record_at(database, "2026-11-26T15:00:00Z", event("27 Tokyo, midnight"));

    const auto run = run_madoguchi({"audit", "export", "--db", database.string(), "--from", "2026-11-26", "--to", "2026-11-26"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto rows = rows_without_bom(run.out);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][0] == "2");
    CHECK(rows[0][1] == "2026-11-25T15:00:00Z");
    CHECK(rows[0][2] == "2026-11-26T00:00:00+09:00");
    CHECK(rows[1][1] == "2026-11-25T15:30:00Z");
    CHECK(rows[1][2] == "2026-11-26T00:30:00+09:00");
    CHECK(rows[2][8] == "26 Tokyo, last second");
    CHECK(rows[2][3] == "staff1");
    CHECK(rows[2][4] == "staff");
    CHECK(rows[2][5] == "192.0.2.7");
    CHECK(rows[2][6] == "inquiry.created");
    CHECK(rows[2][7] == "inquiry");
    CHECK(rows[2][9].empty());
    CHECK(rows[2][10] == R"({"n":"26 Tokyo, last second"})");
    CHECK(rows[2][11] == madoguchi::testing::stored_hash(database, 4));
    CHECK(run.err == "exported 3 records of 2026-11-26..2026-11-26 (Asia/Tokyo) to standard output\n");

    const auto day_before = run_madoguchi({"audit", "export", "--db", database.string(), "--from", "2026-11-25", "--to", "2026-11-25"});
    const auto earlier = rows_without_bom(day_before.out);
    REQUIRE(earlier.size() == 1);
    CHECK(earlier[0][2] == "2026-11-25T23:59:59+09:00");
}

TEST_CASE("each Tokyo day of a long trail exports exactly its own records", "[audit][export]") {
    TempDir temp;
    const auto database = fresh_database(temp.path());
    // 5, 0, 9 and 1 records on 1-4 October: the days are found by bisecting ids, and an empty
    // day, a day of one, and the first and last day must all come out right.
    const std::vector<std::pair<std::string, int>> days{
        {"2026-09-30T15:00:00Z", 5}, {"2026-10-02T15:00:00Z", 9}, {"2026-10-04T14:59:58Z", 1}};
    for (const auto& [start, count] : days) {
        const auto first = madoguchi::calendar::parse_iso8601(start).instant;
        REQUIRE(first);
        for (int n = 0; n < count; ++n) {
            append_record_at(database, madoguchi::calendar::format_iso8601_utc({first->unix_seconds + 60 * n}),
                             event(start + "+" + std::to_string(n)));
        }
    }
    const auto exported = [&](const std::string& from, const std::string& to) {
        const auto run = run_madoguchi({"audit", "export", "--db", database.string(), "--from", from, "--to", to});
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        return rows_without_bom(run.out).size();
    };
    CHECK(exported("2026-10-01", "2026-10-01") == 5);
    CHECK(exported("2026-10-02", "2026-10-02") == 0);
    CHECK(exported("2026-10-03", "2026-10-03") == 9);
    CHECK(exported("2026-10-04", "2026-10-04") == 1);
    CHECK(exported("2026-10-02", "2026-10-04") == 10);
    CHECK(exported("2026-09-01", "2026-09-30") == 0);
    CHECK(count_rows(database, "SELECT count(*) FROM audit_clock_steps") == 0);
}

TEST_CASE("after the clock was set back, each record still exports under its own day", "[audit][export]") {
    TempDir temp;
    const auto database = fresh_database(temp.path());
    append_record_at(database, "2026-10-26T01:00:00Z", event("before the clock was set back"));
    // The clock went back past midnight Tokyo: ids no longer follow time.
    append_record_at(database, "2026-10-25T14:30:00Z", event("after the clock was set back"));
    append_record_at(database, "2026-10-26T02:00:00Z", event("later"));
    CHECK(count_rows(database, "SELECT count(*) FROM audit_clock_steps WHERE audit_id = 2") == 1);
    const auto rows_of = [&](const std::string& day) {
        const auto run = run_madoguchi({"audit", "export", "--db", database.string(), "--from", day, "--to", day});
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        return rows_without_bom(run.out);
    };
    const auto earlier = rows_of("2026-10-25");
    REQUIRE(earlier.size() == 1);
    CHECK(earlier[0][8] == "after the clock was set back");
    const auto later = rows_of("2026-10-26");
    REQUIRE(later.size() == 2);
    CHECK(later[0][8] == "before the clock was set back");
    CHECK(later[1][8] == "later");
    CHECK(run_madoguchi({"audit", "verify", "--db", database.string()}).exit_code == 0);
}

TEST_CASE("audit export quotes commas, quotes and line breaks and keeps formulas inert", "[audit][export]") {
    TempDir temp;
    const auto database = fresh_database(temp.path());
    const nlohmann::json tricky{{"subject", "印刷できない, \"至急\""}, {"body", "1行目\n2行目"}};
    append_record_at(database, "2026-11-26T01:00:00Z",
                     {{"anonymous", "", "192.0.2.9"}, "session.login_failed", "login", "=HYPERLINK(\"x\")\r\nline 2",
                      tricky, tricky});
    const auto out = temp.path() / "out" / "audit.csv";
    fs::create_directories(out.parent_path());
    const auto run = run_madoguchi({"audit", "export", "--db", database.string(), "--from", "2026-11-26", "--to",
                                    "2026-11-26", "--out", out.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.empty());
    const auto csv = file_content(out);
    const auto rows = rows_without_bom(csv);
    REQUIRE(rows.size() == 1);
    CHECK(nlohmann::json::parse(rows[0][9]) == tricky);
    CHECK(nlohmann::json::parse(rows[0][10]) == tricky);
    CHECK(rows[0][8] == "'=HYPERLINK(\"x\")\r\nline 2");
    CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\")\r\nline 2\"") != std::string::npos);
}

TEST_CASE("an export is itself audited, and the chain stays intact", "[audit][export]") {
    TempDir temp;
    const auto database = fresh_database(temp.path());
    append_record_at(database, "2026-11-26T01:00:00Z", event("1"));
    const auto run = run_madoguchi({"audit", "export", "--db", database.string(), "--from", "2026-11-01", "--to", "2026-11-30"});
    REQUIRE(run.exit_code == 0);
    CHECK(rows_without_bom(run.out).size() == 1);  // the export's own record comes after it
    CHECK(count_rows(database, "SELECT count(*) FROM audit_log WHERE action = 'audit.exported' AND actor = 'cli' AND "
                               "actor_roles = '' AND source_address = '' AND object_type = 'audit_log' AND "
                               "object_id = '2026-11-01..2026-11-30' AND after_json LIKE '%\"records\":1%'") == 1);
    CHECK(run_madoguchi({"audit", "verify", "--db", database.string()}).exit_code == 0);
}

TEST_CASE("audit export refuses a bad command line before touching anything", "[audit][export][cli]") {
    TempDir temp;
    const auto database = fresh_database(temp.path());
    const auto db = database.string();
    for (const auto& arguments : std::vector<std::vector<std::string>>{
             {"audit", "export", "--db", db, "--to", "2026-11-30"},
             {"audit", "export", "--db", db, "--from", "2026-11-30", "--to", "2026-11-01"},
             {"audit", "export", "--db", db, "--from", "2026-02-30", "--to", "2026-03-01"},
             {"audit", "export", "--db", db, "--from", "2026/11/01", "--to", "2026-11-30"},
             {"audit", "export", "--db", db, "--from", "2026-11-01", "--to", "2026-11-30", "--format", "xlsx"}}) {
        const auto run = run_madoguchi(arguments);
        INFO(run.err);
        CHECK(run.exit_code == 2);
        CHECK_FALSE(run.err.empty());
    }
    CHECK(count_rows(database, "SELECT count(*) FROM audit_log") == 0);
    const auto help = run_madoguchi({"audit", "export", "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Asia/Tokyo") != std::string::npos);
}

TEST_CASE("GET /api/v1/audit/export answers the same CSV as an attachment and audits the signed-in user", "[audit][export][api]") {
    RunningApp server;
    auto auditor = signed_in_user(server, {"auditor1", {Role::auditor}});
    const auto response = auditor.client->Get("/api/v1/audit/export?from=2026-01-01&to=2099-12-31");
    REQUIRE(response);
    INFO(response->body);
    CHECK(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(response->get_header_value("Content-Disposition") ==
          "attachment; filename=\"audit-2026-01-01-2099-12-31.csv\"");
    const auto rows = rows_without_bom(response->body);
    REQUIRE(rows.size() == 1);  // the auditor's sign-in
    CHECK(rows[0][6] == "session.login");
    CHECK(rows[0][3] == "auditor1");
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'audit.exported' AND "
                                             "actor = 'auditor1' AND actor_roles = 'auditor' AND "
                                             "source_address = '127.0.0.1' AND object_id = '2026-01-01..2099-12-31'") == 1);

    madoguchi::testing::check_invalid_parameter(auditor.client->Get("/api/v1/audit/export?from=2026-01-01"), {"to"},
                                                "field.required");
    madoguchi::testing::check_invalid_parameter(auditor.client->Get("/api/v1/audit/export?from=2026-12-01&to=2026-11-01"),
                                                {"from"}, "field.inverted_range");
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    CHECK(staff.client->Get("/api/v1/audit/export?from=2026-01-01&to=2026-12-31")->status == 403);
}

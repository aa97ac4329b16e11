// 監査ログ's view-model against JSON fixtures of GET /api/v1/audit and /api/v1/audit/verify
// (the endpoints are another helper's work): filters → query, records → table, the verify
// result, the export address, and before/after as a field-by-field comparison.
#include <catch2/catch.hpp>

#include "audit/audit_diff.hpp"
#include "audit/audit_records.hpp"

using namespace madoguchi;
using client::FieldChange;
using i18n::Language;

namespace {

const char* two_records = R"({"records":[
  {"id":42,"occurred_at":"2026-11-25T01:05:00Z","actor":"admin1","actor_roles":"admin","source_address":"10.0.0.5",
   "action":"user.updated","object_type":"user","object_id":"7",
   "before":{"name":"山田 花子","roles":["staff"],"email":"","disabled":false},
   "after":{"name":"山田 花子","roles":["staff","manager"],"email":"hanako@example.go.jp","disabled":false},
   "hash":"ab12"},
  {"id":41,"occurred_at":"2026-11-25T00:59:00Z","actor":"anonymous","actor_roles":"","source_address":"10.0.0.9",
   "action":"session.login_failed","object_type":"login","object_id":"yamada","before":null,"after":{"reason":"wrong_password"},
   "hash":"cd34"}],
  "total":1234})";

}  // namespace

TEST_CASE("the audit filters become the server's query, and the export takes the date range", "[audit]") {
    client::AuditFilters filters;
    CHECK(client::audit_path(filters, 200, 0) == "/api/v1/audit?limit=200&offset=0");
    filters.from = calendar::Date{2026, 11, 1};
    filters.to = calendar::Date{2026, 11, 25};
    filters.actor = "admin1";
    filters.action = "user.updated";
    filters.object_type = "user";
    filters.object_id = "17";
    CHECK(client::audit_path(filters, 200, 400) ==
          "/api/v1/audit?from=2026-11-01&to=2026-11-25&actor=admin1&action=user.updated&object_type=user&object_id=17"
          "&limit=200&offset=400");
    CHECK(client::audit_export_path(filters) == "/api/v1/audit/export?from=2026-11-01&to=2026-11-25");
}

TEST_CASE("a page of audit records fills the table, newest first, with paging", "[audit]") {
    client::AuditLog log(Language::ja);
    log.accept(two_records, 200);
    REQUIRE(log.state() == client::AuditLog::State::loaded);
    REQUIRE(log.records().size() == 2);
    CHECK(log.total() == 1234);
    CHECK(log.has_previous());
    CHECK(log.has_next());
    CHECK(log.table().cell_text(0, 0).find("10:05") != std::string::npos);  // shown in Tokyo time
    CHECK(log.table().cell_text(0, 1) == "admin1");
    CHECK(log.table().cell_text(0, 3) == "user 7");
    CHECK(log.records()[1].before.is_null());
    CHECK(log.current() == nullptr);
    log.table().click(1, {});
    REQUIRE(log.current() != nullptr);
    CHECK(log.current()->id == 41);

    log.accept("<html>proxy error</html>", 0);
    CHECK(log.state() == client::AuditLog::State::failed);
    CHECK(log.error_text() == i18n::text("audit.load_failed", Language::ja));
}

TEST_CASE("the chain check reads intact, or the first broken record", "[audit]") {
    client::AuditLog log(Language::ja);
    log.accept_verification(R"({"intact":true,"records":5120,"first_broken":null})");
    CHECK(log.chain().state == client::ChainCheck::State::intact);
    CHECK(log.chain().records == 5120);
    log.accept_verification(R"({"intact":false,"records":5120,"first_broken":313})");
    CHECK(log.chain().state == client::ChainCheck::State::broken);
    CHECK(log.chain().first_broken == 313);
    log.accept_verification(R"({"records":1})");
    CHECK(log.chain().state == client::ChainCheck::State::failed);
}

TEST_CASE("before and after compare field by field: changed, added, removed and unchanged", "[audit]") {
    const auto record = client::audit_record_from_json(nlohmann::json::parse(two_records)["records"][0]);
    REQUIRE(record);
    const auto changes = client::audit_diff(record->before, record->after);
    REQUIRE(changes.size() == 4);  // disabled, email, name, roles in name order
    CHECK(changes[0].field == "disabled");
    CHECK(changes[0].kind == FieldChange::Kind::unchanged);
    CHECK(changes[1].field == "email");
    CHECK(changes[1].kind == FieldChange::Kind::changed);
    CHECK(changes[1].before.empty());
    CHECK(changes[1].after == "hanako@example.go.jp");
    CHECK(changes[2].kind == FieldChange::Kind::unchanged);
    CHECK(changes[2].after == "山田 花子");  // strings without their quotes
    CHECK(changes[3].kind == FieldChange::Kind::changed);
    CHECK(changes[3].after == R"(["staff","manager"])");

    const auto created = client::audit_diff(nullptr, nlohmann::json{{"reason", "wrong_password"}});
    REQUIRE(created.size() == 1);
    CHECK(created[0].kind == FieldChange::Kind::added);
    CHECK(created[0].before.empty());
    const auto removed = client::audit_diff(nlohmann::json{{"name", "x"}, {"note", nullptr}}, nlohmann::json{{"name", "x"}});
    REQUIRE(removed.size() == 2);
    CHECK(removed[1].field == "note");
    CHECK(removed[1].kind == FieldChange::Kind::removed);
    CHECK(removed[1].before == "—");
}

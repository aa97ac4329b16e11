#include "audit_test_support.hpp"

#include <catch2/catch.hpp>

#include "store/migrations.hpp"

namespace madoguchi::testing {
namespace {

namespace store = server::store;

store::Database open_database(const std::filesystem::path& path) {
    auto database = store::Database::open(path);
    if (!database) FAIL(database.error());
    return std::move(database.value());
}

void commit(store::Database& database, const std::function<store::Status()>& body) {
    auto committed = database.transaction(body);
    if (!committed) FAIL(committed.error());
}

}  // namespace

std::filesystem::path fresh_database(const std::filesystem::path& folder) {
    const auto path = folder / "audit.db";
    auto database = open_database(path);
    auto migrated = store::migrate(database);
    if (!migrated) FAIL(migrated.error());
    return path;
}

void append_record_at(const std::filesystem::path& path, const std::string& occurred_at,
                      const server::audit::AuditEntry& entry) {
    const auto instant = calendar::parse_iso8601(occurred_at).instant;
    REQUIRE(instant);
    auto database = open_database(path);
    commit(database, [&] { return server::audit::record_at(database, entry, *instant); });
}

void append_records(const std::filesystem::path& path, int count) {
    auto database = open_database(path);
    commit(database, [&]() -> store::Status {
        for (int number = 1; number <= count; ++number) {
            const server::audit::AuditEntry entry{{"tester", "admin", "192.0.2.1"}, "test.event", "test",
                                                  std::to_string(number), std::nullopt,
                                                  nlohmann::json{{"number", number}}};
            if (auto recorded = server::audit::record(database, entry); !recorded) return recorded;
        }
        return store::success();
    });
}

store::Status run_sql(const std::filesystem::path& path, const std::string& sql) {
    auto database = open_database(path);
    return database.execute(sql);
}

void tamper(const std::filesystem::path& path, const std::string& sql) {
    auto database = open_database(path);
    auto done = database.execute("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; " + sql);
    if (!done) FAIL(done.error());
}

std::string stored_hash(const std::filesystem::path& path, std::int64_t id) {
    auto database = open_database(path);
    auto statement = database.prepare("SELECT hash FROM audit_log WHERE id = ?1");
    REQUIRE(statement);
    statement.value().bind(1, id);
    auto row = statement.value().step();
    REQUIRE(row);
    REQUIRE(row.value());
    return statement.value().column_text(0);
}

}  // namespace madoguchi::testing

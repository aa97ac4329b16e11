#include "chatbot/maintenance_store.hpp"

namespace madoguchi::server::chatbot {
namespace {

constexpr std::string_view window_columns =
    "SELECT w.id, w.starts_at, w.ends_at, w.title, w.ticket_id, t.number, w.created_by, w.created_at "
    "FROM chatbot_maintenance_windows w LEFT JOIN tickets t ON t.id = w.ticket_id ";

StoredWindow window_of(const store::Statement& q) {
    StoredWindow window;
    window.id = q.column_int(0);
    window.starts_at = q.column_text(1);
    window.ends_at = q.column_text(2);
    window.title = q.column_text(3);
    if (!q.column_is_null(4)) window.ticket_id = q.column_int(4);
    if (!q.column_is_null(5)) window.ticket_number = q.column_text(5);
    window.created_by = q.column_text(6);
    window.created_at = q.column_text(7);
    return window;
}

}  // namespace

nlohmann::json to_json(const StoredWindow& window) {
    return {{"id", window.id},
            {"starts_at", window.starts_at},
            {"ends_at", window.ends_at},
            {"title", window.title},
            {"ticket_id", window.ticket_id ? nlohmann::json(*window.ticket_id) : nlohmann::json(nullptr)},
            {"ticket_number", window.ticket_number ? nlohmann::json(*window.ticket_number) : nlohmann::json(nullptr)},
            {"created_by", window.created_by},
            {"created_at", window.created_at}};
}

store::Result<std::vector<StoredWindow>> windows_between(store::Database& database, calendar::Instant from,
                                                         calendar::Instant to) {
    std::string sql(window_columns);
    sql += "WHERE w.starts_at < ?2 AND w.ends_at > ?1 ORDER BY w.starts_at, w.id";
    auto query = database.prepare(sql);
    if (!query) return store::Error{query.error()};
    query.value().bind(1, calendar::format_iso8601_utc(from)).bind(2, calendar::format_iso8601_utc(to));
    std::vector<StoredWindow> windows;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        windows.push_back(window_of(query.value()));
    }
    return windows;
}

store::Result<std::optional<StoredWindow>> find_window(store::Database& database, std::int64_t id) {
    std::string sql(window_columns);
    sql += "WHERE w.id = ?1";
    auto query = database.prepare(sql);
    if (!query) return store::Error{query.error()};
    query.value().bind(1, id);
    auto row = query.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<StoredWindow>();
    return std::optional(window_of(query.value()));
}

store::Result<std::int64_t> insert_window(store::Database& database, const StoredWindow& window) {
    auto insert = database.prepare(
        "INSERT INTO chatbot_maintenance_windows (starts_at, ends_at, title, ticket_id, created_by, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert) return store::Error{insert.error()};
    auto& q = insert.value();
    q.bind(1, window.starts_at).bind(2, window.ends_at).bind(3, window.title);
    if (window.ticket_id) q.bind(4, *window.ticket_id);
    q.bind(5, window.created_by).bind(6, window.created_at);
    if (auto done = q.step(); !done) return store::Error{done.error()};
    return database.last_insert_id();
}

store::Result<std::optional<std::string>> ticket_kind(store::Database& database, std::int64_t id) {
    auto query = database.prepare("SELECT kind FROM tickets WHERE id = ?1");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, id);
    auto row = query.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<std::string>();
    return std::optional(query.value().column_text(0));
}

store::Result<std::vector<Probe>> probes_between(store::Database& database, calendar::Instant from, calendar::Instant to) {
    auto query = database.prepare(
        "SELECT at, up, response_milliseconds, interval_seconds FROM ("
        "  SELECT * FROM (SELECT * FROM chatbot_probes WHERE at < ?1 ORDER BY at DESC, id DESC LIMIT 1) "
        "  UNION ALL SELECT * FROM chatbot_probes WHERE at >= ?1 AND at < ?2) ORDER BY at, id");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, calendar::format_iso8601_utc(from)).bind(2, calendar::format_iso8601_utc(to));
    std::vector<Probe> probes;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        auto& q = query.value();
        const auto at = calendar::parse_iso8601(q.column_text(0));
        if (!at.instant) continue;
        probes.push_back({*at.instant, q.column_int(1) == 1, q.column_int(2), q.column_int(3)});
    }
    return probes;
}

}  // namespace madoguchi::server::chatbot

#include "knowledge/article_write.hpp"

#include "audit/audit_log.hpp"
#include "calendar/tokyo_time.hpp"
#include "identity/request_actor.hpp"

namespace madoguchi::server::knowledge {
namespace {

store::Result<ArticleRow> reread(store::Database& database, std::int64_t id) {
    auto found = find_article(database, id);
    if (!found) return store::Error{found.error()};
    if (!found.value()) return store::Error{"knowledge article " + std::to_string(id) + " vanished inside its write"};
    return std::move(*found.value());
}

void stamp(ArticleVersion& version, const audit::Actor& actor) {
    version.changed_at = calendar::format_iso8601_utc(calendar::now());
    version.changed_by = actor.name;
}

}  // namespace

http::Reply stale_article(const ArticleRow& current) {
    auto body = api::to_json(api::make_error("stale_version"));
    body["article"] = to_json(current);
    return {409, body};
}

store::Result<std::optional<ArticleRow>> change_article_as(store::Database& database, const audit::Actor& actor,
                                                           const ArticleRow& before, ArticleVersion next,
                                                           std::int64_t read_version, std::string_view action) {
    if (read_version != before.current.version) return std::optional<ArticleRow>();
    next.version = read_version + 1;
    stamp(next, actor);
    auto written = write_version(database, before.id, next, read_version);
    if (!written) return store::Error{written.error()};
    if (!written.value()) return std::optional<ArticleRow>();
    auto after = reread(database, before.id);
    if (!after) return store::Error{after.error()};
    const audit::AuditEntry entry{actor, std::string(action), "knowledge_article", std::to_string(before.id),
                                  to_json(before), to_json(after.value())};
    if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
    return std::optional<ArticleRow>(std::move(after.value()));
}

store::Result<ArticleRow> create_article_as(store::Database& database, const audit::Actor& actor, ArticleVersion first,
                                            std::optional<std::int64_t> source_ticket_id) {
    first.version = 1;
    stamp(first, actor);
    auto id = insert_article(database, first, source_ticket_id);
    if (!id) return store::Error{id.error()};
    auto created = reread(database, id.value());
    if (!created) return store::Error{created.error()};
    const audit::AuditEntry entry{actor, "knowledge.created", "knowledge_article", std::to_string(id.value()),
                                  std::nullopt, to_json(created.value())};
    if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
    return created;
}

store::Result<http::Reply> write_article_change(store::Database& database, const http::RequestContext& context,
                                                const ArticleRow& before, ArticleVersion next, std::int64_t read_version,
                                                std::string_view action, int status) {
    auto changed = change_article_as(database, identity::actor_of(context), before, std::move(next), read_version, action);
    if (!changed) return store::Error{changed.error()};
    if (!changed.value()) return stale_article(before);
    return http::Reply{status, {{"article", to_json(*changed.value())}}};
}

store::Result<http::Reply> create_article(store::Database& database, const http::RequestContext& context,
                                          ArticleVersion first, std::optional<std::int64_t> source_ticket_id) {
    auto created = create_article_as(database, identity::actor_of(context), std::move(first), source_ticket_id);
    if (!created) return store::Error{created.error()};
    return http::Reply{201, {{"article", to_json(created.value())}}};
}

}  // namespace madoguchi::server::knowledge

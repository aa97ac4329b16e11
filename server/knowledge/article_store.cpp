#include "knowledge/article_store.hpp"

#include "knowledge/article_search.hpp"
#include "store/conditions.hpp"

namespace madoguchi::server::knowledge {
namespace {

namespace domain = madoguchi::knowledge;

constexpr std::string_view select_articles =
    "SELECT a.id, a.version, a.question, a.answer, a.category, a.audiences, a.state, a.updated_at, a.updated_by, "
    "coalesce((SELECT v.reason FROM knowledge_article_versions v WHERE v.article_id = a.id AND v.version = a.version), ''), "
    "a.created_at, a.created_by, a.source_ticket_id, "
    "(SELECT count(*) FROM knowledge_feedback f WHERE f.article_id = a.id AND f.solved = 1), "
    "(SELECT count(*) FROM knowledge_feedback f WHERE f.article_id = a.id AND f.solved = 0) "
    "FROM knowledge_articles a";

// ",staff,chatbot,": framed so that contains(audiences, ',staff,') finds exactly one name.
std::string stored_audiences(const std::vector<Audience>& audiences) {
    std::string stored = ",";
    for (const auto audience : audiences) {
        stored += domain::audience_name(audience);
        stored += ',';
    }
    return stored;
}

std::string audience_marker(Audience audience) {
    std::string marker = ",";
    marker += domain::audience_name(audience);
    marker += ',';
    return marker;
}

std::vector<Audience> audiences_from(const std::string& stored) {
    std::vector<Audience> audiences;
    for (const auto audience : domain::all_audiences()) {
        if (stored.find(audience_marker(audience)) != std::string::npos) audiences.push_back(audience);
    }
    return audiences;
}

ArticleRow read_row(const store::Statement& row) {
    ArticleRow article;
    article.id = row.column_int(0);
    auto& current = article.current;
    current.version = row.column_int(1);
    current.question = row.column_text(2);
    current.answer = row.column_text(3);
    current.category = row.column_text(4);
    current.audiences = audiences_from(row.column_text(5));
    current.state = domain::parse_article_state(row.column_text(6)).value_or(ArticleState::draft);
    current.changed_at = row.column_text(7);
    current.changed_by = row.column_text(8);
    current.reason = row.column_text(9);
    article.created_at = row.column_text(10);
    article.created_by = row.column_text(11);
    if (!row.column_is_null(12)) article.source_ticket_id = row.column_int(12);
    article.solved_count = row.column_int(13);
    article.unsolved_count = row.column_int(14);
    return article;
}

store::Result<std::vector<ArticleRow>> read_rows(store::Statement& statement) {
    std::vector<ArticleRow> rows;
    while (true) {
        auto stepped = statement.step();
        if (!stepped) return store::Error{stepped.error()};
        if (!stepped.value()) return rows;
        rows.push_back(read_row(statement));
    }
}

store::Status insert_version_row(store::Database& database, std::int64_t id, const ArticleVersion& version) {
    auto insert = database.prepare(
        "INSERT INTO knowledge_article_versions (article_id, version, question, answer, category, audiences, state, "
        "changed_at, changed_by, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, id).bind(2, version.version).bind(3, version.question).bind(4, version.answer)
        .bind(5, version.category).bind(6, stored_audiences(version.audiences)).bind(7, domain::state_name(version.state))
        .bind(8, version.changed_at).bind(9, version.changed_by).bind(10, version.reason);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

void add_filters(store::Conditions& conditions, const ArticleQuery& query) {
    for (const auto& term : query.terms) conditions.add("contains(a.search_text, ?)", term);
    if (query.audience) conditions.add("contains(a.audiences, ?)", audience_marker(*query.audience));
    if (query.state) conditions.add("a.state = ?", std::string(domain::state_name(*query.state)));
    if (query.published_for_staff) {
        conditions.add("contains(a.audiences, ?)", audience_marker(Audience::staff));
        conditions.add_sql("a.state = 'published'");
    }
}

}  // namespace

nlohmann::json to_json(const ArticleRow& row) {
    auto json = domain::to_json(row.current);
    json.erase("changed_at");
    json.erase("changed_by");
    json["id"] = row.id;
    json["updated_at"] = row.current.changed_at;
    json["updated_by"] = row.current.changed_by;
    json["created_at"] = row.created_at;
    json["created_by"] = row.created_by;
    json["source_ticket_id"] = row.source_ticket_id ? nlohmann::json(*row.source_ticket_id) : nlohmann::json(nullptr);
    json["solved_count"] = row.solved_count;
    json["unsolved_count"] = row.unsolved_count;
    return json;
}

store::Result<std::int64_t> insert_article(store::Database& database, const ArticleVersion& first,
                                           std::optional<std::int64_t> source_ticket_id) {
    auto insert = database.prepare(
        "INSERT INTO knowledge_articles (question, answer, category, audiences, state, version, created_at, created_by, "
        "updated_at, updated_by, source_ticket_id, search_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8, ?9, ?10)");
    if (!insert) return store::Error{insert.error()};
    auto& statement = insert.value();
    statement.bind(1, first.question).bind(2, first.answer).bind(3, first.category)
        .bind(4, stored_audiences(first.audiences)).bind(5, domain::state_name(first.state)).bind(6, first.version)
        .bind(7, first.changed_at).bind(8, first.changed_by)
        .bind(10, domain::article_search_text(first.question, first.answer, first.category));
    if (source_ticket_id) statement.bind(9, *source_ticket_id);
    if (auto done = statement.step(); !done) return store::Error{done.error()};
    const auto id = database.last_insert_id();
    if (auto kept = insert_version_row(database, id, first); !kept) return store::Error{kept.error()};
    return id;
}

store::Result<std::optional<ArticleRow>> find_article(store::Database& database, std::int64_t id) {
    auto select = database.prepare(std::string(select_articles) + " WHERE a.id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto rows = read_rows(select.value());
    if (!rows) return store::Error{rows.error()};
    if (rows.value().empty()) return std::optional<ArticleRow>();
    return std::optional<ArticleRow>(std::move(rows.value().front()));
}

store::Result<bool> write_version(store::Database& database, std::int64_t id, const ArticleVersion& next,
                                  std::int64_t read_version) {
    auto update = database.prepare(
        "UPDATE knowledge_articles SET question = ?1, answer = ?2, category = ?3, audiences = ?4, state = ?5, "
        "version = ?6, updated_at = ?7, updated_by = ?8, search_text = ?9 WHERE id = ?10 AND version = ?11");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, next.question).bind(2, next.answer).bind(3, next.category)
        .bind(4, stored_audiences(next.audiences)).bind(5, domain::state_name(next.state)).bind(6, next.version)
        .bind(7, next.changed_at).bind(8, next.changed_by)
        .bind(9, domain::article_search_text(next.question, next.answer, next.category)).bind(10, id)
        .bind(11, read_version);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    if (database.changes() == 0) return false;
    if (auto kept = insert_version_row(database, id, next); !kept) return store::Error{kept.error()};
    return true;
}

store::Result<std::vector<ArticleVersion>> article_versions(store::Database& database, std::int64_t id) {
    auto select = database.prepare(
        "SELECT version, question, answer, category, audiences, state, changed_at, changed_by, reason "
        "FROM knowledge_article_versions WHERE article_id = ?1 ORDER BY version DESC");
    if (!select) return store::Error{select.error()};
    auto& statement = select.value();
    statement.bind(1, id);
    std::vector<ArticleVersion> versions;
    while (true) {
        auto stepped = statement.step();
        if (!stepped) return store::Error{stepped.error()};
        if (!stepped.value()) return versions;
        versions.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2),
                            statement.column_text(3), audiences_from(statement.column_text(4)),
                            domain::parse_article_state(statement.column_text(5)).value_or(ArticleState::draft),
                            statement.column_text(6), statement.column_text(7), statement.column_text(8)});
    }
}

store::Result<ArticlePage> list_articles(store::Database& database, const ArticleQuery& query) {
    store::Conditions conditions;
    add_filters(conditions, query);
    ArticlePage page;
    auto count = database.prepare("SELECT count(*) FROM knowledge_articles a" + conditions.sql());
    if (!count) return store::Error{count.error()};
    conditions.bind(count.value());
    if (auto stepped = count.value().step(); !stepped) return store::Error{stepped.error()};
    page.total = count.value().column_int(0);
    const auto next = std::to_string(conditions.parameter_count() + 1);
    auto select = database.prepare(std::string(select_articles) + conditions.sql() +
                                   " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?" + next + " OFFSET ?" +
                                   std::to_string(conditions.parameter_count() + 2));
    if (!select) return store::Error{select.error()};
    conditions.bind(select.value());
    select.value().bind(conditions.parameter_count() + 1, query.limit).bind(conditions.parameter_count() + 2, query.offset);
    auto rows = read_rows(select.value());
    if (!rows) return store::Error{rows.error()};
    page.articles = std::move(rows.value());
    return page;
}

store::Result<std::vector<ArticleRow>> articles_for(store::Database& database, Audience audience,
                                                    std::optional<ArticleState> state) {
    ArticleQuery query;
    query.audience = audience;
    query.state = state;
    store::Conditions conditions;
    add_filters(conditions, query);
    auto select = database.prepare(std::string(select_articles) + conditions.sql() + " ORDER BY a.id");
    if (!select) return store::Error{select.error()};
    conditions.bind(select.value());
    return read_rows(select.value());
}

store::Status insert_feedback(store::Database& database, std::int64_t article_id, bool solved, std::int64_t user_id,
                              const std::string& at) {
    auto insert = database.prepare(
        "INSERT INTO knowledge_feedback (article_id, solved, user_id, created_at) VALUES (?1, ?2, ?3, ?4)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, article_id).bind(2, std::int64_t{solved ? 1 : 0}).bind(3, user_id).bind(4, at);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace madoguchi::server::knowledge

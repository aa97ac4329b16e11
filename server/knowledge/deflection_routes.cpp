#include "knowledge/deflection_routes.hpp"

#include <algorithm>

#include "audit/audit_log.hpp"
#include "calendar/tokyo_time.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "knowledge/article_search.hpp"
#include "knowledge/knowledge_access.hpp"
#include "knowledge/route_support.hpp"

namespace madoguchi::server::knowledge {
namespace {

namespace domain = madoguchi::knowledge;
using http::Reply;
using http::RequestContext;

struct Suggestion {
    const ArticleRow* article;
    int score;
};

// Best first: most words found where they matter most, then what solved most matters, then newest.
bool better(const Suggestion& one, const Suggestion& other) {
    if (one.score != other.score) return one.score > other.score;
    if (one.article->solved_count != other.article->solved_count) return one.article->solved_count > other.article->solved_count;
    return one.article->id > other.article->id;
}

void suggest(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
             const RequestContext&) {
    const auto terms = domain::search_terms(http::query_param(request, "q").value_or(""));
    auto items = nlohmann::json::array();
    if (terms.empty()) return http::send_json(response, 200, {{"items", items}});
    auto articles = database.use([&](store::Database& connection) {
        return articles_for(connection, Audience::staff, ArticleState::published);
    });
    if (!articles) return http::send_failure(request, response, articles.error());
    std::vector<Suggestion> found;
    for (const auto& article : articles.value()) {
        const auto& current = article.current;
        const int score = domain::suggestion_score(terms, current.question, current.answer, current.category);
        if (score > 0) found.push_back({&article, score});
    }
    std::sort(found.begin(), found.end(), better);
    if (found.size() > domain::max_suggestions) found.resize(domain::max_suggestions);
    for (const auto& suggestion : found) {
        const auto& article = *suggestion.article;
        items.push_back({{"id", article.id},
                         {"question", article.current.question},
                         {"answer", article.current.answer},
                         {"category", article.current.category}});
    }
    http::send_json(response, 200, {{"items", items}});
}

void feedback(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
              const RequestContext& context) {
    const auto given = id_and_body(context, request, response);
    if (!given) return;
    const auto id = given->id;
    http::BodyReader reader(given->body, {"solved"});
    const auto solved = reader.boolean("solved");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    answer_for_article(database, request, response, context, id, [&](store::Database& connection, const ArticleRow& before) -> store::Result<Reply> {
        const auto at = calendar::format_iso8601_utc(calendar::now());
        if (auto stored = insert_feedback(connection, before.id, solved, context.principal->user.id, at); !stored) {
            return store::Error{stored.error()};
        }
        auto after = find_article(connection, before.id);
        if (!after) return store::Error{after.error()};
        const nlohmann::json given{{"article_id", before.id}, {"solved", solved}, {"created_at", at}};
        const audit::AuditEntry entry{identity::actor_of(context), "knowledge.feedback", "knowledge_article",
                                      std::to_string(before.id), std::nullopt, given};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{201,
                     {{"feedback", given},
                      {"solved_count", after.value()->solved_count},
                      {"unsolved_count", after.value()->unsolved_count}}};
    });
}

}  // namespace

void add_deflection_routes(http::Router& router, store::SharedDatabase& database) {
    router.add({"GET", "/api/v1/knowledge/suggest", "suggestKnowledgeArticles", knowledge_readers(), bound(database, suggest)});
    router.add({"POST", "/api/v1/knowledge/articles/{id}/feedback", "giveKnowledgeFeedback", knowledge_readers(),
                bound(database, feedback)});
}

}  // namespace madoguchi::server::knowledge

#include "knowledge/article_routes.hpp"

#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "knowledge/article_diff.hpp"
#include "knowledge/article_search.hpp"
#include "knowledge/article_write.hpp"
#include "knowledge/knowledge_access.hpp"
#include "knowledge/route_support.hpp"

namespace madoguchi::server::knowledge {
namespace {

namespace domain = madoguchi::knowledge;
using http::refusal;
using http::Reply;
using http::RequestContext;

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const RequestContext& context) {
    const auto page = http::parse_page(request);
    auto error = std::holds_alternative<api::ApiError>(page) ? std::get<api::ApiError>(page)
                                                             : api::make_error("invalid_parameter");
    ArticleQuery query;
    query.terms = domain::search_terms(http::query_param(request, "q").value_or(""));
    if (auto audience = http::query_param(request, "audience"); audience && !audience->empty()) {
        query.audience = domain::parse_audience(*audience);
        if (!query.audience) api::add_field(error, "audience", "field.unknown_audience_filter");
    }
    if (auto state = http::query_param(request, "state"); state && !state->empty()) {
        query.state = domain::parse_article_state(*state);
        if (!query.state) api::add_field(error, "state", "field.unknown_article_state");
    }
    if (!error.fields.empty()) return http::send_error(response, 400, error);
    query.limit = std::get<http::Page>(page).limit;
    query.offset = std::get<http::Page>(page).offset;
    query.published_for_staff = !reads_everything(*context.principal);
    auto found = database.use([&](store::Database& connection) { return list_articles(connection, query); });
    if (!found) return http::send_failure(request, response, found.error());
    auto articles = nlohmann::json::array();
    for (const auto& article : found.value().articles) articles.push_back(to_json(article));
    http::send_json(response, 200, {{"articles", articles}, {"total", found.value().total}});
}

void detail(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto id = path_id(context, response);
    if (!id) return;
    const bool everything = reads_everything(*context.principal);
    std::optional<nlohmann::json> document;
    auto read = database.use([&](store::Database& connection) -> store::Status {
        auto found = find_article(connection, *id);
        if (!found) return store::Error{found.error()};
        if (!found.value() || !may_read(*context.principal, *found.value())) return store::success();
        document = nlohmann::json{{"article", to_json(*found.value())}};
        if (!everything) return store::success();
        auto versions = article_versions(connection, *id);
        if (!versions) return store::Error{versions.error()};
        auto listed = nlohmann::json::array();
        for (const auto& version : versions.value()) listed.push_back(domain::to_json(version));
        (*document)["versions"] = listed;
        return store::success();
    });
    if (!read) return http::send_failure(request, response, read.error());
    if (!document) return http::send_error(response, 404, api::make_error("not_found"));
    http::send_json(response, 200, *document);
}

void create(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"question", "answer", "category", "audiences"});
    domain::ArticleDraft draft{reader.string("question"), reader.string("answer"), reader.string("category"),
                               reader.strings("audiences")};
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    if (auto problems = domain::validate(draft); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    ArticleVersion first{1, draft.question, draft.answer, draft.category, *domain::audiences_of(draft.audiences),
                         ArticleState::draft, "", "", ""};
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) {
        return create_article(connection, context, std::move(first), std::nullopt);
    });
}

void update(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto given = id_and_body(context, request, response);
    if (!given) return;
    const auto id = given->id;
    http::BodyReader reader(given->body, {"question", "answer", "category", "audiences", "reason", "version"});
    const auto question = reader.optional_string("question");
    const auto answer = reader.optional_string("answer");
    const auto category = reader.optional_string("category");
    const auto audiences = reader.optional_strings("audiences");
    const auto reason = reader.optional_string("reason").value_or("");
    const auto read_version = reader.integer("version");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    if (auto problems = domain::validate_reason(reason); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    answer_for_article(database, request, response, context, id, [&](store::Database& connection, const ArticleRow& before) {
        auto current = before.current;
        std::vector<std::string> audience_names;
        for (const auto audience : current.audiences) audience_names.emplace_back(domain::audience_name(audience));
        const domain::ArticleDraft draft{question.value_or(current.question), answer.value_or(current.answer),
                                         category.value_or(current.category), audiences.value_or(audience_names)};
        if (auto problems = domain::validate(draft); !problems.empty()) {
            return store::Result<Reply>(refusal(422, api::validation_error(problems)));
        }
        auto next = current;
        next.question = draft.question;
        next.answer = draft.answer;
        next.category = draft.category;
        next.audiences = *domain::audiences_of(draft.audiences);
        next.reason = reason;
        if (read_version == current.version && same_content(next, current)) return store::Result<Reply>(no_change());
        return write_article_change(connection, context, before, std::move(next), read_version, "knowledge.updated", 200);
    });
}

void transition(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const RequestContext& context) {
    const auto given = id_and_body(context, request, response);
    if (!given) return;
    const auto id = given->id;
    http::BodyReader reader(given->body, {"to", "reason", "version"});
    const auto to_name = reader.string("to");
    const auto reason = reader.optional_string("reason").value_or("");
    const auto read_version = reader.integer("version");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    auto problems = domain::validate_reason(reason);
    const auto to = domain::parse_article_state(to_name);
    if (!to) problems.push_back({"to", "field.unknown_article_state"});
    if (!problems.empty()) return http::send_error(response, 422, api::validation_error(problems));
    answer_for_article(database, request, response, context, id, [&](store::Database& connection, const ArticleRow& before) {
        if (read_version != before.current.version) return store::Result<Reply>(stale_article(before));
        if (!domain::may_move(before.current.state, *to)) {
            auto body = api::to_json(api::field_error("transition_refused", "to", "field.article_move_refused"));
            auto allowed = nlohmann::json::array();
            for (const auto state : {ArticleState::published, ArticleState::unpublished}) {
                if (domain::may_move(before.current.state, state)) allowed.push_back(domain::state_name(state));
            }
            body["allowed"] = allowed;
            return store::Result<Reply>(Reply{409, body});
        }
        auto next = before.current;
        next.state = *to;
        next.reason = reason;
        const auto action = *to == ArticleState::published ? "knowledge.published" : "knowledge.unpublished";
        return write_article_change(connection, context, before, std::move(next), read_version, action, 200);
    });
}

void difference(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const RequestContext& context) {
    const auto id = path_id(context, response);
    if (!id) return;
    auto error = api::make_error("invalid_parameter");
    const auto number = [&](const std::string& name) -> std::int64_t {
        const auto text = http::query_param(request, name);
        if (!text) {
            api::add_field(error, name, "field.required");
            return 0;
        }
        const auto value = http::parse_integer(*text);
        if (!value) api::add_field(error, name, "field.not_integer");
        return value.value_or(0);
    };
    const auto from_number = number("from");
    const auto to_number = number("to");
    if (!error.fields.empty()) return http::send_error(response, 400, error);
    std::optional<Reply> reply;
    auto read = database.use([&](store::Database& connection) -> store::Status {
        auto found = find_article(connection, *id);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return store::success();
        auto versions = article_versions(connection, *id);
        if (!versions) return store::Error{versions.error()};
        const auto* from = find_version(versions.value(), from_number);
        const auto* to = find_version(versions.value(), to_number);
        if (from == nullptr || to == nullptr) {
            auto unknown = api::make_error("invalid_parameter");
            if (from == nullptr) api::add_field(unknown, "from", "field.unknown_article_version");
            if (to == nullptr) api::add_field(unknown, "to", "field.unknown_article_version");
            reply = refusal(400, unknown);
            return store::success();
        }
        reply = Reply{200, {{"from", from_number}, {"to", to_number}, {"diff", domain::to_json(domain::article_diff(*from, *to))}}};
        return store::success();
    });
    if (!read) return http::send_failure(request, response, read.error());
    if (!reply) return http::send_error(response, 404, api::make_error("not_found"));
    http::send_json(response, reply->status, reply->body);
}

void restore(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
             const RequestContext& context) {
    const auto given = id_and_body(context, request, response);
    if (!given) return;
    const auto id = given->id;
    http::BodyReader reader(given->body, {"version_number", "reason", "version"});
    const auto number = reader.integer("version_number");
    const auto reason = reader.optional_string("reason").value_or("");
    const auto read_version = reader.integer("version");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    if (auto problems = domain::validate_reason(reason); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    answer_for_article(database, request, response, context, id, [&](store::Database& connection, const ArticleRow& before) {
        auto versions = article_versions(connection, id);
        if (!versions) return store::Result<Reply>(store::Error{versions.error()});
        const auto* restored = find_version(versions.value(), number);
        if (restored == nullptr) {
            return store::Result<Reply>(
                refusal(422, api::field_error("validation_failed", "version_number", "field.unknown_article_version")));
        }
        // The content comes back; whether the article is published stays as it is now.
        auto next = before.current;
        next.question = restored->question;
        next.answer = restored->answer;
        next.category = restored->category;
        next.audiences = restored->audiences;
        next.reason = reason;
        if (read_version == before.current.version && same_content(next, before.current)) {
            return store::Result<Reply>(no_change());
        }
        return write_article_change(connection, context, before, std::move(next), read_version, "knowledge.restored", 201);
    });
}

}  // namespace

void add_article_routes(http::Router& router, store::SharedDatabase& database) {
    const auto writers = knowledge_writers();
    router.add({"GET", "/api/v1/knowledge/articles", "listKnowledgeArticles", knowledge_readers(), bound(database, list)});
    router.add({"POST", "/api/v1/knowledge/articles", "createKnowledgeArticle", writers, bound(database, create)});
    router.add({"GET", "/api/v1/knowledge/articles/{id}", "getKnowledgeArticle", knowledge_readers(), bound(database, detail)});
    router.add({"PATCH", "/api/v1/knowledge/articles/{id}", "updateKnowledgeArticle", writers, bound(database, update)});
    router.add({"POST", "/api/v1/knowledge/articles/{id}/transitions", "transitionKnowledgeArticle", writers,
                bound(database, transition)});
    router.add({"GET", "/api/v1/knowledge/articles/{id}/diff", "diffKnowledgeArticleVersions", knowledge_desk_readers(),
                bound(database, difference)});
    router.add({"POST", "/api/v1/knowledge/articles/{id}/restore", "restoreKnowledgeArticleVersion", writers,
                bound(database, restore)});
}

}  // namespace madoguchi::server::knowledge

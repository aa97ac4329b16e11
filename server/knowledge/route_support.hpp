#pragma once
// Pieces the knowledge routes share: the article id in the path, the article a change works
// on (404 for one the caller may not read), and the refusals every change gives alike.
#include <functional>
#include <optional>
#include <vector>

#include "http/router.hpp"
#include "http/transaction_reply.hpp"
#include "knowledge/article_store.hpp"

namespace madoguchi::server::knowledge {

// The {id} of the path, or empty after a 400 was sent.
std::optional<std::int64_t> path_id(const http::RequestContext& context, httplib::Response& response);

struct IdAndBody {
    std::int64_t id = 0;
    nlohmann::json body;  // a JSON object
};

// The {id} of the path and the request's JSON object, or empty after the refusal was sent.
std::optional<IdAndBody> id_and_body(const http::RequestContext& context, const httplib::Request& request,
                                     httplib::Response& response);

using ArticleChange = std::function<store::Result<http::Reply>(store::Database&, const ArticleRow&)>;

// Runs `change` in one transaction on the article the caller may read, or answers 404.
void answer_for_article(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context, std::int64_t id, const ArticleChange& change);

// The version with this number; null when there is none.
const ArticleVersion* find_version(const std::vector<ArticleVersion>& versions, std::int64_t number);

// Question, answer, category and audiences all equal.
bool same_content(const ArticleVersion& one, const ArticleVersion& other);

// 422 validation_failed: the change would write what is already there.
http::Reply no_change();

// A handler taking the database first, as a route's handler.
template <typename Handler>
http::RouteHandler bound(store::SharedDatabase& database, Handler handler) {
    return [&database, handler](const httplib::Request& request, httplib::Response& response,
                                const http::RequestContext& context) { handler(database, request, response, context); };
}

}  // namespace madoguchi::server::knowledge

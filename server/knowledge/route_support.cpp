#include "knowledge/route_support.hpp"

#include "http/errors.hpp"
#include "http/paging.hpp"
#include "knowledge/knowledge_access.hpp"

namespace madoguchi::server::knowledge {

std::optional<std::int64_t> path_id(const http::RequestContext& context, httplib::Response& response) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) {
        http::send_error(response, 400, *error);
        return std::nullopt;
    }
    return std::get<std::int64_t>(id);
}

std::optional<IdAndBody> id_and_body(const http::RequestContext& context, const httplib::Request& request,
                                     httplib::Response& response) {
    const auto id = path_id(context, response);
    if (!id) return std::nullopt;
    auto object = http::json_object(request, response);
    if (!object) return std::nullopt;
    return IdAndBody{*id, std::move(*object)};
}

void answer_for_article(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context, std::int64_t id, const ArticleChange& change) {
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<http::Reply> {
        auto found = find_article(connection, id);
        if (!found) return store::Error{found.error()};
        if (!found.value() || !may_read(*context.principal, *found.value())) {
            return http::refusal(404, api::make_error("not_found"));
        }
        return change(connection, *found.value());
    });
}

const ArticleVersion* find_version(const std::vector<ArticleVersion>& versions, std::int64_t number) {
    for (const auto& version : versions) {
        if (version.version == number) return &version;
    }
    return nullptr;
}

bool same_content(const ArticleVersion& one, const ArticleVersion& other) {
    return one.question == other.question && one.answer == other.answer && one.category == other.category &&
           one.audiences == other.audiences;
}

http::Reply no_change() { return http::refusal(422, api::field_error("validation_failed", "article", "field.no_article_change")); }

}  // namespace madoguchi::server::knowledge

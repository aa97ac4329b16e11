#include "placement/placement_answers.hpp"

#include "http/errors.hpp"
#include "http/paging.hpp"
#include "placement/placement_access.hpp"
#include "placement/placement_store.hpp"

namespace madoguchi::server::placement {

store::Result<nlohmann::json> request_answer(store::Database& database, const identity::Principal& principal,
                                             const madoguchi::placement::PlacementRequest& request) {
    auto moves = nlohmann::json::array();
    for (const auto& move : madoguchi::placement::moves_for(request.state, parties_of(principal, request))) {
        moves.push_back({{"to", madoguchi::placement::state_name(move.to)},
                         {"action", move.action_key},
                         {"needs_reason", move.needs_reason},
                         {"needs_checklist", move.needs_checklist}});
    }
    nlohmann::json answer{{"request", to_json(request)}, {"next_moves", moves}};
    if (is_desk(principal)) {
        auto companies = vendor_companies(database);
        if (!companies) return store::Error{companies.error()};
        answer["vendor_companies"] = companies.value();
    }
    return answer;
}

http::Reply stale(const madoguchi::placement::PlacementRequest& current) {
    auto body = api::to_json(api::make_error("stale_version"));
    body["request"] = to_json(current);
    return {409, body};
}

std::optional<std::int64_t> request_id_in_path(const http::RequestContext& context, httplib::Response& response) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) {
        http::send_error(response, 400, *error);
        return std::nullopt;
    }
    return std::get<std::int64_t>(id);
}

}  // namespace madoguchi::server::placement

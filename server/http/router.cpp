#include "http/router.hpp"

#include <optional>

#include "http/errors.hpp"

namespace madoguchi::server::http {
namespace {

std::vector<std::string_view> split_segments(std::string_view path) {
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

bool is_parameter(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::optional<PathParams> match_path(std::string_view path_template, std::string_view path) {
    const auto expected = split_segments(path_template);
    const auto actual = split_segments(path);
    if (expected.size() != actual.size()) return std::nullopt;
    PathParams params;
    for (std::size_t index = 0; index < expected.size(); ++index) {
        if (is_parameter(expected[index])) {
            if (actual[index].empty()) return std::nullopt;
            params.emplace(expected[index].substr(1, expected[index].size() - 2), actual[index]);
        } else if (expected[index] != actual[index]) {
            return std::nullopt;
        }
    }
    return params;
}

bool answers(const Route& route, std::string_view method) {
    return route.method == method || (method == "HEAD" && route.method == "GET");
}

}  // namespace

void Router::add(Route route) { routes_.push_back(std::move(route)); }

bool Access::admits(std::span<const madoguchi::identity::Role> held) const {
    return roles_.empty() || madoguchi::identity::has_any_role(held, roles_);
}

bool Router::dispatch(const httplib::Request& request, httplib::Response& response, const Gate& gate) const {
    bool path_known = false;
    for (const auto& route : routes_) {
        auto params = match_path(route.path, request.path);
        if (!params) continue;
        if (answers(route, request.method)) {
            if (request.body.size() > route.body_limit) {
                send_error(response, 413, api::make_error("payload_too_large"));
                return true;
            }
            gate(route, request, response, std::move(*params));
            return true;
        }
        path_known = true;
    }
    if (!path_known) return false;
    response.set_header("Allow", allowed_methods(request.path));
    send_error(response, 405, api::make_error("method_not_allowed"));
    return true;
}

std::string Router::allowed_methods(std::string_view path) const {
    std::string allowed;
    const auto append = [&allowed](std::string_view method) {
        if (!allowed.empty()) allowed += ", ";
        allowed += method;
    };
    for (const auto& route : routes_) {
        if (!match_path(route.path, path)) continue;
        append(route.method);
        if (route.method == "GET") append("HEAD");
    }
    return allowed;
}

}  // namespace madoguchi::server::http

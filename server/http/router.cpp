#include "http/router.hpp"

#include <algorithm>
#include <charconv>
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

std::optional<std::uint64_t> declared_body_length(const httplib::Request& request) {
    if (!request.has_header("Content-Length")) return std::nullopt;
    const auto text = request.get_header_value("Content-Length");
    std::uint64_t length = 0;
    const auto* end = text.data() + text.size();
    const auto [stopped, failure] = std::from_chars(text.data(), end, length);
    if (text.empty() || failure != std::errc() || stopped != end) return std::nullopt;
    return length;
}

const Route* Router::find(const httplib::Request& request, PathParams& params) const {
    for (const auto& route : routes_) {
        if (!answers(route, request.method)) continue;
        if (auto matched = match_path(route.path, request.path)) {
            params = std::move(*matched);
            return &route;
        }
    }
    return nullptr;
}

void Router::refuse_oversized(const Route& route, const httplib::Request& request, httplib::Response& response,
                              PathParams params, const Gate& gate) const {
    if (!route.oversized) return send_error(response, 413, api::make_error("payload_too_large"));
    auto refusing = route;
    refusing.handler = route.oversized;
    gate(refusing, request, response, std::move(params));
}

bool Router::dispatch(const httplib::Request& request, httplib::Response& response, const Gate& gate) const {
    PathParams params;
    if (const auto* route = find(request, params)) {
        if (request.body.size() > route->max_body_bytes) {
            refuse_oversized(*route, request, response, std::move(params), gate);
        } else {
            gate(*route, request, response, std::move(params));
        }
        return true;
    }
    const auto allowed = allowed_methods(request.path);
    if (allowed.empty()) return false;
    response.set_header("Allow", allowed);
    send_error(response, 405, api::make_error("method_not_allowed"));
    return true;
}

bool Router::dispatch_oversized(const httplib::Request& request, httplib::Response& response, const Gate& gate) const {
    PathParams params;
    const auto* route = find(request, params);
    if (!route || !route->oversized) return false;
    refuse_oversized(*route, request, response, std::move(params), gate);
    return true;
}

std::size_t Router::largest_body_limit() const {
    std::size_t largest = default_body_limit;
    for (const auto& route : routes_) largest = std::max(largest, route.max_body_bytes);
    return largest;
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

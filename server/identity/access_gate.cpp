#include "identity/access_gate.hpp"

#include <sodium.h>

#include "audit/audit_log.hpp"
#include "http/errors.hpp"
#include "http/request_log.hpp"

namespace madoguchi::server::identity {
namespace {

bool same_secret(const std::string& expected, const std::string& given) {
    return !expected.empty() && expected.size() == given.size() &&
           sodium_memcmp(expected.data(), given.data(), expected.size()) == 0;
}

}  // namespace

bool is_state_changing(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool is_same_origin(const httplib::Request& request) {
    // Browsers send Sec-Fetch-Site with every request; "same-site" is a sibling host, which is
    // another application as far as this one is concerned.
    if (request.has_header("Sec-Fetch-Site")) {
        const auto site = request.get_header_value("Sec-Fetch-Site");
        if (site != "same-origin" && site != "none") return false;
    }
    if (!request.has_header("Origin")) return true;
    const auto origin = request.get_header_value("Origin");
    const auto host = request.get_header_value("Host");
    return !host.empty() && (origin == "http://" + host || origin == "https://" + host);
}

void AccessGate::operator()(const http::Route& route, const httplib::Request& request, httplib::Response& response,
                            http::PathParams params) const {
    const bool changes_state = is_state_changing(request.method);
    if (changes_state && !is_same_origin(request)) {
        return http::send_error(response, 403, api::make_error("cross_origin"));
    }
    http::RequestContext context{std::move(params), nullptr, proxies_.client_of(request)};
    if (!route.access.requires_sign_in()) return route.handler(request, response, context);

    auto authenticated = authenticator_.authenticate(request);
    if (!authenticated) {
        http::log_request_failure(request, authenticated.error());
        return http::send_error(response, 500, api::make_error("internal"));
    }
    const auto& principal = authenticated.value();
    if (!principal) {
        if (session_token(request)) response.set_header("Set-Cookie", cleared_session_cookie(secure_cookies_));
        return http::send_error(response, 401, api::make_error("unauthenticated"));
    }
    http::note_request_user(principal->user.fields.login);
    if (changes_state && !same_secret(principal->csrf_token, request.get_header_value(csrf_header))) {
        return deny(route, request, response, *principal, context.source_address, "csrf_failed");
    }
    if (!route.access.admits(principal->user.fields.roles)) {
        return deny(route, request, response, *principal, context.source_address, "forbidden");
    }
    context.principal = &*principal;
    route.handler(request, response, context);
}

void AccessGate::deny(const http::Route& route, const httplib::Request& request, httplib::Response& response,
                      const Principal& principal, const std::string& address, const char* code) const {
    const audit::AuditEntry entry{
        {principal.user.fields.login, madoguchi::identity::join_roles(principal.user.fields.roles), address},
        "access.denied",
        "route",
        route.method + " " + route.path,
        std::nullopt,
        nlohmann::json{{"path", request.path}, {"reason", code}}};
    auto recorded = database_.use([&](store::Database& database) {
        return database.transaction([&] { return audit::record(database, entry); });
    });
    if (!recorded) http::log_request_failure(request, recorded.error());
    http::send_error(response, 403, api::make_error(code));
}

}  // namespace madoguchi::server::identity

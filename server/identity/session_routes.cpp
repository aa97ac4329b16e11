#include "identity/session_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/request_log.hpp"
#include "identity/authenticator.hpp"
#include "identity/password.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"

namespace madoguchi::server::identity {
namespace {

void send_failure(const httplib::Request& request, httplib::Response& response, const std::string& what) {
    http::log_request_failure(request, what);
    http::send_error(response, 500, api::make_error("internal"));
}

nlohmann::json signed_in_body(const UserRecord& user, const std::string& csrf_token) {
    return {{"user", to_json(user)}, {"csrf_token", csrf_token}};
}

// What an unknown or refused login looks like in the audit trail: printable and bounded.
std::string attempted_login(const std::string& login) {
    std::string shown;
    for (const char c : login.substr(0, 64)) shown += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
    return shown;
}

struct Credentials {
    std::string login;
    std::string password;
};

class SignIn {
public:
    SignIn(store::SharedDatabase& database, const IdentityConfig& config) : database_(database), config_(config) {}

    void operator()(const httplib::Request& request, httplib::Response& response, const http::RequestContext& context) {
        const auto body = http::parse_json_body(request);
        if (const auto* refusal = std::get_if<http::BodyRefusal>(&body)) {
            return http::send_error(response, refusal->status, refusal->error);
        }
        http::BodyReader fields(std::get<nlohmann::json>(body), {"login", "password"});
        const Credentials credentials{fields.string("login"), fields.string("password")};
        if (const auto refusal = fields.refusal()) return http::send_error(response, refusal->status, refusal->error);

        const auto now = calendar::now();
        const std::vector<std::string> keys{login_key(credentials.login), address_key(context.source_address)};
        auto blocked = database_.use([&](store::Database& database) { return blocked_until(database, keys, now); });
        if (!blocked) return send_failure(request, response, blocked.error());
        if (blocked.value()) return refuse_blocked(request, response, context, credentials, *blocked.value(), now);

        auto user = database_.use([&](store::Database& database) -> store::Result<std::optional<UserRecord>> {
            if (!madoguchi::identity::is_valid_login(madoguchi::identity::normalise_login(credentials.login))) {
                return std::optional<UserRecord>();
            }
            return find_user_by_login(database, credentials.login);
        });
        if (!user) return send_failure(request, response, user.error());
        auto hash = user.value() ? database_.use([&](store::Database& database) {
            return password_hash_of(database, user.value()->id);
        })
                                 : store::Result<std::string>(std::string());
        if (!hash) return send_failure(request, response, hash.error());
        // The hash is checked outside the database lock: it takes tens of milliseconds.
        const bool may_sign_in = user.value() && !user.value()->disabled && !hash.value().empty();
        const bool verified = may_sign_in ? verify_password(hash.value(), credentials.password)
                                          : (spend_verification_time(credentials.password), false);
        if (!verified) return refuse_wrong(request, response, context, credentials, user.value(), now);
        accept(request, response, context, *user.value(), now);
    }

private:
    void refuse_blocked(const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context, const Credentials& credentials,
                        calendar::Instant until, calendar::Instant now) {
        const audit::AuditEntry entry{{"anonymous", "", context.source_address}, "session.login_blocked", "login",
                                      attempted_login(credentials.login), std::nullopt,
                                      nlohmann::json{{"blocked_until", calendar::format_iso8601_utc(until)}}};
        auto recorded = database_.use([&](store::Database& database) {
            return database.transaction([&] { return audit::record(database, entry); });
        });
        if (!recorded) return send_failure(request, response, recorded.error());
        response.set_header("Retry-After", std::to_string(std::max<std::int64_t>(1, until.unix_seconds - now.unix_seconds)));
        http::send_error(response, 429, api::make_error("too_many_attempts"));
    }

    void refuse_wrong(const httplib::Request& request, httplib::Response& response,
                      const http::RequestContext& context, const Credentials& credentials,
                      const std::optional<UserRecord>& user, calendar::Instant now) {
        // The trail tells an admin why; the answer tells the caller nothing.
        const char* reason = !user ? "unknown_login" : user->disabled ? "disabled" : "wrong_password";
        const audit::AuditEntry entry{{"anonymous", "", context.source_address}, "session.login_failed", "login",
                                      attempted_login(credentials.login), std::nullopt,
                                      nlohmann::json{{"reason", reason}}};
        auto recorded = database_.use([&](store::Database& database) {
            return database.transaction([&]() -> store::Status {
                const auto& policy = config_.throttle;
                if (auto counted = record_failure(database, login_key(credentials.login), policy.login_threshold,
                                                  policy, now);
                    !counted) {
                    return counted;
                }
                if (auto counted = record_failure(database, address_key(context.source_address),
                                                  policy.address_threshold, policy, now);
                    !counted) {
                    return counted;
                }
                return audit::record(database, entry);
            });
        });
        if (!recorded) return send_failure(request, response, recorded.error());
        http::send_error(response, 401, api::make_error("invalid_credentials"));
    }

    void accept(const httplib::Request& request, httplib::Response& response, const http::RequestContext& context,
                const UserRecord& user, calendar::Instant now) {
        std::optional<NewSession> session;
        auto committed = database_.use([&](store::Database& database) {
            return database.transaction([&]() -> store::Status {
                if (auto cleared = clear_failures(database, login_key(user.fields.login)); !cleared) return cleared;
                auto created = create_session(database, user.id, now, context.source_address);
                if (!created) return store::Error{created.error()};
                session = created.value();
                const audit::AuditEntry entry{
                    {user.fields.login, madoguchi::identity::join_roles(user.fields.roles), context.source_address},
                    "session.login", "user", std::to_string(user.id), std::nullopt, std::nullopt};
                return audit::record(database, entry);
            });
        });
        if (!committed) return send_failure(request, response, committed.error());
        response.set_header("Set-Cookie", session_cookie(session->token, config_.secure_cookies));
        http::send_json(response, 200, signed_in_body(user, session->csrf_token));
    }

    store::SharedDatabase& database_;
    const IdentityConfig& config_;
};

}  // namespace

void add_session_routes(http::Router& router, store::SharedDatabase& database, const IdentityConfig& config) {
    router.add({"POST", "/api/v1/session", "createSession", http::Access::everyone(), SignIn(database, config)});

    router.add({"DELETE", "/api/v1/session", "deleteSession", http::Access::signed_in(),
                [&database, &config](const httplib::Request& request, httplib::Response& response,
                                     const http::RequestContext& context) {
                    const auto& principal = *context.principal;
                    auto committed = database.use([&](store::Database& connection) {
                        return connection.transaction([&]() -> store::Status {
                            if (auto removed = delete_session(connection, principal.session_hash); !removed) {
                                return removed;
                            }
                            return audit::record(connection, {actor_of(context), "session.logout", "user",
                                                              std::to_string(principal.user.id), std::nullopt,
                                                              std::nullopt});
                        });
                    });
                    if (!committed) return send_failure(request, response, committed.error());
                    response.set_header("Set-Cookie", cleared_session_cookie(config.secure_cookies));
                    response.status = 204;
                }});

    router.add({"GET", "/api/v1/me", "getMe", http::Access::signed_in(),
                [](const httplib::Request&, httplib::Response& response, const http::RequestContext& context) {
                    http::send_json(response, 200,
                                    signed_in_body(context.principal->user, context.principal->csrf_token));
                }});

    router.add({"PUT", "/api/v1/me/password", "changeMyPassword", http::Access::signed_in(),
                [&database](const httplib::Request& request, httplib::Response& response,
                            const http::RequestContext& context) {
                    const auto body = http::parse_json_body(request);
                    if (const auto* refusal = std::get_if<http::BodyRefusal>(&body)) {
                        return http::send_error(response, refusal->status, refusal->error);
                    }
                    http::BodyReader fields(std::get<nlohmann::json>(body), {"current_password", "new_password"});
                    const auto current = fields.string("current_password");
                    const auto chosen = fields.string("new_password");
                    if (const auto refusal = fields.refusal()) {
                        return http::send_error(response, refusal->status, refusal->error);
                    }
                    if (const auto problems = madoguchi::identity::validate_password(chosen); !problems.empty()) {
                        return http::send_error(response, 422,
                                               api::field_error("validation_failed", "new_password", problems.front().reason_key));
                    }
                    const auto& principal = *context.principal;
                    auto stored = database.use(
                        [&](store::Database& connection) { return password_hash_of(connection, principal.user.id); });
                    if (!stored) return send_failure(request, response, stored.error());
                    if (!verify_password(stored.value(), current)) {
                        return http::send_error(response, 422,
                                               api::field_error("validation_failed", "current_password", "field.wrong_password"));
                    }
                    const auto hash = hash_password(chosen);
                    if (!hash) return send_failure(request, response, "cannot hash the password (out of memory)");
                    const auto now = calendar::now();
                    auto committed = database.use([&](store::Database& connection) {
                        return connection.transaction([&]() -> store::Status {
                            if (auto set = set_password_hash(connection, principal.user.id, *hash, now); !set) return set;
                            // Whoever else knew the old password is signed out everywhere.
                            if (auto removed = delete_user_sessions(connection, principal.user.id, principal.session_hash);
                                !removed) {
                                return removed;
                            }
                            return audit::record(connection, {actor_of(context), "user.password_changed", "user",
                                                              std::to_string(principal.user.id), std::nullopt,
                                                              std::nullopt});
                        });
                    });
                    if (!committed) return send_failure(request, response, committed.error());
                    response.status = 204;
                }});
}

}  // namespace madoguchi::server::identity

#include "http/app.hpp"

#include <cstdio>
#include <exception>
#include <thread>

#include "audit/audit_routes.hpp"
#include "configuration/configuration_routes.hpp"
#include "inventory/catalog_routes.hpp"
#include "inventory/device_routes.hpp"
#include "inventory/import_routes.hpp"
#include "inventory/export_routes.hpp"
#include "knowledge/knowledge_routes.hpp"
#include "telemetry/telemetry_routes.hpp"
#include "telemetry/billing_routes.hpp"
#include "telemetry/firmware_routes.hpp"
#include "telemetry/loop_rules_routes.hpp"
#include "telemetry/model_speed_routes.hpp"
#include "telemetry/anomaly_routes.hpp"
#include "chatbot/chatbot_routes.hpp"
#include "calendar/calendar_routes.hpp"
#include "health/health_routes.hpp"
#include "http/errors.hpp"
#include "http/request_log.hpp"
#include "http/security_headers.hpp"
#include "identity/access_gate.hpp"
#include "identity/session_routes.hpp"
#include "identity/user_routes.hpp"
#include "notifications/notification_routes.hpp"
#include "notifications/inbox_routes.hpp"
#include "notifications/routing_routes.hpp"
#include "openapi/openapi_routes.hpp"
#include "placement/placement_routes.hpp"
#include "lending/lending_routes.hpp"
#include "tickets/inquiry_routes.hpp"
#include "tickets/ticket_attachments_routes.hpp"
#include "tickets/ticket_routes.hpp"
#include "tickets/ticket_trends_routes.hpp"

namespace madoguchi::server::http {
namespace {

bool is_api_path(const std::string& path) { return path == "/api" || path.starts_with("/api/"); }

// Methods httplib parses but has no registration function for: it answers them 400 itself.
bool is_unroutable_method(const std::string& method) {
    return method == "TRACE" || method == "CONNECT" || method == "PRI";
}

// httplib waits for a POST, PUT, PATCH or DELETE body until its read timeout when the
// request declares none; by HTTP/1.1 such a request has an empty body, so it is routed
// at once instead.
bool declares_no_body(const httplib::Request& request) {
    const bool may_have_body = request.method == "POST" || request.method == "PUT" || request.method == "PATCH" ||
                               request.method == "DELETE";
    return may_have_body && !request.has_header("Content-Length") && !request.has_header("Transfer-Encoding");
}

std::string describe(const std::exception_ptr& failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception& exception) {
        return exception.what();
    } catch (...) {
        return "unknown exception";
    }
}

}  // namespace

store::Result<std::unique_ptr<App>> App::create(const AppConfig& config) {
    auto database = store::Database::open(config.database_path);
    if (!database) return store::Error{database.error()};
    auto migrated = store::migrate(database.value());
    if (!migrated) return store::Error{migrated.error()};
    std::unique_ptr<RotatingLogFile> log_file;
    if (!config.log_file.path.empty()) {
        auto opened = RotatingLogFile::open(config.log_file);
        if (!opened) return store::Error{opened.error()};
        log_file = std::move(opened.value());
    }
    return std::unique_ptr<App>(new App(config, std::move(database.value()), migrated.value(), std::move(log_file)));
}

App::App(const AppConfig& config, store::Database database, store::MigrationOutcome migration,
         std::unique_ptr<RotatingLogFile> log_file)
    : database_(std::move(database)),
      migration_(migration),
      identity_config_(config.identity),
      authenticator_(database_, identity_config_.session),
      trusted_proxies_(config.trusted_proxies),
      gate_(identity::AccessGate(database_, authenticator_, trusted_proxies_, identity_config_.secure_cookies)),
      static_files_(config.web_dir),
      log_file_(std::move(log_file)) {
    add_health_routes(router_, database_);
    identity::add_session_routes(router_, database_, identity_config_);
    identity::add_user_routes(router_, database_, identity_config_);
    add_calendar_routes(router_);
    add_inquiry_routes(router_, database_);
    audit::add_audit_routes(router_, database_);
    inventory::add_catalog_routes(router_, database_);
    inventory::add_export_routes(router_, database_, config.web_dir);  // before /api/v1/devices/{id} takes its paths
    inventory::add_device_routes(router_, database_);
    inventory::add_import_routes(router_, database_);
    placement::add_placement_routes(router_, database_);
    lending::add_lending_routes(router_, database_);
    configuration::add_configuration_routes(router_, database_);
    notifications::add_notification_routes(router_, database_);
    tickets::add_ticket_trend_routes(router_, database_);  // before /api/v1/tickets/{id} takes its paths
    notifications::add_routing_routes(router_, database_);
    notifications::add_inbox_routes(router_, database_);
    tickets::add_ticket_routes(router_, database_);
    tickets::add_ticket_attachment_routes(router_, database_);
    knowledge::add_knowledge_routes(router_, database_);
    telemetry::add_telemetry_routes(router_, database_, config.telemetry);
    telemetry::add_billing_routes(router_, database_);
    telemetry::add_firmware_routes(router_, database_);
    telemetry::add_loop_rules_routes(router_, database_);
    telemetry::add_model_speed_routes(router_, database_);
    telemetry::add_anomaly_routes(router_, database_);
    chatbot::add_chatbot_routes(router_, database_);
    add_openapi_routes(router_);
    install_handlers(config.log_requests);
}

App::~App() { stop(); }

void App::install_handlers(bool log_requests) {
    // One catch-all per method hands every request to route(), so the route table, not
    // httplib's regex list, decides between a handler, 404 and 405.
    const auto dispatch = [this](const httplib::Request& request, httplib::Response& response) {
        route(request, response);
    };
    server_.Get(".*", dispatch);
    server_.Post(".*", dispatch);
    server_.Put(".*", dispatch);
    server_.Patch(".*", dispatch);
    server_.Delete(".*", dispatch);
    server_.Options(".*", dispatch);
    server_.set_payload_max_length(router_.largest_body_limit());
    // httplib gives each keep-alive connection a worker thread for its whole life; with the
    // default 8 workers the ninth browser tab waits for another's connection to time out.
    // Idle threads cost only their stacks, so the pool is sized for the desk's concurrency.
    server_.new_task_queue = [] { return new httplib::ThreadPool(worker_threads); };
    server_.set_keep_alive_max_count(100);
    server_.set_keep_alive_timeout(5);
    // Headers and body go out in separate writes; with Nagle's algorithm the body then waits
    // for the client's delayed ACK (~40 ms per keep-alive request).
    server_.set_tcp_nodelay(true);
    // httplib's default sets SO_REUSEPORT, which lets a second server bind the same port
    // and silently share the traffic; SO_REUSEADDR alone still allows a quick restart.
    server_.set_socket_options([](socket_t socket) {
        const int enabled = 1;
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &enabled, sizeof enabled);
    });

    // Statuses httplib sets by itself (413, 416, a malformed request) come without a body:
    // give them the API's error document. A body over every route's limit is skipped unread
    // (payload_max_length) and answered here, by its route when it audits such refusals.
    server_.set_error_handler(
        httplib::Server::HandlerWithResponse([this](const httplib::Request& request, httplib::Response& response) {
            if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            if (response.status == 400 && is_unroutable_method(request.method) && !request.path.empty()) {
                route(request, response);
            } else if (response.status != 413 || !answer_oversized(request, response)) {
                send_error(response, response.status, api::make_error(error_code_for_status(response.status)));
            }
            return httplib::Server::HandlerResponse::Handled;
        }));
    server_.set_exception_handler(
        [](const httplib::Request& request, httplib::Response& response, std::exception_ptr failure) {
            log_request_failure(request, describe(failure));
            response.headers.clear();
            send_error(response, 500, api::make_error("internal"));
        });
    server_.set_post_routing_handler(
        [](const httplib::Request&, httplib::Response& response) { add_security_headers(response); });
    server_.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
        mark_request_start();
        if (request.has_header("Content-Length") && !declared_body_length(request)) {
            // httplib would read "abc" as no body and "-1" as 2^64-1 bytes to skip.
            send_error(response, 400, api::field_error("bad_request", "Content-Length", "field.not_integer"));
            return httplib::Server::HandlerResponse::Handled;
        }
        if (!declares_no_body(request)) return httplib::Server::HandlerResponse::Unhandled;
        route(request, response);
        return httplib::Server::HandlerResponse::Handled;
    });
    if (log_file_) {
        server_.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
            log_file_->write_line(request_log_json(request, response, trusted_proxies_.client_of(request)));
        });
    } else if (log_requests) {
        server_.set_logger(log_request);
    }
}

bool App::answer_oversized(const httplib::Request& request, httplib::Response& response) const {
    // Runs from httplib's error handler, outside the exception handler's reach.
    try {
        if (is_api_path(request.path)) response.set_header("Cache-Control", "no-store");
        return router_.dispatch_oversized(request, response, gate_);
    } catch (const std::exception& exception) {
        log_request_failure(request, exception.what());
        response.headers.clear();
        return false;
    }
}

void App::route(const httplib::Request& request, httplib::Response& response) const {
    // API answers describe the moment they were asked; no cache should keep them.
    if (is_api_path(request.path)) response.set_header("Cache-Control", "no-store");
    if (router_.dispatch(request, response, gate_)) return;
    if (is_api_path(request.path)) {
        send_error(response, 404, api::make_error("not_found"));
    } else if (request.method != "GET" && request.method != "HEAD") {
        response.set_header("Allow", "GET, HEAD");
        send_error(response, 405, api::make_error("method_not_allowed"));
    } else if (!static_files_.serve(request, response)) {
        send_error(response, 404, api::make_error("not_found"));
    }
}

std::optional<int> App::bind(const std::string& host, int port) {
    const int bound = port == 0 ? server_.bind_to_any_port(host) : (server_.bind_to_port(host, port) ? port : -1);
    if (bound <= 0) return std::nullopt;
    bound_address_ = (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + std::to_string(bound);
    return bound;
}

bool App::listen() {
    record(store::ServerEvent::started, std::string("madoguchi ") + MADOGUCHI_VERSION + " on " + bound_address_);
    listening_ = true;
    const bool served = stop_requested_ || server_.listen_after_bind();
    listening_ = false;
    record(store::ServerEvent::stopped, served ? "" : "the listening socket failed");
    return served;
}

void App::stop() {
    stop_requested_ = true;
    // httplib ignores stop() until its accept loop runs; wait for it when listen() is starting.
    while (listening_ && !server_.is_running()) std::this_thread::yield();
    server_.stop();
}

bool App::is_running() const { return server_.is_running(); }

void App::record(store::ServerEvent event, const std::string& detail) {
    auto recorded = database_.use(
        [&](store::Database& database) { return store::record_server_event(database, event, detail); });
    if (!recorded) std::fprintf(stderr, "warning: cannot record the server event: %s\n", recorded.error().c_str());
}

}  // namespace madoguchi::server::http

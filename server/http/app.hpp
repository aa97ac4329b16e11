#pragma once
// The server application: the database, the route table, the web app's files and the HTTP
// server around them. main() runs one; the tests run the same thing in-process.
#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "http/client_address.hpp"
#include "http/rotating_log_file.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "identity/authenticator.hpp"
#include "identity/identity_config.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/server_events.hpp"
#include "telemetry/telemetry_routes.hpp"

namespace madoguchi::server::http {

struct AppConfig {
    std::filesystem::path database_path;
    std::filesystem::path web_dir;
    bool log_requests = true;
    identity::IdentityConfig identity;
    // With a path, requests are logged there as JSON lines (even when log_requests is off)
    // instead of on stderr.
    LogFileConfig log_file;
    // Proxies whose X-Forwarded-For is believed (client_address.hpp); empty: none.
    std::vector<ProxyNetwork> trusted_proxies;
    // How "poll now" reaches the printers (serve --snmp-agent).
    telemetry::ManualPollConfig telemetry;
};

// No JSON request needs more; larger bodies get 413 before any handler runs. Routes that
// take files allow more (Route::max_body_bytes).
inline constexpr std::size_t max_request_body_bytes = default_body_limit;
inline constexpr std::size_t worker_threads = 64;

class App {
public:
    // Opens the database and brings its schema up to date, then registers every route.
    static store::Result<std::unique_ptr<App>> create(const AppConfig& config);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Routes can be added until listen() starts.
    Router& router() { return router_; }
    const StaticFiles& static_files() const { return static_files_; }
    const store::MigrationOutcome& migration() const { return migration_; }

    // Binds the listening socket (port 0: any free port). The bound port, or empty when the
    // address cannot be bound.
    std::optional<int> bind(const std::string& host, int port);
    // "127.0.0.1:8080" ("[::1]:8080" for IPv6) once bound.
    const std::string& address() const { return bound_address_; }
    // Serves until stop(); records the start and the stop in the database.
    bool listen();
    // Safe from any thread, also before listen() has started accepting.
    void stop();
    bool is_running() const;

private:
    App(const AppConfig& config, store::Database database, store::MigrationOutcome migration,
        std::unique_ptr<RotatingLogFile> log_file);
    void install_handlers(bool log_requests);
    void route(const httplib::Request& request, httplib::Response& response) const;
    // A body httplib refused unread, answered by its route's `oversized` handler if it has one.
    bool answer_oversized(const httplib::Request& request, httplib::Response& response) const;
    void record(store::ServerEvent event, const std::string& detail);

    store::SharedDatabase database_;
    store::MigrationOutcome migration_;
    identity::IdentityConfig identity_config_;
    identity::SessionAuthenticator authenticator_;
    TrustedProxies trusted_proxies_;
    Gate gate_;
    Router router_;
    StaticFiles static_files_;
    std::unique_ptr<RotatingLogFile> log_file_;
    httplib::Server server_;
    std::string bound_address_;
    std::atomic<bool> stop_requested_ = false;
    std::atomic<bool> listening_ = false;
};

}  // namespace madoguchi::server::http

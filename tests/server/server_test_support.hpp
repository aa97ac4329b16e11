#pragma once
// The server application running in-process on an ephemeral loopback port, with its own
// SQLite file in a fresh temporary folder; plus helpers to read what it answers.
#include <httplib.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "http/app.hpp"
#include "support/child_process.hpp"
#include "support/server_process.hpp"

namespace madoguchi::testing {

class RunningApp {
public:
    // `web_dir` empty: a folder that does not exist (no web app built).
    // `add_routes` runs before the server starts, e.g. to add a test-only route.
    // `identity`: session timeouts and throttling, for the tests that wait them out.
    // `trusted_proxies`: as serve --trusted-proxy.
    explicit RunningApp(std::filesystem::path web_dir = {},
                        const std::function<void(server::http::Router&)>& add_routes = {},
                        const server::identity::IdentityConfig& identity = {},
                        std::vector<server::http::ProxyNetwork> trusted_proxies = {});
    ~RunningApp();
    RunningApp(const RunningApp&) = delete;
    RunningApp& operator=(const RunningApp&) = delete;

    std::unique_ptr<httplib::Client> client() const;
    int port() const { return port_; }
    const std::filesystem::path& database_path() const { return database_path_; }
    server::http::App& app() { return *app_; }
    // Stops serving and waits for the server thread.
    void stop();

private:
    TempDir temp_;
    std::filesystem::path database_path_;
    std::unique_ptr<server::http::App> app_;
    std::thread serving_;
    int port_ = 0;
};

// The response body as JSON; a discarded value when it is not JSON.
nlohmann::json json_of(const httplib::Result& result);

// The fields named by an API error document; empty when the body is not one.
std::vector<std::string> error_fields(const httplib::Result& result);

// Checks a 400 invalid_parameter answer: JSON, messages in both languages, exactly these
// fields named, each with the catalog's English text for `reason_key` ("field.required").
void check_invalid_parameter(const httplib::Result& response, const std::vector<std::string>& fields,
                             const std::string& reason_key);

void write_file(const std::filesystem::path& path, const std::string& content);
std::string gzip(const std::string& data);
std::string gunzip(const std::string& data);

// Sends bytes as they are over a new connection and returns everything the server answers
// until it closes the connection (or 10 seconds pass).
std::string send_raw_request(int port, const std::string& request);

// The built madoguchi binary running as a child process, its output captured.
class MadoguchiProcess : public ChildProcess {
public:
    explicit MadoguchiProcess(const std::vector<std::string>& arguments, std::optional<std::string> input = std::nullopt);
};

// Runs the built madoguchi binary with the arguments and waits for it; `input` as for ChildProcess.
ProgramRun run_madoguchi(const std::vector<std::string>& arguments, std::optional<std::string> input = std::nullopt);

}  // namespace madoguchi::testing

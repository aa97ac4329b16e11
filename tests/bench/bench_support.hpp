#pragma once
// Timing helpers shared by the benchmarks, and the checks that stop one when its setup fails.
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "http/app.hpp"
#include "store/database.hpp"

namespace madoguchi::bench {

using Clock = std::chrono::steady_clock;

inline double milliseconds_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU milliseconds of this process since `start` (std::clock()).
inline double cpu_milliseconds(std::clock_t start) {
    return 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

// The value below which a share `p` (0.5, 0.95) of the samples lie.
inline double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(static_cast<double>(values.size()) * p))];
}

// One line of wall and CPU percentiles.
inline void report(const char* what, const std::vector<double>& wall, const std::vector<double>& cpu) {
    std::printf("%-58s p50 %7.2f ms  p95 %7.2f ms  (CPU p50 %7.2f ms, p95 %7.2f ms; %zu runs)\n", what,
                percentile(wall, 0.5), percentile(wall, 0.95), percentile(cpu, 0.5), percentile(cpu, 0.95), wall.size());
}

template <typename T>
T must(server::store::Result<T> result) {
    if (!result) throw std::runtime_error(result.error());
    return std::move(result.value());
}

inline void check(const server::store::Status& status) {
    if (!status) throw std::runtime_error(status.error());
}

// The server over `database` on 127.0.0.1, answering on its own thread until destroyed.
class LoopbackApp {
public:
    explicit LoopbackApp(const std::filesystem::path& database) {
        server::http::AppConfig config;
        config.database_path = database;
        config.web_dir = database.parent_path() / "no-web";
        config.log_requests = false;
        app_ = must(server::http::App::create(config));
        port_ = *app_->bind("127.0.0.1", 0);
        serving_ = std::thread([this] { app_->listen(); });
        while (!app_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~LoopbackApp() {
        app_->stop();
        serving_.join();
    }
    LoopbackApp(const LoopbackApp&) = delete;
    LoopbackApp& operator=(const LoopbackApp&) = delete;

    int port() const { return port_; }

private:
    std::unique_ptr<server::http::App> app_;
    std::thread serving_;
    int port_ = 0;
};

struct Session {
    httplib::Headers headers;  // the session cookie
    nlohmann::json answer;     // POST /api/v1/session's, with the csrf_token
};

inline Session sign_in(httplib::Client& client, const std::string& login, const std::string& password) {
    const auto signed_in =
        client.Post("/api/v1/session", nlohmann::json{{"login", login}, {"password", password}}.dump(), "application/json");
    if (!signed_in || signed_in->status != 200) throw std::runtime_error("cannot sign in");
    const auto cookie = signed_in->get_header_value("Set-Cookie");
    return {{{"Cookie", cookie.substr(0, cookie.find(';'))}}, nlohmann::json::parse(signed_in->body)};
}

// GETs `path` `runs` times and prints the latencies, with how many rows the first answer's
// list held (its first array) of its "total" ("or more" when the answer says total_capped).
inline void measure(httplib::Client& client, const httplib::Headers& headers, const char* what, const std::string& path,
                    int runs) {
    std::vector<double> latencies;
    std::size_t shown = 0;
    std::int64_t total = 0;
    bool capped = false;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        const auto response = client.Get(path.c_str(), headers);
        latencies.push_back(milliseconds_since(start));
        if (!response || response->status != 200) throw std::runtime_error("failed: " + path);
        if (run == 0) {
            const auto body = nlohmann::json::parse(response->body);
            for (const auto& [key, value] : body.items()) {
                if (value.is_array()) {
                    shown = value.size();
                    break;
                }
            }
            total = body.value("total", static_cast<std::int64_t>(shown));
            capped = body.value("total_capped", false);
        }
    }
    std::printf("%-46s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  (%zu shown of %lld%s)\n", what, percentile(latencies, 0.5),
                percentile(latencies, 0.95), percentile(latencies, 0.99), shown, static_cast<long long>(total),
                capped ? " or more" : "");
}

}  // namespace madoguchi::bench

#include "http/request_log.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "calendar/tokyo_time.hpp"

namespace madoguchi::server::http {
namespace {

using Clock = std::chrono::steady_clock;

// httplib serves a connection's requests one after another on one pool thread, and routes and
// logs a request on that thread, so the request in progress can live in thread-locals.
thread_local std::optional<Clock::time_point> request_start;
thread_local std::optional<std::string> request_user;

struct Finished {
    double milliseconds = 0.0;
    std::optional<std::string> user;
};

Finished finish_request() {
    // Requests httplib rejects before routing (a malformed request line) have no start.
    const double milliseconds =
        request_start ? std::chrono::duration<double, std::milli>(Clock::now() - *request_start).count() : 0.0;
    request_start.reset();
    return {milliseconds, std::exchange(request_user, std::nullopt)};
}

// Decoded paths may hold control characters (%0a, %00): never let them forge log lines.
std::string printable(const std::string& text) {
    std::string result = text;
    for (auto& c : result) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    }
    return result;
}

// "2026-11-25T01:00:00.123Z"
std::string utc_time_with_milliseconds() {
    const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    const auto milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count();
    auto text = calendar::format_iso8601_utc({milliseconds / 1000});
    char fraction[6];
    std::snprintf(fraction, sizeof fraction, ".%03d", static_cast<int>(milliseconds % 1000));
    text.insert(text.size() - 1, fraction);
    return text;
}

}  // namespace

void mark_request_start() {
    request_start = Clock::now();
    request_user.reset();
}

void note_request_user(std::string_view login) { request_user = std::string(login); }

void log_request(const httplib::Request& request, const httplib::Response& response) {
    const auto finished = finish_request();
    std::fprintf(stderr, "%s %s %d %.1f ms\n", printable(request.method).c_str(), printable(request.path).c_str(),
                 response.status, finished.milliseconds);
}

std::string request_log_json(const httplib::Request& request, const httplib::Response& response,
                             const std::string& address) {
    const auto finished = finish_request();
    const nlohmann::json line{
        {"time", utc_time_with_milliseconds()},
        {"method", request.method},
        {"path", request.path},
        {"status", response.status},
        {"duration_ms", std::round(finished.milliseconds * 10.0) / 10.0},
        {"user", finished.user ? nlohmann::json(*finished.user) : nlohmann::json(nullptr)},
        {"address", address},
    };
    // JSON escapes control characters; a path of invalid UTF-8 gets U+FFFD rather than no line.
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void log_request_failure(const httplib::Request& request, const std::string& what) {
    std::fprintf(stderr, "error: %s %s failed: %s\n", printable(request.method).c_str(), printable(request.path).c_str(),
                 printable(what).c_str());
}

}  // namespace madoguchi::server::http

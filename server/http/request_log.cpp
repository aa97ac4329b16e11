#include "http/request_log.hpp"

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

namespace madoguchi::server::http {
namespace {

using Clock = std::chrono::steady_clock;

// httplib serves a connection's requests one after another on one pool thread, so the
// start of the request in progress can live in a thread-local.
thread_local std::optional<Clock::time_point> request_start;

// Decoded paths may hold control characters (%0a, %00): never let them forge log lines.
std::string printable(const std::string& text) {
    std::string result = text;
    for (auto& c : result) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    }
    return result;
}

}  // namespace

void mark_request_start() { request_start = Clock::now(); }

void log_request(const httplib::Request& request, const httplib::Response& response) {
    // Requests httplib rejects before routing (a malformed request line) have no start.
    const double milliseconds =
        request_start ? std::chrono::duration<double, std::milli>(Clock::now() - *request_start).count() : 0.0;
    request_start.reset();
    std::fprintf(stderr, "%s %s %d %.1f ms\n", printable(request.method).c_str(), printable(request.path).c_str(),
                 response.status, milliseconds);
}

void log_request_failure(const httplib::Request& request, const std::string& what) {
    std::fprintf(stderr, "error: %s %s failed: %s\n", printable(request.method).c_str(), printable(request.path).c_str(),
                 printable(what).c_str());
}

}  // namespace madoguchi::server::http

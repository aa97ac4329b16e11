#pragma once
// The one asynchronous API client. Requests go out through a platform transport (fetch in
// the browser, a worker thread natively); completions queue up and are handed to their
// callbacks in drain(), once per frame on the UI thread, so no frame ever waits on the network.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_error.hpp"

namespace madoguchi::client {

struct HttpRequest {
    std::string method = "GET";
    std::string path;  // "/api/v1/…", relative to the server the app came from
    std::string body;
    // Beyond Accept. Without a Content-Type the body goes as JSON; with one (an upload), as
    // the bytes it is.
    std::vector<std::pair<std::string, std::string>> headers;
};

struct HttpResponse {
    int status = 0;         // 0 when the request never got an HTTP answer
    std::string body;
    std::string transport_error;  // set when the network failed (no HTTP status)
    int retry_after_seconds = 0;  // the Retry-After header in seconds, when the answer had one
};

// What a view-model gets back: the body on 2xx, otherwise an error kept apart by kind.
struct ApiResult {
    enum class Kind { ok, http_error, transport_error };
    Kind kind = Kind::ok;
    int status = 0;
    std::string body;
    api::ApiError error;  // for http_error and transport_error: what to show the user
    int retry_after_seconds = 0;  // e.g. how long a 429 asks to wait

    bool ok() const { return kind == Kind::ok; }
    // The session is gone (expired, signed out elsewhere, disabled): sign in again.
    bool session_ended() const { return status == 401 && error.code == "unauthenticated"; }
};

ApiResult to_api_result(const HttpResponse& response);

class Transport {
public:
    virtual ~Transport() = default;
    // Starts the request; the transport later calls ApiClient::complete(id, …), from any thread.
    virtual void send(std::uint64_t id, const HttpRequest& request) = 0;
};

// GET requests are safe to repeat: when the network fails or a proxy answers 502/503/504
// they are sent again with exponential backoff before the caller hears of a failure.
struct RetryPolicy {
    int attempts = 4;  // the first try included
    std::chrono::milliseconds first_delay{500};
    std::chrono::milliseconds longest_delay{8000};
};

class ApiClient {
public:
    using Callback = std::function<void(const ApiResult&)>;
    using Clock = std::chrono::steady_clock;

    explicit ApiClient(RetryPolicy policy = {}) : policy_(policy) {}
    void set_transport(Transport* transport) { transport_ = transport; }
    std::uint64_t send(HttpRequest request, Callback callback);
    std::uint64_t get(std::string path, Callback callback) { return send({"GET", std::move(path), {}, {}}, std::move(callback)); }

    // The signed-in session's CSRF token: every POST, PUT, PATCH and DELETE carries it as
    // X-CSRF-Token from now on (also those already waiting for a retry). Empty: none.
    void set_csrf_token(std::string token) { csrf_token_ = std::move(token); }
    const std::string& csrf_token() const { return csrf_token_; }
    // True once after any answer said the session ended (401 unauthenticated); the app then
    // asks the user to sign in again. The request's own callback still hears the 401.
    bool take_session_ended() { return std::exchange(session_ended_, false); }

    // Thread-safe: queues the response for the next drain().
    void complete(std::uint64_t id, HttpResponse response);
    // Runs the callbacks of every completed request and resends retries that are due;
    // returns how many callbacks ran.
    int drain();
    std::size_t in_flight() const { return pending_.size(); }
    // Successful writes (POST, PUT, PATCH, DELETE answered 2xx) so far, outside the user's
    // own inbox: a write may have told someone, the writer included, so the bell reads again.
    std::uint64_t writes_done() const { return writes_done_; }

    // The browser says the network is gone or back (online/offline events). Coming back
    // resends waiting retries at once instead of at their backoff time.
    void set_network_available(bool available);
    // True from a request that got no HTTP answer (or the browser going offline) until the
    // next HTTP answer of any kind.
    bool offline() const { return offline_; }
    // Requests waiting for their next attempt.
    std::size_t retrying() const;
    void retry_now();

private:
    struct Pending {
        HttpRequest request;
        Callback callback;
        int attempts = 0;
        std::optional<Clock::time_point> retry_at;  // set while waiting to be resent
    };
    bool should_retry(const Pending& pending, const HttpResponse& response) const;
    void transmit(std::uint64_t id, Pending& pending);

    RetryPolicy policy_;
    Transport* transport_ = nullptr;
    std::uint64_t next_id_ = 1;
    std::map<std::uint64_t, Pending> pending_;
    bool offline_ = false;
    std::string csrf_token_;
    bool session_ended_ = false;
    std::uint64_t writes_done_ = 0;
    std::mutex completed_mutex_;
    std::vector<std::pair<std::uint64_t, HttpResponse>> completed_;
};

}  // namespace madoguchi::client

#include "api/api_client.hpp"

#include <algorithm>

namespace madoguchi::client {
namespace {

constexpr const char* csrf_header = "X-CSRF-Token";

bool changes_state(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

// Marking one's own notifications read tells nobody anything.
bool counts_as_write(const HttpRequest& request) {
    return changes_state(request.method) && !request.path.starts_with("/api/v1/me/notifications");
}

}  // namespace

ApiResult to_api_result(const HttpResponse& response) {
    ApiResult result;
    result.status = response.status;
    result.body = response.body;
    result.retry_after_seconds = response.retry_after_seconds;
    if (response.status == 0) {
        result.kind = ApiResult::Kind::transport_error;
        result.error = api::make_error("network");
        if (!response.transport_error.empty()) result.error.message += " (" + response.transport_error + ")";
    } else if (response.status < 200 || response.status > 299) {
        result.kind = ApiResult::Kind::http_error;
        // A proxy or a crashed upstream may answer with something that is not our error shape.
        result.error = api::parse_error(response.body).value_or(api::make_error("internal"));
    }
    return result;
}

std::uint64_t ApiClient::send(HttpRequest request, Callback callback) {
    const auto id = next_id_++;
    Pending entry;
    entry.request = std::move(request);
    entry.callback = std::move(callback);
    auto& pending = pending_.emplace(id, std::move(entry)).first->second;
    transmit(id, pending);
    return id;
}

void ApiClient::transmit(std::uint64_t id, Pending& pending) {
    ++pending.attempts;
    pending.retry_at.reset();
    if (transport_ == nullptr) {
        complete(id, HttpResponse{0, {}, "no transport", 0});
        return;
    }
    // The token is added when the request leaves, so a resend carries the current session's.
    if (changes_state(pending.request.method) && !csrf_token_.empty()) {
        auto request = pending.request;
        request.headers.emplace_back(csrf_header, csrf_token_);
        transport_->send(id, request);
    } else {
        transport_->send(id, pending.request);
    }
}

void ApiClient::complete(std::uint64_t id, HttpResponse response) {
    const std::lock_guard lock(completed_mutex_);
    completed_.emplace_back(id, std::move(response));
}

bool ApiClient::should_retry(const Pending& pending, const HttpResponse& response) const {
    const bool unanswered = response.status == 0 || response.status == 502 || response.status == 503 ||
                            response.status == 504;
    return unanswered && pending.request.method == "GET" && pending.attempts < policy_.attempts;
}

int ApiClient::drain() {
    std::vector<std::pair<std::uint64_t, HttpResponse>> ready;
    {
        const std::lock_guard lock(completed_mutex_);
        ready.swap(completed_);
    }
    const auto now = Clock::now();
    int ran = 0;
    for (auto& [id, response] : ready) {
        const auto found = pending_.find(id);
        if (found == pending_.end()) continue;
        auto& pending = found->second;
        offline_ = response.status == 0;
        if (should_retry(pending, response)) {
            // 0.5 s, 1 s, 2 s, … up to the longest delay.
            auto delay = policy_.first_delay * (1 << std::min(pending.attempts - 1, 16));
            pending.retry_at = now + std::min<Clock::duration>(delay, policy_.longest_delay);
            continue;
        }
        auto callback = std::move(pending.callback);
        const bool write = counts_as_write(pending.request);
        pending_.erase(found);
        const auto result = to_api_result(response);
        if (result.session_ended()) session_ended_ = true;
        if (result.ok() && write) ++writes_done_;
        callback(result);
        ++ran;
    }
    for (auto& [id, pending] : pending_) {
        if (pending.retry_at && *pending.retry_at <= now) transmit(id, pending);
    }
    return ran;
}

void ApiClient::set_network_available(bool available) {
    if (!available) {
        offline_ = true;
        return;
    }
    retry_now();
}

std::size_t ApiClient::retrying() const {
    std::size_t waiting = 0;
    for (const auto& [id, pending] : pending_) waiting += pending.retry_at ? 1 : 0;
    return waiting;
}

void ApiClient::retry_now() {
    for (auto& [id, pending] : pending_) {
        if (pending.retry_at) transmit(id, pending);
    }
}

}  // namespace madoguchi::client

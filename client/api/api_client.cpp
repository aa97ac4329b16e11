#include "api/api_client.hpp"

namespace madoguchi::client {

ApiResult to_api_result(const HttpResponse& response) {
    ApiResult result;
    result.status = response.status;
    result.body = response.body;
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
    callbacks_.emplace(id, std::move(callback));
    if (transport_ == nullptr) {
        complete(id, HttpResponse{0, {}, "no transport"});
    } else {
        transport_->send(id, request);
    }
    return id;
}

void ApiClient::complete(std::uint64_t id, HttpResponse response) {
    const std::lock_guard lock(completed_mutex_);
    completed_.emplace_back(id, std::move(response));
}

int ApiClient::drain() {
    std::vector<std::pair<std::uint64_t, HttpResponse>> ready;
    {
        const std::lock_guard lock(completed_mutex_);
        ready.swap(completed_);
    }
    int ran = 0;
    for (auto& [id, response] : ready) {
        const auto found = callbacks_.find(id);
        if (found == callbacks_.end()) continue;
        auto callback = std::move(found->second);
        callbacks_.erase(found);
        callback(to_api_result(response));
        ++ran;
    }
    return ran;
}

}  // namespace madoguchi::client

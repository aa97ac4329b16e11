#include "platform/native/http_native.hpp"

#include <httplib.h>

namespace madoguchi::client {

NativeHttpTransport::NativeHttpTransport(ApiClient& api, std::string host, int port)
    : api_(api), host_(std::move(host)), port_(port), worker_([this] { run(); }) {}

NativeHttpTransport::~NativeHttpTransport() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void NativeHttpTransport::send(std::uint64_t id, const HttpRequest& request) {
    {
        const std::lock_guard lock(mutex_);
        queue_.emplace_back(id, request);
    }
    wake_.notify_one();
}

void NativeHttpTransport::run() {
    httplib::Client client(host_, port_);
    client.set_connection_timeout(5);
    client.set_read_timeout(15);
    for (;;) {
        std::pair<std::uint64_t, HttpRequest> next;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            next = std::move(queue_.front());
            queue_.pop_front();
        }
        const auto& [id, request] = next;
        httplib::Request raw;
        raw.method = request.method;
        raw.path = request.path;
        raw.body = request.body;
        if (!request.body.empty()) raw.set_header("Content-Type", "application/json");
        for (const auto& [name, value] : request.headers) raw.set_header(name, value);
        const httplib::Result result = client.send(raw);
        if (result) {
            api_.complete(id, HttpResponse{result->status, result->body, {}});
        } else {
            api_.complete(id, HttpResponse{0, {}, httplib::to_string(result.error())});
        }
    }
}

}  // namespace madoguchi::client

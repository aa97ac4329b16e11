#include "platform/native/http_native.hpp"

#include <httplib.h>

#include <charconv>

namespace madoguchi::client {
namespace {

int retry_after_of(const httplib::Response& response) {
    const auto text = response.get_header_value("Retry-After");
    int seconds = 0;
    std::from_chars(text.data(), text.data() + text.size(), seconds);
    return seconds;
}

}  // namespace

void CookieJar::take(const std::string& set_cookie) {
    // "name=value; Path=/; HttpOnly; …": only the pair matters to a client of one server.
    const auto pair = set_cookie.substr(0, set_cookie.find(';'));
    const auto equals = pair.find('=');
    if (equals == std::string::npos || equals == 0) return;
    const auto name = pair.substr(0, equals);
    const auto value = pair.substr(equals + 1);
    const bool expired = value.empty() || set_cookie.find("Max-Age=0") != std::string::npos;
    if (expired) {
        cookies_.erase(name);
    } else {
        cookies_[name] = value;
    }
}

std::string CookieJar::header() const {
    std::string header;
    for (const auto& [name, value] : cookies_) {
        if (!header.empty()) header += "; ";
        header += name;
        header += '=';
        header += value;
    }
    return header;
}

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
        for (const auto& [name, value] : request.headers) raw.set_header(name, value);
        if (!request.body.empty() && !raw.has_header("Content-Type")) raw.set_header("Content-Type", "application/json");
        if (const auto cookies = cookies_.header(); !cookies.empty()) raw.set_header("Cookie", cookies);
        const httplib::Result result = client.send(raw);
        if (result) {
            const auto set_cookies = result->headers.equal_range("Set-Cookie");
            for (auto it = set_cookies.first; it != set_cookies.second; ++it) cookies_.take(it->second);
            api_.complete(id, HttpResponse{result->status, result->body, {}, retry_after_of(*result)});
        } else {
            api_.complete(id, HttpResponse{0, {}, httplib::to_string(result.error()), 0});
        }
    }
}

}  // namespace madoguchi::client

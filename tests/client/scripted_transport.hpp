#pragma once
// A transport that keeps the requests the client sends, for tests with JSON fixtures: the
// test reads what went out (method, path, body) and answers each request itself.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"

namespace madoguchi::testing {

class ScriptedTransport final : public client::Transport {
public:
    explicit ScriptedTransport(client::ApiClient& api) : api_(api) { api_.set_transport(this); }

    void send(std::uint64_t id, const client::HttpRequest& request) override { waiting_.emplace_back(id, request); }

    std::size_t waiting() const { return waiting_.size(); }
    // The oldest request not answered yet.
    const client::HttpRequest& next() const { return waiting_.front().second; }
    // Answers the oldest request and hands the answer to its callback.
    void answer(int status, std::string body) {
        const auto id = waiting_.front().first;
        waiting_.erase(waiting_.begin());
        api_.complete(id, {status, std::move(body), {}, 0});
        api_.drain();
    }

private:
    client::ApiClient& api_;
    std::vector<std::pair<std::uint64_t, client::HttpRequest>> waiting_;
};

}  // namespace madoguchi::testing

#pragma once
// Native transport: real HTTP through cpp-httplib on one worker thread, for running the
// client's view-models against a real server in tests and tools.
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "api/api_client.hpp"

namespace madoguchi::client {

class NativeHttpTransport final : public Transport {
public:
    NativeHttpTransport(ApiClient& api, std::string host, int port);
    ~NativeHttpTransport() override;
    NativeHttpTransport(const NativeHttpTransport&) = delete;
    NativeHttpTransport& operator=(const NativeHttpTransport&) = delete;

    void send(std::uint64_t id, const HttpRequest& request) override;

private:
    void run();

    ApiClient& api_;
    std::string host_;
    int port_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::pair<std::uint64_t, HttpRequest>> queue_;
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace madoguchi::client

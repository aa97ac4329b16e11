#pragma once
// Native transport: real HTTP through cpp-httplib on one worker thread, for running the
// client's view-models against a real server in tests and tools. It keeps the server's
// cookies (the session) and sends them back, as a browser does for a same-origin page.
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "api/api_client.hpp"

namespace madoguchi::client {

// The cookies of one server: Set-Cookie adds or replaces one, an emptied or Max-Age=0 one
// is dropped. Used only on the transport's worker thread.
class CookieJar {
public:
    void take(const std::string& set_cookie);
    std::string header() const;  // "a=1; b=2"; empty without cookies
    bool empty() const { return cookies_.empty(); }

private:
    std::map<std::string, std::string> cookies_;
};

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
    CookieJar cookies_;
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace madoguchi::client

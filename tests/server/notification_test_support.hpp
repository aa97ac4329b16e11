#pragma once
// Real peers for the notification tests on 127.0.0.1: an SMTP server (aiosmtpd, started as
// a child process) that keeps every message it receives, and a Slack-style webhook receiver
// (an HTTP server in the test) that can be told to fail a number of times first.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "notifications/notification_config.hpp"
#include "notifications/outbox.hpp"
#include "support/child_process.hpp"
#include "support/server_process.hpp"

namespace madoguchi::testing {

class SmtpSink {
public:
    SmtpSink();
    int port() const { return port_; }
    // Each message received so far, in order, as tests/server/tools/smtp_sink.py decodes it.
    std::vector<nlohmann::json> messages() const;

private:
    TempDir folder_;
    std::unique_ptr<ChildProcess> process_;
    int port_ = 0;
};

class WebhookReceiver {
public:
    // Answers 500 to the first `failures` posts, then 200.
    explicit WebhookReceiver(int failures = 0);
    ~WebhookReceiver();
    std::string url() const;
    // The bodies of the posts it accepted (200), in order.
    std::vector<std::string> accepted() const;
    int requests() const { return requests_; }

private:
    httplib::Server server_;
    std::thread serving_;
    int port_ = 0;
    std::atomic<int> failures_left_;
    std::atomic<int> requests_ = 0;
    mutable std::mutex mutex_;
    std::vector<std::string> accepted_;
};

// Delivery settings for a worker talking to these peers: quick polls and 1-second backoff.
server::notifications::NotificationConfig quick_config(const SmtpSink* sink, const WebhookReceiver* receiver);

// Queues the request in its own transaction on a connection of the database file, as a
// business change would; the error when enqueue refused it.
std::string enqueue_into(const std::filesystem::path& database, const server::notifications::NotificationRequest& request);

// The recipient of each message of the event in the database's outbox, in queue order.
std::vector<std::string> queued_to(const std::filesystem::path& database, const std::string& event);

// Polls every 50 ms until `done` holds or `limit` passes; whether it held.
bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds limit = std::chrono::seconds(15));

}  // namespace madoguchi::testing

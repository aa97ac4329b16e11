#pragma once
// The outbox worker inside `serve`: a thread with its own database connection that first
// takes back messages a stopped server left "sending", then sends due messages one at a time
// (outbox_delivery.hpp records each attempt) and sleeps poll_interval when none is due.
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <stop_token>
#include <thread>

#include "notifications/notification_config.hpp"

namespace madoguchi::server::notifications {

class OutboxWorker {
public:
    OutboxWorker(std::filesystem::path database, NotificationConfig config);
    // The jthread's destructor requests the stop and joins; a send in progress finishes
    // (within send_timeout) and is recorded first.
    ~OutboxWorker() = default;
    OutboxWorker(const OutboxWorker&) = delete;
    OutboxWorker& operator=(const OutboxWorker&) = delete;

private:
    void run(std::stop_token stop);
    // Sends every due message; false when the database failed (the worker then waits a round).
    bool send_due(const std::stop_token& stop, store::Database& database);

    std::filesystem::path database_;
    NotificationConfig config_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::jthread thread_;  // last: starts once everything it uses exists
};

}  // namespace madoguchi::server::notifications

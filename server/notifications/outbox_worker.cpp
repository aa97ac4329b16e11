#include "notifications/outbox_worker.hpp"

#include <cstdio>

#include "notifications/channel_senders.hpp"
#include "notifications/outbox_delivery.hpp"

namespace madoguchi::server::notifications {

OutboxWorker::OutboxWorker(std::filesystem::path database, NotificationConfig config)
    : database_(std::move(database)), config_(std::move(config)),
      thread_([this](std::stop_token stop) { run(stop); }) {}

void OutboxWorker::run(std::stop_token stop) {
    // Its own connection: the server's is shared by request threads, and the worker's
    // transactions wait for theirs through the busy timeout like any other writer.
    auto database = store::Database::open(database_);
    if (!database) {
        std::fprintf(stderr, "notifications: cannot open the database: %s\n", database.error().c_str());
        return;
    }
    auto recovered = recover_interrupted(database.value(), calendar::now());
    if (!recovered) {
        std::fprintf(stderr, "notifications: %s\n", recovered.error().c_str());
    } else if (recovered.value() > 0) {
        std::fprintf(stderr, "notifications: %d message(s) were being sent when the server stopped; sending again\n",
                     recovered.value());
    }
    while (!stop.stop_requested()) {
        send_due(stop, database.value());
        std::unique_lock lock(mutex_);
        // Returns after the interval, or at once when the stop is requested; nothing else notifies.
        wake_.wait_for(lock, stop, config_.poll_interval, [] { return false; });
    }
}

bool OutboxWorker::send_due(const std::stop_token& stop, store::Database& database) {
    const auto channels = config_.channels();
    while (!stop.stop_requested()) {
        const auto started = calendar::now();
        auto claimed = claim_due(database, started, channels);
        if (!claimed) {
            std::fprintf(stderr, "notifications: %s\n", claimed.error().c_str());
            return false;
        }
        if (!claimed.value()) return true;
        const auto& message = *claimed.value();
        const auto outcome = send_message(config_, message);
        auto recorded = record_outcome(database, message, started, outcome, calendar::now(), config_.retry);
        if (!recorded) {
            // Left "sending": the next start takes it back as interrupted.
            std::fprintf(stderr, "notifications: cannot record the attempt of message %lld: %s\n",
                         static_cast<long long>(message.id), recorded.error().c_str());
            return false;
        }
        if (!outcome.sent) {
            std::fprintf(stderr, "notifications: message %lld to %s failed: %s\n", static_cast<long long>(message.id),
                         message.recipient.c_str(), outcome.detail.c_str());
        }
    }
    return true;
}

}  // namespace madoguchi::server::notifications

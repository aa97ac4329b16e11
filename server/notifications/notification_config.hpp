#pragma once
// Where the outbox worker sends: the SMTP relay and sender address, the Slack incoming
// webhooks by name (serve --smtp-host, --smtp-port, --mail-from, --slack-webhook), and its pace.
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "notifications/outbox.hpp"
#include "notifications/outbox_delivery.hpp"

namespace madoguchi::server::notifications {

struct NotificationConfig {
    std::string smtp_host;  // empty: e-mail is not sent (messages wait in the outbox)
    int smtp_port = 25;
    std::string mail_from = "madoguchi@localhost";
    // Webhook name (a Slack recipient's address) -> its URL. Empty: Slack is not posted to.
    std::map<std::string, std::string> webhooks;
    RetryPolicy retry;
    // How often the worker looks for due messages when it has nothing to do.
    std::chrono::milliseconds poll_interval{1000};
    // One SMTP conversation or webhook POST; a peer that hangs longer is a failed attempt.
    std::chrono::seconds send_timeout{30};

    // The channels configured, for the worker to claim messages of.
    std::vector<Channel> channels() const;
};

}  // namespace madoguchi::server::notifications

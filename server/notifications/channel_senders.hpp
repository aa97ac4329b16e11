#pragma once
// One delivery attempt of an outbox message through libcurl: SMTP (MAIL FROM, RCPT TO, the
// composed message) or an HTTP POST of {"text": …} to a Slack incoming webhook.
#include "notifications/notification_config.hpp"
#include "notifications/outbox.hpp"
#include "notifications/outbox_delivery.hpp"

namespace madoguchi::server::notifications {

SendOutcome send_message(const NotificationConfig& config, const OutboxMessage& message);

// The message's stable Message-ID: the same on every attempt, so a copy sent twice after an
// interrupted attempt can be recognised.
std::string message_id_of(const NotificationConfig& config, const OutboxMessage& message);

}  // namespace madoguchi::server::notifications

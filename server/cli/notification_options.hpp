#pragma once
// serve's options for sending notifications: --smtp-host, --smtp-port, --mail-from,
// --slack-webhook NAME=URL (repeatable).
#include <optional>
#include <string_view>

#include "cli/command_line.hpp"
#include "notifications/notification_config.hpp"

namespace madoguchi::server::cli {

bool is_notification_option(std::string_view name);

// Applies one option to `config`; the usage error when the value is not acceptable.
std::optional<UsageError> read_notification_option(std::string_view name, std::string_view value,
                                                   notifications::NotificationConfig& config);

}  // namespace madoguchi::server::cli

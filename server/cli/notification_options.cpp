#include "cli/notification_options.hpp"

#include <string>

#include "http/query_params.hpp"
#include "identity/user.hpp"

namespace madoguchi::server::cli {
namespace {

UsageError rejected(std::string_view option, std::string_view expected, std::string_view value) {
    std::string message = "madoguchi serve: ";
    message.append(option).append(" must be ").append(expected).append(", not '").append(value).append("'");
    return {message};
}

}  // namespace

bool is_notification_option(std::string_view name) {
    return name == "--smtp-host" || name == "--smtp-port" || name == "--mail-from" || name == "--slack-webhook";
}

std::optional<UsageError> read_notification_option(std::string_view name, std::string_view value,
                                                   notifications::NotificationConfig& config) {
    if (name == "--smtp-host") {
        config.smtp_host = value;
    } else if (name == "--smtp-port") {
        const auto port = http::parse_integer(value);
        if (!port || *port < 1 || *port > 65535) return rejected(name, "a port from 1 to 65535", value);
        config.smtp_port = static_cast<int>(*port);
    } else if (name == "--mail-from") {
        if (!identity::is_plausible_email(value)) return rejected(name, "an e-mail address", value);
        config.mail_from = value;
    } else {
        const auto equals = value.find('=');
        const auto webhook = equals == std::string_view::npos ? std::string_view() : value.substr(0, equals);
        const auto url = equals == std::string_view::npos ? std::string_view() : value.substr(equals + 1);
        if (!notifications::is_webhook_name(webhook) || !(url.starts_with("https://") || url.starts_with("http://"))) {
            return rejected(name, "NAME=URL (NAME of a-z, 0-9, _ and -; an http or https URL)", value);
        }
        config.webhooks[std::string(webhook)] = url;
    }
    return std::nullopt;
}

}  // namespace madoguchi::server::cli

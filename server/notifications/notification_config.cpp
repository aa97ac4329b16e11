#include "notifications/notification_config.hpp"

namespace madoguchi::server::notifications {

std::vector<Channel> NotificationConfig::channels() const {
    std::vector<Channel> configured;
    if (!smtp_host.empty()) configured.push_back(Channel::email);
    if (!webhooks.empty()) configured.push_back(Channel::slack);
    return configured;
}

}  // namespace madoguchi::server::notifications

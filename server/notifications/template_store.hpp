#pragma once
// The notification templates in table notification_templates, one per event (seeded by
// migration 12, edited by admins).
#include <optional>
#include <string_view>
#include <vector>

#include "notifications/message_template.hpp"
#include "store/database.hpp"

namespace madoguchi::server::notifications {

using madoguchi::notifications::MessageTemplate;

store::Result<std::vector<MessageTemplate>> list_templates(store::Database& database);
store::Result<std::optional<MessageTemplate>> find_template(store::Database& database, std::string_view event);
// Writes the template's text, version, author and time over the stored one.
store::Status save_template(store::Database& database, const MessageTemplate& message_template);

}  // namespace madoguchi::server::notifications

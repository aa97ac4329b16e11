#pragma once
// Files attached to a ticket (添付ファイル; table ticket_attachments, migration 16), stored
// with their bytes. Internal ones are for the desk, like internal notes. Routes decide who
// may (ticket_attachments_routes.hpp); this file only stores.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace madoguchi::server::tickets {

// 10 MB: a screenshot, a log or a scanned form fits; larger files belong in a file share.
inline constexpr std::size_t most_attachment_bytes = 10 * 1024 * 1024;

struct TicketAttachment {
    std::int64_t id = 0;
    std::int64_t ticket_id = 0;
    std::string file_name;
    std::string content_type;  // the media type, without parameters
    std::int64_t size = 0;
    std::string sha256;  // hex
    std::string visibility = "public";  // or "internal"
    std::string uploaded_by;  // login
    std::string uploaded_at;  // UTC ISO 8601
};

nlohmann::json to_json(const TicketAttachment& attachment);

// Answers the new row's id; call inside a transaction.
store::Result<std::int64_t> insert_attachment(store::Database& database, const TicketAttachment& attachment,
                                              std::string_view bytes);
// Oldest first; internal ones only when `with_internal`.
store::Result<std::vector<TicketAttachment>> ticket_attachments(store::Database& database, std::int64_t ticket_id,
                                                                bool with_internal);

struct AttachmentFile {
    TicketAttachment attachment;
    std::string bytes;
};

// Empty when the ticket has no such attachment, or it is internal and `with_internal` is false.
store::Result<std::optional<AttachmentFile>> read_attachment(store::Database& database, std::int64_t ticket_id,
                                                             std::int64_t attachment_id, bool with_internal);

}  // namespace madoguchi::server::tickets

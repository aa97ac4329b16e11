#include "tickets/ticket_attachments.hpp"

namespace madoguchi::server::tickets {
namespace {

constexpr std::string_view columns =
    "id, ticket_id, file_name, content_type, size, sha256, visibility, uploaded_by, uploaded_at";

TicketAttachment attachment_of(const store::Statement& s) {
    return {s.column_int(0),  s.column_int(1),  s.column_text(2), s.column_text(3), s.column_int(4),
            s.column_text(5), s.column_text(6), s.column_text(7), s.column_text(8)};
}

}  // namespace

nlohmann::json to_json(const TicketAttachment& attachment) {
    return {{"id", attachment.id},
            {"ticket_id", attachment.ticket_id},
            {"file_name", attachment.file_name},
            {"content_type", attachment.content_type},
            {"size", attachment.size},
            {"sha256", attachment.sha256},
            {"visibility", attachment.visibility},
            {"uploaded_by", attachment.uploaded_by},
            {"uploaded_at", attachment.uploaded_at}};
}

store::Result<std::int64_t> insert_attachment(store::Database& database, const TicketAttachment& attachment,
                                              std::string_view bytes) {
    auto insert = database.prepare(
        "INSERT INTO ticket_attachments (ticket_id, file_name, content_type, size, sha256, visibility, uploaded_by, "
        "uploaded_at, content) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert) return store::Error{insert.error()};
    insert.value()
        .bind(1, attachment.ticket_id)
        .bind(2, attachment.file_name)
        .bind(3, attachment.content_type)
        .bind(4, static_cast<std::int64_t>(bytes.size()))
        .bind(5, attachment.sha256)
        .bind(6, attachment.visibility)
        .bind(7, attachment.uploaded_by)
        .bind(8, attachment.uploaded_at)
        .bind_blob(9, bytes);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return database.last_insert_id();
}

store::Result<std::vector<TicketAttachment>> ticket_attachments(store::Database& database, std::int64_t ticket_id,
                                                                bool with_internal) {
    auto select = database.prepare(std::string("SELECT ").append(columns).append(
        " FROM ticket_attachments WHERE ticket_id = ?1 AND (?2 = 1 OR visibility = 'public') ORDER BY id"));
    if (!select) return store::Error{select.error()};
    select.value().bind(1, ticket_id).bind(2, std::int64_t{with_internal ? 1 : 0});
    std::vector<TicketAttachment> attachments;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return attachments;
        attachments.push_back(attachment_of(select.value()));
    }
}

store::Result<std::optional<AttachmentFile>> read_attachment(store::Database& database, std::int64_t ticket_id,
                                                             std::int64_t attachment_id, bool with_internal) {
    auto select = database.prepare(std::string("SELECT ").append(columns).append(
        ", content FROM ticket_attachments WHERE ticket_id = ?1 AND id = ?2 AND (?3 = 1 OR visibility = 'public')"));
    if (!select) return store::Error{select.error()};
    select.value().bind(1, ticket_id).bind(2, attachment_id).bind(3, std::int64_t{with_internal ? 1 : 0});
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<AttachmentFile>();
    return std::optional<AttachmentFile>(AttachmentFile{attachment_of(select.value()), select.value().column_blob(9)});
}

}  // namespace madoguchi::server::tickets

#include "notifications/template_store.hpp"

namespace madoguchi::server::notifications {
namespace {

constexpr std::string_view columns =
    "SELECT event, version, subject_ja, body_ja, subject_en, body_en, updated_by, updated_at FROM notification_templates";

MessageTemplate template_of(const store::Statement& s) {
    return {s.column_text(0), s.column_int(1),
            {s.column_text(2), s.column_text(3), s.column_text(4), s.column_text(5)},
            s.column_text(6), s.column_text(7)};
}

}  // namespace

store::Result<std::vector<MessageTemplate>> list_templates(store::Database& database) {
    auto query = database.prepare(std::string(columns) + " ORDER BY event");
    if (!query) return store::Error{query.error()};
    std::vector<MessageTemplate> templates;
    while (true) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return templates;
        templates.push_back(template_of(query.value()));
    }
}

store::Result<std::optional<MessageTemplate>> find_template(store::Database& database, std::string_view event) {
    auto query = database.prepare(std::string(columns) + " WHERE event = ?1");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, event);
    auto row = query.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<MessageTemplate>();
    return std::optional(template_of(query.value()));
}

store::Status save_template(store::Database& database, const MessageTemplate& message_template) {
    auto update = database.prepare(
        "UPDATE notification_templates SET version = ?2, subject_ja = ?3, body_ja = ?4, subject_en = ?5, body_en = ?6, "
        "updated_by = ?7, updated_at = ?8 WHERE event = ?1");
    if (!update) return store::Error{update.error()};
    const auto& text = message_template.text;
    update.value().bind(1, message_template.event).bind(2, message_template.version).bind(3, text.subject_ja)
        .bind(4, text.body_ja).bind(5, text.subject_en).bind(6, text.body_en).bind(7, message_template.updated_by)
        .bind(8, message_template.updated_at);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace madoguchi::server::notifications

#include "tickets/ticket_attachments_routes.hpp"

#include "configuration/document_routes.hpp"
#include "files/file_content.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "idempotency/request_hash.hpp"
#include "identity/principal.hpp"
#include "tickets/ticket_access.hpp"
#include "tickets/ticket_attachments.hpp"
#include "tickets/ticket_change_frame.hpp"
#include "tickets/ticket_detail.hpp"

namespace madoguchi::server::tickets {
namespace {

using http::RequestContext;
using madoguchi::identity::Role;

// The upload's name, visibility and type from the query and headers, or the 4xx to answer.
std::variant<TicketAttachment, http::Reply> read_upload(const httplib::Request& request, const RequestContext& context) {
    TicketAttachment attachment;
    attachment.file_name = http::query_param(request, "file_name").value_or("");
    attachment.visibility = http::query_param(request, "visibility").value_or("public");
    auto error = api::make_error("invalid_parameter");
    if (auto problem = files::file_name_problem(attachment.file_name); !problem.empty()) {
        api::add_field(error, "file_name", problem);
    }
    if (attachment.visibility != "public" && attachment.visibility != "internal") {
        api::add_field(error, "visibility", "field.unknown_visibility");
    }
    if (!error.fields.empty()) return http::refusal(400, error);
    if (attachment.visibility == "internal" && !is_desk(*context.principal)) {
        return http::refusal(403, api::field_error("forbidden", "visibility", "field.desk_only"));
    }
    attachment.content_type = files::media_type_of(request.get_header_value("Content-Type"));
    const auto check = files::check_content(attachment.content_type, request.body);
    if (check != files::ContentCheck::accepted) {
        return http::refusal(415, api::field_error("content_type_refused", "Content-Type",
                                                   check == files::ContentCheck::mismatch ? "field.content_type_mismatch"
                                                                                          : "field.unsupported_content_type"));
    }
    attachment.size = static_cast<std::int64_t>(request.body.size());
    attachment.sha256 = idempotency::sha256_hex(request.body);
    attachment.uploaded_by = context.principal->user.fields.login;
    return attachment;
}

// Audited with what the file was, never its bytes; the size as declared when the body went
// unread (too large), else as received.
void refuse_upload(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                   const RequestContext& context, const http::Reply& refused) {
    const auto declared = http::declared_body_length(request);
    const nlohmann::json upload{{"file_name", http::query_param(request, "file_name").value_or("")},
                                {"content_type", request.get_header_value("Content-Type")},
                                {"size", request.body.empty() && declared ? *declared : request.body.size()}};
    refuse_audited(database, request, response, context, refused, upload);
}

void upload(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    auto read = read_upload(request, context);
    if (const auto* refused = std::get_if<http::Reply>(&read)) return refuse_upload(database, request, response, context, *refused);
    auto attachment = std::get<TicketAttachment>(std::move(read));
    run_change(database, request, response, context, [&](store::Database& connection, const Change& change) -> store::Result<Decision> {
        attachment.ticket_id = change.before.id;
        attachment.uploaded_at = calendar::format_iso8601_utc(change.now);
        auto id = insert_attachment(connection, attachment, request.body);
        if (!id) return store::Error{id.error()};
        attachment.id = id.value();
        Outcome outcome;
        outcome.event.type = "attachment";
        outcome.event.comment = attachment.file_name;
        outcome.event.visibility = attachment.visibility;
        outcome.action = "ticket.attached";
        outcome.detail_extra = {{"attachment", to_json(attachment)}};
        outcome.status = 201;
        return Decision(std::move(outcome));
    });
}

// The visible ticket's id, or empty after the 400/404 was sent.
std::optional<std::int64_t> visible_ticket(store::Database& connection, const RequestContext& context,
                                           httplib::Response& response, std::string& failure) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) {
        http::send_error(response, 400, *error);
        return std::nullopt;
    }
    auto found = find_visible_ticket(connection, std::get<std::int64_t>(id), *context.principal);
    if (!found) {
        failure = found.error();
        return std::nullopt;
    }
    if (!found.value()) {
        http::send_error(response, 404, api::make_error("not_found"));
        return std::nullopt;
    }
    return found.value()->id;
}

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const RequestContext& context) {
    std::string failure;
    const bool with_internal = sees_internal_notes(*context.principal);
    database.use([&](store::Database& connection) {
        const auto ticket_id = visible_ticket(connection, context, response, failure);
        if (!ticket_id) return;
        auto attachments = ticket_attachments(connection, *ticket_id, with_internal);
        if (!attachments) {
            failure = attachments.error();
            return;
        }
        auto listed = nlohmann::json::array();
        for (const auto& attachment : attachments.value()) listed.push_back(to_json(attachment));
        http::send_json(response, 200, {{"attachments", listed}});
    });
    if (!failure.empty()) http::send_failure(request, response, failure);
}

void download(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
              const RequestContext& context) {
    const auto attachment_id = http::parse_id(context.params.at("attachment"));
    if (const auto* error = std::get_if<api::ApiError>(&attachment_id)) return http::send_error(response, 400, *error);
    std::string failure;
    const bool with_internal = sees_internal_notes(*context.principal);
    database.use([&](store::Database& connection) {
        const auto ticket_id = visible_ticket(connection, context, response, failure);
        if (!ticket_id) return;
        auto file = read_attachment(connection, *ticket_id, std::get<std::int64_t>(attachment_id), with_internal);
        if (!file) {
            failure = file.error();
            return;
        }
        if (!file.value()) return http::send_error(response, 404, api::make_error("not_found"));
        auto& stored = *file.value();
        response.status = 200;
        response.set_header("Content-Disposition", configuration::content_disposition(stored.attachment.file_name));
        response.set_content(std::move(stored.bytes), stored.attachment.content_type.c_str());
    });
    if (!failure.empty()) http::send_failure(request, response, failure);
}

}  // namespace

void add_ticket_attachment_routes(http::Router& router, store::SharedDatabase& database) {
    // As the ticket routes: whoever writes notes attaches files, whoever reads tickets reads them.
    const auto readers = http::Access::roles_of({Role::staff, Role::manager, Role::desk_operator, Role::it_office,
                                                 Role::vendor, Role::auditor, Role::admin});
    const auto writers =
        http::Access::roles_of({Role::staff, Role::manager, Role::desk_operator, Role::it_office, Role::vendor});
    router.add({"POST", "/api/v1/tickets/{id}/attachments", "uploadTicketAttachment", writers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    upload(database, request, response, context);
                },
                most_attachment_bytes,
                // Refused with its sender on the trail, whether the body was read (up to the
                // largest route's limit) or skipped unread beyond it.
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    refuse_upload(database, request, response, context,
                                  http::refusal(413, api::make_error("payload_too_large")));
                }});
    router.add({"GET", "/api/v1/tickets/{id}/attachments", "listTicketAttachments", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    list(database, request, response, context);
                }});
    router.add({"GET", "/api/v1/tickets/{id}/attachments/{attachment}/content", "downloadTicketAttachment", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    download(database, request, response, context);
                }});
}

}  // namespace madoguchi::server::tickets

#include "configuration/document_routes.hpp"

#include "configuration/document_store.hpp"
#include "configuration/route_support.hpp"
#include "files/file_content.hpp"
#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "idempotency/request_hash.hpp"
#include "identity/principal.hpp"

namespace madoguchi::server::configuration {
namespace {

using http::Reply;
using http::RequestContext;
using http::refusal;

// An upload's metadata from the query and headers; the 4xx to answer when it is wrong.
struct Upload {
    std::string title;
    domain::DocumentKind kind = domain::DocumentKind::other;
    std::string file_name;
    std::string content_type;
};

std::variant<Upload, Reply> read_upload(const httplib::Request& request, bool new_document) {
    Upload upload;
    upload.file_name = http::query_param(request, "file_name").value_or("");
    auto error = api::make_error("invalid_parameter");
    if (new_document) {
        upload.title = http::query_param(request, "title").value_or("");
        const auto kind = http::query_param(request, "kind");
        if (!kind) {
            api::add_field(error, "kind", "field.required");
        } else if (const auto parsed = domain::parse_document_kind(*kind)) {
            upload.kind = *parsed;
        } else {
            api::add_field(error, "kind", "field.unknown_document_kind");
        }
    }
    for (const auto& problem : domain::validate_document(new_document ? upload.title : "-", upload.file_name)) {
        api::add_field(error, problem.field, problem.reason_key);
    }
    if (!error.fields.empty()) return refusal(400, error);
    upload.content_type = files::media_type_of(request.get_header_value("Content-Type"));
    const auto check = files::check_content(upload.content_type, request.body);
    if (check != files::ContentCheck::accepted) {
        auto refused = api::make_error("content_type_refused");
        api::add_field(refused, "Content-Type",
                       check == files::ContentCheck::mismatch ? "field.content_type_mismatch" : "field.unsupported_content_type");
        return refusal(415, refused);
    }
    return upload;
}

domain::DocumentVersion version_of(const Upload& upload, const httplib::Request& request, const RequestContext& context,
                                   std::int64_t number) {
    return {number,
            upload.file_name,
            upload.content_type,
            static_cast<std::int64_t>(request.body.size()),
            idempotency::sha256_hex(request.body),
            context.principal->user.fields.login,
            calendar::format_iso8601_utc(calendar::now())};
}

// Stores the version, audits it and answers the document as it now is.
store::Result<Reply> add_version(store::Database& connection, const RequestContext& context, std::int64_t item_id,
                                 std::int64_t document_id, const domain::DocumentVersion& version,
                                 std::string_view bytes, std::string_view action) {
    if (auto stored = insert_document_version(connection, document_id, version, bytes); !stored) {
        return store::Error{stored.error()};
    }
    auto document = find_document(connection, item_id, document_id);
    if (!document) return store::Error{document.error()};
    if (!document.value()) return store::Error{"document " + std::to_string(document_id) + " cannot be read back"};
    auto after = domain::to_json(version);
    after["document_id"] = document_id;
    after["title"] = document.value()->title;
    auto recorded = record_item_change(connection, context, std::string(action), item_id, std::nullopt, after);
    if (!recorded) return store::Error{recorded.error()};
    return Reply{201, {{"document", domain::to_json(*document.value())}}};
}

void upload(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    auto read = read_upload(request, true);
    if (const auto* refused = std::get_if<Reply>(&read)) return http::send_json(response, refused->status, refused->body);
    const auto& file = std::get<Upload>(read);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = item_or_404(connection, *id);
        if (!found) return store::Error{found.error()};
        if (auto* reply = std::get_if<Reply>(&found.value())) return *reply;
        auto document_id = insert_document(connection, *id, file.title, file.kind);
        if (!document_id) return store::Error{document_id.error()};
        return add_version(connection, context, *id, document_id.value(), version_of(file, request, context, 1),
                           request.body, "document.uploaded");
    });
}

void new_version(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                 const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    const auto document_id = number_in_path(context, response, "document");
    if (!document_id) return;
    auto read = read_upload(request, false);
    if (const auto* refused = std::get_if<Reply>(&read)) return http::send_json(response, refused->status, refused->body);
    const auto& file = std::get<Upload>(read);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto document = find_document(connection, *id, *document_id);
        if (!document) return store::Error{document.error()};
        if (!document.value()) return refusal(404, api::make_error("not_found"));
        const auto number = static_cast<std::int64_t>(document.value()->versions.size()) + 1;
        return add_version(connection, context, *id, *document_id, version_of(file, request, context, number),
                           request.body, "document.version_added");
    });
}

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    auto reply = database.use([&](store::Database& connection) -> store::Result<Reply> {
        auto found = item_or_404(connection, *id);
        if (!found) return store::Error{found.error()};
        if (auto* refused = std::get_if<Reply>(&found.value())) return *refused;
        auto documents = list_documents(connection, *id);
        if (!documents) return store::Error{documents.error()};
        auto listed = nlohmann::json::array();
        for (const auto& document : documents.value()) listed.push_back(domain::to_json(document));
        return Reply{200, {{"documents", listed}}};
    });
    if (!reply) return http::send_failure(request, response, reply.error());
    http::send_json(response, reply.value().status, reply.value().body);
}

void download(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
              const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    const auto document_id = number_in_path(context, response, "document");
    if (!document_id) return;
    const auto number = number_in_path(context, response, "number");
    if (!number) return;
    auto file = database.use([&](store::Database& connection) -> store::Result<std::optional<StoredFile>> {
        auto document = find_document(connection, *id, *document_id);
        if (!document) return store::Error{document.error()};
        if (!document.value()) return std::optional<StoredFile>();
        return read_document_version(connection, *document_id, *number);
    });
    if (!file) return http::send_failure(request, response, file.error());
    if (!file.value()) return http::send_error(response, 404, api::make_error("not_found"));
    auto& stored = *file.value();
    response.status = 200;
    response.set_header("Content-Disposition", content_disposition(stored.version.file_name));
    response.set_content(std::move(stored.bytes), stored.version.content_type.c_str());
}

bool plain_in_quotes(unsigned char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'; }

}  // namespace

std::string content_disposition(std::string_view file_name) {
    std::string fallback;
    std::string encoded;
    for (const unsigned char c : file_name) {
        fallback += plain_in_quotes(c) ? static_cast<char>(c) : '_';
        const bool attribute_char = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                    std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
        if (attribute_char) {
            encoded += static_cast<char>(c);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            encoded += escaped;
        }
    }
    std::string header = "attachment; filename=\"";
    header.append(fallback).append("\"; filename*=UTF-8''").append(encoded);
    return header;
}

void add_document_routes(http::Router& router, store::SharedDatabase& database) {
    router.add({"GET", "/api/v1/configuration-items/{id}/documents", "listDocuments", item_readers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    list(database, request, response, context);
                }});
    router.add({"POST", "/api/v1/configuration-items/{id}/documents", "uploadDocument", item_writers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    upload(database, request, response, context);
                },
                domain::most_document_bytes});
    router.add({"POST", "/api/v1/configuration-items/{id}/documents/{document}/versions", "addDocumentVersion",
                item_writers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    new_version(database, request, response, context);
                },
                domain::most_document_bytes});
    router.add({"GET", "/api/v1/configuration-items/{id}/documents/{document}/versions/{number}/content",
                "downloadDocumentVersion", item_readers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    download(database, request, response, context);
                }});
}

}  // namespace madoguchi::server::configuration

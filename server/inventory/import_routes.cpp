#include "inventory/import_routes.hpp"

#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/request_actor.hpp"
#include "inventory/ledger_import.hpp"
#include "text/encoding.hpp"

namespace madoguchi::server::inventory {
namespace {

namespace domain = madoguchi::inventory;
using http::Access;
using http::Reply;
using http::RequestContext;
using madoguchi::identity::Role;

std::optional<domain::LedgerTable> table_named(std::string_view name) {
    if (name == "devices") return domain::LedgerTable::devices;
    if (name == "device-models") return domain::LedgerTable::device_models;
    if (name == "locations") return domain::LedgerTable::locations;
    return std::nullopt;
}

// A file as the browser or a script sends it: text/csv, or bytes of no declared kind.
bool is_file_type(std::string_view content_type) {
    const auto media = content_type.substr(0, content_type.find(';'));
    std::string lowered;
    for (const char c : media) {
        if (c != ' ') lowered += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return lowered == "text/csv" || lowered == "application/octet-stream";
}

// The 422 of a commit refused for its problems: the error document plus the dry run's answer.
Reply refused(const ImportOutcome& outcome) {
    auto body = to_json(outcome);
    body.update(api::to_json(api::make_error("import_has_errors")));
    return {422, body};
}

void import_ledger(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                   const RequestContext& context) {
    const auto& source = context.params.at("table");
    const auto table = table_named(source);
    if (!table) {
        auto error = api::make_error("not_found");
        api::add_field(error, "table", "field.unknown_import_table");
        return http::send_error(response, 404, error);
    }
    const auto dry_run = http::query_param(request, "dry_run").value_or("1");
    if (dry_run != "0" && dry_run != "1") {
        auto error = api::make_error("invalid_parameter");
        api::add_field(error, "dry_run", "field.dry_run_flag");
        return http::send_error(response, 400, error);
    }
    if (!is_file_type(request.get_header_value("Content-Type"))) {
        auto error = api::make_error("unsupported_media_type");
        api::add_field(error, "Content-Type", "field.not_csv_media_type");
        return http::send_error(response, 415, error);
    }
    const auto decoded = text::decode_text(request.body, text::Encoding::automatic);
    if (const auto* failure = std::get_if<text::DecodeError>(&decoded)) {
        ImportOutcome outcome;
        outcome.problems.push_back({failure->line, "", "", "import.undecodable"});
        if (dry_run == "1") return http::send_json(response, 200, to_json(outcome));
        const auto reply = refused(outcome);
        return http::send_json(response, reply.status, reply.body);
    }
    const auto& utf8 = std::get<text::DecodedText>(decoded).utf8;
    const auto actor = identity::actor_of(context);
    if (dry_run == "1") {
        auto outcome = database.use([&](store::Database& connection) {
            return run_ledger_import(connection, *table, utf8, false, actor, source);
        });
        if (!outcome) return http::send_failure(request, response, outcome.error());
        return http::send_json(response, 200, to_json(outcome.value()));
    }
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto outcome = run_ledger_import(connection, *table, utf8, true, actor, source);
        if (!outcome) return store::Error{outcome.error()};
        if (!outcome.value().written) return refused(outcome.value());
        return Reply{200, to_json(outcome.value())};
    });
}

}  // namespace

void add_import_routes(http::Router& router, store::SharedDatabase& database) {
    const auto keepers = Access::roles_of({Role::desk_operator, Role::admin});
    http::Route route{"POST", "/api/v1/imports/{table}", "importLedger", keepers,
                      [&database](const httplib::Request& request, httplib::Response& response,
                                  const RequestContext& context) { import_ledger(database, request, response, context); }};
    route.max_body_bytes = max_import_bytes;
    router.add(std::move(route));
}

}  // namespace madoguchi::server::inventory

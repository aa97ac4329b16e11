#include "audit/audit_routes.hpp"

#include <variant>

#include "audit/audit_csv.hpp"
#include "audit/audit_export.hpp"
#include "audit/audit_query.hpp"
#include "audit/audit_verify.hpp"
#include "calendar/calendar_params.hpp"
#include "calendar/tokyo_time.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "http/request_log.hpp"
#include "identity/request_actor.hpp"

namespace madoguchi::server::audit {
namespace {

using http::Access;
using http::RequestContext;
using madoguchi::identity::Role;

// Longer filter values match nothing anyway; refusing them keeps the queries cheap.
constexpr std::size_t max_filter_length = 200;

void send_failure(const httplib::Request& request, httplib::Response& response, const std::string& what) {
    http::log_request_failure(request, what);
    http::send_error(response, 500, api::make_error("internal"));
}

// from/to: Tokyo days, each optional unless `required`; from not after to.
TokyoDays read_days(const httplib::Request& request, bool required, api::ApiError& error) {
    TokyoDays days;
    for (const auto* name : {"from", "to"}) {
        const auto text = http::query_param(request, name);
        if (!text && !required) continue;
        const auto checked = check_date_param(text);
        if (!checked.date) {
            api::add_field(error, name, checked.problem);
        } else {
            (std::string_view(name) == "from" ? days.from : days.to) = checked.date;
        }
    }
    if (error.fields.empty() && days.from && days.to && *days.from > *days.to) {
        api::add_field(error, "from", "field.inverted_range");
    }
    return days;
}

std::variant<RecordFilter, api::ApiError> parse_filter(const httplib::Request& request) {
    auto error = api::make_error("invalid_parameter");
    RecordFilter filter;
    const auto page = http::parse_page(request);
    if (const auto* problem = std::get_if<api::ApiError>(&page)) error = *problem;
    filter.days = read_days(request, false, error);
    for (const auto& [name, target] : {std::pair{"actor", &filter.actor}, std::pair{"action", &filter.action},
                                        std::pair{"object_type", &filter.object_type},
                                        std::pair{"object_id", &filter.object_id}}) {
        *target = http::query_param(request, name).value_or("");
        if (target->size() > max_filter_length) api::add_field(error, name, "field.too_long_200");
    }
    if (!error.fields.empty()) return error;
    filter.limit = std::get<http::Page>(page).limit;
    filter.offset = std::get<http::Page>(page).offset;
    return filter;
}

nlohmann::json json_or_null(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    auto parsed = nlohmann::json::parse(*text, nullptr, false);
    // Written by record() as JSON; a row that is not (tampered with) is shown as it is.
    return parsed.is_discarded() ? nlohmann::json(*text) : parsed;
}

nlohmann::json roles_of(const std::string& joined) {
    auto roles = nlohmann::json::array();
    std::size_t start = 0;
    while (start < joined.size()) {
        const auto comma = std::min(joined.find(',', start), joined.size());
        roles.push_back(joined.substr(start, comma - start));
        start = comma + 1;
    }
    return roles;
}

nlohmann::json to_json(const StoredRecord& record) {
    const auto instant = calendar::parse_iso8601(record.occurred_at).instant;
    return {{"id", record.id},
            {"occurred_at", record.occurred_at},
            {"occurred_at_tokyo", instant ? calendar::format_iso8601_tokyo(*instant) : std::string()},
            {"actor", record.actor},
            {"actor_roles", roles_of(record.actor_roles)},
            {"source_address", record.source_address},
            {"action", record.action},
            {"object_type", record.object_type},
            {"object_id", record.object_id},
            {"before", json_or_null(record.before_json)},
            {"after", json_or_null(record.after_json)},
            {"prev_hash", record.prev_hash ? nlohmann::json(*record.prev_hash) : nlohmann::json(nullptr)},
            {"hash", record.hash ? nlohmann::json(*record.hash) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const ChainReport& report) {
    nlohmann::json broken = nullptr;
    if (report.first_broken) {
        const auto& link = *report.first_broken;
        broken = {{"id", link.id}, {"occurred_at", link.occurred_at}, {"reason", link.reason}, {"detail", link.detail}};
    }
    return {{"intact", report.intact()},
            {"records", report.records},
            {"last_hash", report.last_hash.empty() ? nlohmann::json(nullptr) : nlohmann::json(report.last_hash)},
            {"first_broken", broken}};
}

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response) {
    const auto filter = parse_filter(request);
    if (const auto* error = std::get_if<api::ApiError>(&filter)) return http::send_error(response, 400, *error);
    auto page = database.use(
        [&](store::Database& connection) { return find_records(connection, std::get<RecordFilter>(filter)); });
    if (!page) return send_failure(request, response, page.error());
    auto records = nlohmann::json::array();
    for (const auto& record : page.value().records) records.push_back(to_json(record));
    http::send_json(response, 200, {{"records", records}, {"total", page.value().total}});
}

void export_csv(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const RequestContext& context) {
    auto error = api::make_error("invalid_parameter");
    const auto days = read_days(request, true, error);
    if (!error.fields.empty()) return http::send_error(response, 400, error);
    auto exported = database.use([&](store::Database& connection) {
        return export_records(connection, *days.from, *days.to, identity::actor_of(context));
    });
    if (!exported) return send_failure(request, response, exported.error());
    response.status = 200;
    response.set_header("Content-Disposition",
                        "attachment; filename=\"" + export_file_name(*days.from, *days.to) + "\"");
    response.set_content(std::move(exported.value().csv), csv_content_type);
}

void verify(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response) {
    // A connection of its own reads a snapshot of the whole table without holding up the
    // server's writers for the seconds a long trail takes.
    const auto path = database.use([](store::Database& connection) { return connection.path(); });
    auto reader = store::Database::open(path);
    if (!reader) return send_failure(request, response, reader.error());
    auto report = verify_chain(reader.value());
    if (!report) return send_failure(request, response, report.error());
    http::send_json(response, 200, to_json(report.value()));
}

}  // namespace

void add_audit_routes(http::Router& router, store::SharedDatabase& database) {
    const auto auditors = Access::roles_of({Role::auditor, Role::admin});
    router.add({"GET", "/api/v1/audit", "listAuditRecords", auditors,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    list(database, request, response);
                }});
    router.add({"GET", "/api/v1/audit/export", "exportAuditRecords", auditors,
                [&database](const httplib::Request& request, httplib::Response& response,
                            const RequestContext& context) { export_csv(database, request, response, context); }});
    router.add({"GET", "/api/v1/audit/verify", "verifyAuditChain", auditors,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    verify(database, request, response);
                }});
}

}  // namespace madoguchi::server::audit

#include "chatbot/chatbot_routes.hpp"

#include <algorithm>
#include <span>

#include "audit/audit_log.hpp"
#include "chatbot/availability.hpp"
#include "chatbot/maintenance_store.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/request_actor.hpp"
#include "store/read_snapshot.hpp"
#include "telemetry/billing_store.hpp"
#include "text/utf8.hpp"
#include "tickets/ticket_kind.hpp"

namespace madoguchi::server::chatbot {
namespace {

using http::Access;
using http::Reply;
using madoguchi::identity::Role;
using validation::FieldProblem;

constexpr std::size_t longest_title = 200;
// A window longer than a month is no maintenance but an outage to report as one.
constexpr std::int64_t longest_window_seconds = 31LL * 86400;

// Months of availability GET /chatbot/availability answers for the periodic report's chart:
// the asked month and the eleven before it.
constexpr int chart_months = 12;

struct MonthSpan {
    std::string month;
    calendar::Instant from;
    calendar::Instant to;
};

madoguchi::telemetry::Month add_months(madoguchi::telemetry::Month month, int months) {
    const int index = month.year * 12 + month.month - 1 + months;
    return {index / 12, index % 12 + 1};
}

MonthSpan span_of(madoguchi::telemetry::Month month) {
    const auto next = add_months(month, 1);
    return MonthSpan{telemetry::format_month(month), calendar::from_tokyo({month.year, month.month, 1}, 0),
                     calendar::from_tokyo({next.year, next.month, 1}, 0)};
}

// The Tokyo month asked for, or empty after the refusal was sent.
std::optional<madoguchi::telemetry::Month> month_asked(const httplib::Request& request, httplib::Response& response) {
    const auto text = http::query_param(request, "month");
    const auto month = text ? telemetry::parse_month(*text) : std::nullopt;
    if (!month) {
        http::send_error(response, 400,
                         api::field_error("invalid_parameter", "month", text ? "field.invalid_month" : "field.required"));
        return std::nullopt;
    }
    return month;
}

nlohmann::json optional_number(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

store::Result<std::vector<MaintenanceWindow>> windows_of(store::Database& database, const MonthSpan& span,
                                                        nlohmann::json* listed) {
    auto stored = windows_between(database, span.from, span.to);
    if (!stored) return store::Error{stored.error()};
    std::vector<MaintenanceWindow> windows;
    for (const auto& window : stored.value()) {
        const auto starts = calendar::parse_iso8601(window.starts_at).instant;
        const auto ends = calendar::parse_iso8601(window.ends_at).instant;
        if (starts && ends) windows.push_back({*starts, *ends});
        if (listed) listed->push_back(to_json(window));
    }
    return windows;
}

// The availability % of each of the `chart_months` months through `last`, oldest first: the
// probes and windows of the twelve months read once, each month computed over its own.
store::Result<nlohmann::json> months_json(store::Database& database, madoguchi::telemetry::Month last, calendar::Instant now) {
    const auto first = span_of(add_months(last, 1 - chart_months));
    const auto whole = MonthSpan{"", first.from, span_of(last).to};
    auto probes = probes_between(database, whole.from, whole.to);
    if (!probes) return store::Error{probes.error()};
    auto windows = windows_of(database, whole, nullptr);
    if (!windows) return store::Error{windows.error()};
    const auto& all = probes.value();
    auto months = nlohmann::json::array();
    for (int index = 0; index < chart_months; ++index) {
        const auto span = span_of(add_months(last, index + 1 - chart_months));
        // The month's probes after the last one before it, which may hold into it.
        auto begin = std::lower_bound(all.begin(), all.end(), span.from,
                                      [](const Probe& probe, calendar::Instant at) { return probe.at < at; });
        if (begin != all.begin()) --begin;
        const auto end = std::lower_bound(begin, all.end(), span.to,
                                          [](const Probe& probe, calendar::Instant at) { return probe.at < at; });
        const auto result = availability(std::span<const Probe>(begin, end),
                                         windows.value(), span.from, span.to, now);
        months.push_back({{"month", span.month}, {"availability_percent", optional_number(result.percent)}});
    }
    return months;
}

store::Result<nlohmann::json> availability_json(store::Database& database, madoguchi::telemetry::Month month) {
    const auto span = span_of(month);
    const auto now = calendar::now();
    auto probes = probes_between(database, span.from, span.to);
    if (!probes) return store::Error{probes.error()};
    auto listed = nlohmann::json::array();
    auto windows = windows_of(database, span, &listed);
    if (!windows) return store::Error{windows.error()};
    auto months = months_json(database, month, now);
    if (!months) return store::Error{months.error()};
    const auto result = availability(probes.value(), windows.value(), span.from, span.to, now);
    auto outages = nlohmann::json::array();
    for (const auto& outage : result.outages) {
        outages.push_back({{"from", calendar::format_iso8601_utc(outage.from)},
                           {"to", calendar::format_iso8601_utc(outage.to)},
                           {"probes", outage.probes}});
    }
    return nlohmann::json{{"month", span.month},
                          {"probes", result.probes},
                          {"up", result.up},
                          {"down", result.down},
                          {"in_maintenance", result.in_maintenance},
                          {"down_in_maintenance", result.down_in_maintenance},
                          {"availability_percent", optional_number(result.percent)},
                          {"period_seconds", result.period_seconds},
                          {"up_seconds", result.up_seconds},
                          {"outage_seconds", result.down_seconds},
                          {"maintenance_seconds", result.maintenance_seconds},
                          {"unknown_seconds", result.unknown_seconds},
                          {"outages", outages},
                          {"average_response_milliseconds", optional_number(result.average_response_milliseconds)},
                          {"slowest_response_milliseconds", result.slowest_response_milliseconds},
                          {"maintenance", listed},
                          {"months", months.value()}};
}

void get_availability(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response) {
    const auto month = month_asked(request, response);
    if (!month) return;
    auto answer = store::read_snapshot(database, [&](store::Database& connection) { return availability_json(connection, *month); });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, 200, answer.value());
}

void list_maintenance(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response) {
    const auto month = month_asked(request, response);
    if (!month) return;
    const auto span = span_of(*month);
    auto windows = store::read_snapshot(database, [&](store::Database& connection) {
        return windows_between(connection, span.from, span.to);
    });
    if (!windows) return http::send_failure(request, response, windows.error());
    auto items = nlohmann::json::array();
    for (const auto& window : windows.value()) items.push_back(to_json(window));
    http::send_json(response, 200, {{"maintenance", items}});
}

// The instant of a field, or a problem for it.
std::optional<calendar::Instant> instant_of(const std::string& text, const char* field, std::vector<FieldProblem>& problems) {
    const auto parsed = calendar::parse_iso8601(text);
    if (!parsed.instant) problems.push_back({field, "field.invalid_datetime"});
    return parsed.instant;
}

void add_maintenance(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                     const http::RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"starts_at", "ends_at", "title", "ticket_id"});
    const auto starts_text = reader.string("starts_at");
    const auto ends_text = reader.string("ends_at");
    const auto title = reader.string("title");
    const auto ticket_id = reader.optional_integer("ticket_id");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    std::vector<FieldProblem> problems;
    const auto starts = instant_of(starts_text, "starts_at", problems);
    const auto ends = instant_of(ends_text, "ends_at", problems);
    if (starts && ends && *ends <= *starts) problems.push_back({"ends_at", "field.inverted_range"});
    else if (starts && ends && ends->unix_seconds - starts->unix_seconds > longest_window_seconds) {
        problems.push_back({"ends_at", "field.range_too_long"});
    }
    if (title.empty()) problems.push_back({"title", "field.required"});
    else if (text::decode_utf8(title).value_or(U"").size() > longest_title) problems.push_back({"title", "field.too_long_200"});
    if (!problems.empty()) return http::send_error(response, 422, api::validation_error(problems));
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        if (ticket_id) {
            auto kind = ticket_kind(connection, *ticket_id);
            if (!kind) return store::Error{kind.error()};
            const auto release = madoguchi::tickets::kind_name(madoguchi::tickets::TicketKind::release);
            if (!kind.value() || *kind.value() != release) {
                return http::refusal(422, api::validation_error(std::vector<FieldProblem>{
                                              {"ticket_id", kind.value() ? "field.not_release_ticket" : "field.unknown_ticket"}}));
            }
        }
        StoredWindow window;
        window.starts_at = calendar::format_iso8601_utc(*starts);
        window.ends_at = calendar::format_iso8601_utc(*ends);
        window.title = title;
        window.ticket_id = ticket_id;
        window.created_by = actor.name;
        window.created_at = calendar::format_iso8601_utc(calendar::now());
        auto id = insert_window(connection, window);
        if (!id) return store::Error{id.error()};
        auto stored = find_window(connection, id.value());
        if (!stored) return store::Error{stored.error()};
        if (!stored.value()) return store::Error{"the maintenance window just written is missing"};
        const auto body = to_json(*stored.value());
        const audit::AuditEntry entry{actor, "chatbot_maintenance.created", "chatbot_maintenance",
                                      std::to_string(id.value()), std::nullopt, body};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{201, body};
    });
}

}  // namespace

void add_chatbot_routes(http::Router& router, store::SharedDatabase& database) {
    const auto readers = Access::roles_of({Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    const auto planners = Access::roles_of({Role::desk_operator, Role::it_office, Role::admin});
    router.add({"GET", "/api/v1/chatbot/availability", "getChatbotAvailability", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const http::RequestContext&) {
                    get_availability(database, request, response);
                }});
    router.add({"GET", "/api/v1/chatbot/maintenance", "listChatbotMaintenance", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const http::RequestContext&) {
                    list_maintenance(database, request, response);
                }});
    router.add({"POST", "/api/v1/chatbot/maintenance", "addChatbotMaintenance", planners,
                [&database](const httplib::Request& request, httplib::Response& response,
                            const http::RequestContext& context) { add_maintenance(database, request, response, context); }});
}

}  // namespace madoguchi::server::chatbot

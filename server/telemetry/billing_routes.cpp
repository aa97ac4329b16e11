#include "telemetry/billing_routes.hpp"

#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "store/read_snapshot.hpp"
#include "telemetry/billing_export.hpp"
#include "telemetry/billing_store.hpp"

namespace madoguchi::server::telemetry {
namespace {

using http::Access;
using madoguchi::identity::Role;

enum class Format { json, csv, xlsx };

// The month asked for, or empty after the refusal was sent: required, YYYY-MM, not after
// this month (its pages are not printed yet).
std::optional<madoguchi::telemetry::Month> month_asked(const httplib::Request& request, httplib::Response& response) {
    const auto text = http::query_param(request, "month");
    std::optional<madoguchi::telemetry::Month> month;
    if (text) month = parse_month(*text);
    const char* reason = !text ? "field.required" : !month ? "field.invalid_month" : nullptr;
    if (month) {
        const auto today = calendar::to_tokyo(calendar::now()).date;
        if (*month > madoguchi::telemetry::Month{today.year, today.month}) reason = "field.date_in_future";
    }
    if (reason != nullptr) {
        http::send_error(response, 400, api::field_error("invalid_parameter", "month", reason));
        return std::nullopt;
    }
    return month;
}

void send_file(httplib::Response& response, std::string body, const char* type, const std::string& month,
               const char* extension) {
    // 課金確認 percent-encoded for browsers that read RFC 6266 filename*.
    const std::string name = "billing-" + month + "." + extension;
    const std::string japanese = "%E8%AA%B2%E9%87%91%E7%A2%BA%E8%AA%8D_" + month + "." + extension;
    response.status = 200;
    response.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"; filename*=UTF-8''" + japanese);
    response.set_content(std::move(body), type);
}

void billing(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
             Format format) {
    const auto month = month_asked(request, response);
    if (!month) return;
    auto report = store::read_snapshot(database, [&](store::Database& connection) {
        return billing_report(connection, *month, calendar::now());
    });
    if (!report) return http::send_failure(request, response, report.error());
    switch (format) {
    case Format::json:
        return http::send_json(response, 200, to_json(report.value()));
    case Format::csv:
        return send_file(response, billing_csv(report.value()), "text/csv; charset=utf-8", format_month(*month), "csv");
    case Format::xlsx: {
        auto bytes = billing_xlsx(report.value());
        if (!bytes) return http::send_failure(request, response, bytes.error());
        return send_file(response, std::move(bytes.value()),
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", format_month(*month), "xlsx");
    }
    }
}

}  // namespace

void add_billing_routes(http::Router& router, store::SharedDatabase& database) {
    const auto readers = Access::roles_of({Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    const auto add = [&](const char* path, const char* operation, Format format) {
        router.add({"GET", path, operation, readers,
                    [&database, format](const httplib::Request& request, httplib::Response& response,
                                        const http::RequestContext&) { billing(database, request, response, format); }});
    };
    add("/api/v1/telemetry/billing", "getTelemetryBilling", Format::json);
    add("/api/v1/telemetry/billing.csv", "exportTelemetryBillingCsv", Format::csv);
    add("/api/v1/telemetry/billing.xlsx", "exportTelemetryBillingXlsx", Format::xlsx);
}

}  // namespace madoguchi::server::telemetry

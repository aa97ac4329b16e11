#include "inventory/export_routes.hpp"

#include <cstdio>
#include <utility>

#include "calendar/tokyo_time.hpp"
#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/principal.hpp"
#include "inventory/device_filters.hpp"
#include "inventory/label_font.hpp"
#include "inventory/label_pdf.hpp"
#include "inventory/label_sheet.hpp"
#include "inventory/ledger_csv.hpp"
#include "inventory/ledger_rows.hpp"
#include "inventory/ledger_xlsx.hpp"
#include "store/read_snapshot.hpp"

namespace madoguchi::server::inventory {
namespace {

namespace domain = madoguchi::inventory;
using domain::LedgerTable;
using http::Access;
using http::RequestContext;
using madoguchi::identity::Role;

// More than the whole fleet: ids beyond this are not a table's rows but a mistake.
constexpr std::int64_t most_export_ids = 50000;
constexpr std::int64_t most_labels = 1000;

// "20261126": today in Tokyo, for file names.
std::string today_digits() {
    const auto day = calendar::to_tokyo(calendar::now()).date;
    char digits[16];
    std::snprintf(digits, sizeof digits, "%04d%02d%02d", day.year, day.month, day.day);
    return digits;
}

std::string percent_encoded(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || c == '-' ||
            c == '.' || c == '_') {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0x0F];
        }
    }
    return out;
}

// An ASCII name for every browser, and the Japanese one (RFC 6266 filename*) for those that read it.
void send_file(httplib::Response& response, std::string body, const char* type, std::string_view ascii_stem,
               std::string_view japanese_stem, std::string_view extension) {
    const auto date = today_digits();
    std::string ascii(ascii_stem);
    ascii.append("-").append(date).append(".").append(extension);
    std::string japanese(japanese_stem);
    japanese.append("_").append(date).append(".").append(extension);
    std::string disposition = "attachment; filename=\"";
    disposition.append(ascii).append("\"; filename*=UTF-8''").append(percent_encoded(japanese));
    response.status = 200;
    response.set_header("Content-Disposition", disposition);
    response.set_content(std::move(body), type);
}

// The devices a request names: the list's filters and sort, or `ids` ("3,7-12"), within what
// the reader may see. Sends the refusal and answers nullopt when the request is not one.
std::optional<DeviceQuery> devices_asked(const httplib::Request& request, httplib::Response& response,
                                         const RequestContext& context, std::int64_t most_ids) {
    DeviceQuery query;
    auto error = api::make_error("invalid_parameter");
    read_device_filters(request, query, error);
    if (!error.fields.empty()) {
        http::send_error(response, 400, error);
        return std::nullopt;
    }
    if (auto ids = http::query_param(request, "ids")) {
        const auto ranges = domain::parse_id_ranges(*ids);
        if (!ranges) {
            api::add_field(error, "ids", "field.invalid_ids");
            http::send_error(response, 422, error);
            return std::nullopt;
        }
        if (domain::count_ids(*ranges) > most_ids) {
            http::send_error(response, 422, api::make_error(most_ids == most_labels ? "too_many_labels" : "too_many_ids"));
            return std::nullopt;
        }
        query.ids = *ranges;
    }
    limit_to(query, reader_scope(*context.principal));
    return query;
}

void export_devices(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const RequestContext& context, bool workbook) {
    const auto query = devices_asked(request, response, context, most_export_ids);
    if (!query) return;
    auto rows = store::read_snapshot(database, [&](store::Database& connection) { return device_ledger(connection, *query); });
    if (!rows) return http::send_failure(request, response, rows.error());
    if (!workbook) {
        return send_file(response, ledger_csv(LedgerTable::devices, rows.value()), ledger_csv_type, "ledger", "機器台帳",
                         "csv");
    }
    auto bytes = ledger_xlsx(LedgerTable::devices, rows.value());
    if (!bytes) return http::send_failure(request, response, bytes.error());
    send_file(response, std::move(bytes.value()), xlsx_type, "ledger", "機器台帳", "xlsx");
}

void export_models(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response) {
    auto rows = store::read_snapshot(database, [](store::Database& connection) { return model_ledger(connection); });
    if (!rows) return http::send_failure(request, response, rows.error());
    send_file(response, ledger_csv(LedgerTable::device_models, rows.value()), ledger_csv_type, "device-models", "機種一覧",
              "csv");
}

void export_locations(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response) {
    auto rows = store::read_snapshot(database, [](store::Database& connection) { return location_ledger(connection); });
    if (!rows) return http::send_failure(request, response, rows.error());
    send_file(response, ledger_csv(LedgerTable::locations, rows.value()), ledger_csv_type, "locations", "設置場所一覧",
              "csv");
}

// The labels a request names, in tag order; sends the refusal and answers nullopt when it is none.
std::optional<std::vector<LabelText>> labels_asked(store::SharedDatabase& database, const httplib::Request& request,
                                                   httplib::Response& response, const RequestContext& context) {
    auto query = devices_asked(request, response, context, most_labels);
    if (!query) return std::nullopt;
    query->limit = static_cast<int>(most_labels);
    auto page = database.use([&](store::Database& connection) { return list_devices(connection, *query); });
    if (!page) {
        http::send_failure(request, response, page.error());
        return std::nullopt;
    }
    const auto& found = page.value();
    if (found.total > most_labels) {
        http::send_error(response, 422, api::make_error("too_many_labels"));
        return std::nullopt;
    }
    // Named devices that are missing, or not this reader's to see, are not printed quietly.
    if (!query->ids.empty() && found.total < domain::count_ids(query->ids)) {
        auto error = api::make_error("not_found");
        api::add_field(error, "ids", "field.unknown_ids");
        http::send_error(response, 404, error);
        return std::nullopt;
    }
    std::vector<LabelText> texts;
    for (const auto& device : found.devices) {
        texts.push_back({device.asset.fields.asset_tag, device.model_name, device.location_name});
    }
    return texts;
}

void labels_svg(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const RequestContext& context) {
    const auto texts = labels_asked(database, request, response, context);
    if (!texts) return;
    auto svg = label_sheet_svg(*texts);
    if (!svg) return http::send_failure(request, response, "a label's QR code cannot be encoded");
    send_file(response, std::move(*svg), svg_type, "labels", "資産ラベル", "svg");
}

void labels_pdf(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const RequestContext& context, const std::filesystem::path& web_dir) {
    const auto texts = labels_asked(database, request, response, context);
    if (!texts) return;
    auto pdf = label_sheet_pdf(*texts, find_label_font(web_dir));
    if (!pdf) return http::send_failure(request, response, "the PDF label sheet cannot be drawn");
    send_file(response, std::move(*pdf), pdf_type, "labels", "資産ラベル", "pdf");
}

}  // namespace

void add_export_routes(http::Router& router, store::SharedDatabase& database, const std::filesystem::path& web_dir) {
    // The same readers as the lists they export.
    const auto readers = Access::roles_of(
        {Role::staff, Role::manager, Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    router.add({"GET", "/api/v1/devices/export.csv", "exportDevicesCsv", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    export_devices(database, request, response, context, false);
                }});
    router.add({"GET", "/api/v1/devices/export.xlsx", "exportDevicesXlsx", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    export_devices(database, request, response, context, true);
                }});
    router.add({"GET", "/api/v1/devices/labels.svg", "printDeviceLabels", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    labels_svg(database, request, response, context);
                }});
    router.add({"GET", "/api/v1/devices/labels.pdf", "printDeviceLabelsPdf", readers,
                [&database, web_dir](const httplib::Request& request, httplib::Response& response,
                                     const RequestContext& context) {
                    labels_pdf(database, request, response, context, web_dir);
                }});
    router.add({"GET", "/api/v1/device-models/export.csv", "exportDeviceModelsCsv", Access::signed_in(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    export_models(database, request, response);
                }});
    router.add({"GET", "/api/v1/locations/export.csv", "exportLocationsCsv", Access::signed_in(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    export_locations(database, request, response);
                }});
}

}  // namespace madoguchi::server::inventory

#include "lending/stock_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/request_actor.hpp"
#include "inventory/device_class.hpp"
#include "inventory/device_history.hpp"
#include "inventory/device_store.hpp"
#include "lending/location_name.hpp"
#include "lending/stock_projection.hpp"
#include "lending/stock_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using http::Reply;

constexpr int default_weeks = 8;

bool lendable(const std::string& class_code) {
    const auto* device_class = madoguchi::inventory::find_device_class(class_code);
    return device_class != nullptr && device_class->placement == madoguchi::inventory::Placement::loanable;
}

nlohmann::json thresholds_json(const std::vector<StoredThreshold>& thresholds) {
    auto items = nlohmann::json::array();
    for (const auto& stored : thresholds) items.push_back(to_json(stored));
    return items;
}

// The body's thresholds; problems are added to the reader.
std::vector<domain::Threshold> read_thresholds(const nlohmann::json& body, http::BodyReader& reader) {
    std::vector<domain::Threshold> thresholds;
    const auto found = body.find("thresholds");
    if (found == body.end() || found->is_null()) {
        reader.add_problem("thresholds", "field.required");
        return thresholds;
    }
    if (!found->is_array()) {
        reader.add_problem("thresholds", "field.not_array");
        return thresholds;
    }
    for (std::size_t index = 0; index < found->size(); ++index) {
        const auto prefix = "thresholds[" + std::to_string(index) + "]";
        http::BodyReader item((*found)[index], {"class", "location_id", "minimum"});
        domain::Threshold threshold;
        threshold.class_code = item.string("class");
        threshold.location_id = item.optional_integer("location_id");
        const auto minimum = item.integer("minimum");
        threshold.minimum = minimum > domain::threshold_max || minimum < 0 ? -1 : static_cast<int>(minimum);
        for (const auto& [field, reason] : item.problems()) {
            reader.add_problem(field.empty() ? prefix : prefix + "." + field, reason);
        }
        thresholds.push_back(std::move(threshold));
    }
    return thresholds;
}

}  // namespace

void get_stock(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
               const http::RequestContext&) {
    auto error = api::make_error("invalid_parameter");
    int weeks = default_weeks;
    if (auto text = http::query_param(request, "weeks"); text && !text->empty()) {
        const auto parsed = http::parse_integer(*text);
        if (!parsed || *parsed < 1 || *parsed > domain::projection_weeks_max) {
            api::add_field(error, "weeks", "field.out_of_range_1_26");
        } else {
            weeks = static_cast<int>(*parsed);
        }
    }
    std::optional<std::string> class_code;
    if (auto text = http::query_param(request, "class"); text && !text->empty()) {
        class_code = *text;
        if (!lendable(*text)) api::add_field(error, "class", "field.not_lendable_class");
    }
    if (!error.fields.empty()) return http::send_error(response, 400, error);
    const auto today = calendar::to_tokyo(calendar::now()).date;
    auto report = database.use([&](store::Database& connection) { return stock_report(connection, class_code, weeks, today); });
    if (!report) return http::send_failure(request, response, report.error());
    http::send_json(response, 200, report.value());
}

void get_thresholds(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const http::RequestContext&) {
    auto thresholds = database.use([](store::Database& connection) { return load_thresholds(connection); });
    if (!thresholds) return http::send_failure(request, response, thresholds.error());
    http::send_json(response, 200, {{"thresholds", thresholds_json(thresholds.value())}});
}

void replace_thresholds(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"thresholds"});
    const auto thresholds = read_thresholds(*object, reader);
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    if (const auto problems = domain::validate(thresholds, lendable); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        for (std::size_t index = 0; index < thresholds.size(); ++index) {
            if (!thresholds[index].location_id) continue;
            auto name = location_name(connection, *thresholds[index].location_id);
            if (!name) return store::Error{name.error()};
            if (!name.value()) {
                const std::vector<validation::FieldProblem> problems{
                    {"thresholds[" + std::to_string(index) + "].location_id", "field.unknown_location"}};
                return http::refusal(422, api::validation_error(problems));
            }
        }
        auto before = load_thresholds(connection);
        if (!before) return store::Error{before.error()};
        if (auto saved = save_thresholds(connection, thresholds, actor.name, calendar::now()); !saved) {
            return store::Error{saved.error()};
        }
        auto after = load_thresholds(connection);
        if (!after) return store::Error{after.error()};
        const audit::AuditEntry entry{actor, "stock_thresholds.replaced", "stock_thresholds", "all",
                                      thresholds_json(before.value()), thresholds_json(after.value())};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{200, {{"thresholds", thresholds_json(after.value())}}};
    });
}

void set_repair_return_route(store::SharedDatabase& database, const httplib::Request& request,
                             httplib::Response& response, const http::RequestContext& context) {
    const auto tag = context.params.at("tag");
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"expected_on"});
    const auto text = reader.string("expected_on");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    const auto now = calendar::now();
    const auto expected_on = calendar::parse_date(text);
    std::vector<validation::FieldProblem> problems;
    if (!expected_on) {
        problems.push_back({"expected_on", "field.invalid_date"});
    } else if (*expected_on < calendar::to_tokyo(now).date) {
        problems.push_back({"expected_on", "field.date_in_past"});
    }
    if (!problems.empty()) return http::send_error(response, 422, api::validation_error(problems));
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto id = inventory::device_id_of_tag(connection, tag);
        if (!id) return store::Error{id.error()};
        if (!id.value()) return http::refusal(404, api::field_error("unknown_tag", "tag", "field.unknown_tag"));
        auto device = inventory::find_device(connection, *id.value());
        if (!device) return store::Error{device.error()};
        const auto state = device.value()->asset.state;
        if (state != madoguchi::inventory::AssetState::in_repair) {
            auto body = api::to_json(api::field_error("wrong_device_state", "tag", "field.not_in_repair"));
            body["tag"] = tag;
            body["device_state"] = madoguchi::inventory::state_name(state);
            return Reply{409, body};
        }
        if (auto set = set_repair_return(connection, *id.value(), *expected_on, actor.name, now); !set) {
            return store::Error{set.error()};
        }
        const nlohmann::json after{{"asset_tag", tag}, {"expected_on", calendar::format_date(*expected_on)}};
        const audit::AuditEntry entry{actor, "device.repair_return_expected", "device", std::to_string(*id.value()),
                                      std::nullopt, after};
        if (auto recorded = inventory::record_device_change(connection, *id.value(), entry); !recorded) {
            return store::Error{recorded.error()};
        }
        return Reply{200, {{"repair_return", after}}};
    });
}

}  // namespace madoguchi::server::lending

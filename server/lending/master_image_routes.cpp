#include "lending/master_image_routes.hpp"

#include <algorithm>

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/request_actor.hpp"
#include "inventory/device_class.hpp"
#include "lending/kitting_checklist.hpp"
#include "lending/master_image_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;

bool kitted_from_master(const std::string& class_code) {
    const auto* device_class = madoguchi::inventory::find_device_class(class_code);
    if (!device_class) return false;
    const auto checklist = domain::kitting_checklist(*device_class, {});
    return std::any_of(checklist.begin(), checklist.end(),
                       [](const domain::KittingItemSpec& item) { return item.step == domain::KittingStep::master_image; });
}

}  // namespace

void list_masters(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                  const http::RequestContext&) {
    auto class_code = http::query_param(request, "class");
    if (class_code && class_code->empty()) class_code.reset();
    auto rows = database.use([&](store::Database& connection) { return list_master_images(connection, class_code); });
    if (!rows) return http::send_failure(request, response, rows.error());
    auto items = nlohmann::json::array();
    for (const auto& row : rows.value()) items.push_back(to_json(row));
    http::send_json(response, 200, {{"master_images", items}});
}

void publish_master(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const http::RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"class", "released", "notes"});
    domain::MasterImage image;
    image.class_code = reader.string("class");
    const auto released = reader.string("released");
    image.notes = reader.optional_string("notes").value_or("");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    std::vector<validation::FieldProblem> problems;
    if (!kitted_from_master(image.class_code)) problems.push_back({"class", "field.not_master_class"});
    const auto date = calendar::parse_date(released);
    if (!date) problems.push_back({"released", "field.invalid_date"});
    if (!problems.empty()) return http::send_error(response, 422, api::validation_error(problems));
    image.released = *date;
    image.current = true;
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<http::Reply> {
        auto rows = list_master_images(connection, image.class_code);
        if (!rows) return store::Error{rows.error()};
        const auto images = images_of(rows.value());
        image.version = domain::next_master_version(images, image.class_code);
        if (const auto found = domain::check_new_master_image(image, images); !found.empty()) {
            return http::refusal(422, api::validation_error(found));
        }
        const auto now = calendar::now();
        if (auto stored = insert_current_master(connection, image, actor.name, now); !stored) {
            return store::Error{stored.error()};
        }
        const MasterImageRow row{image, actor.name, calendar::format_iso8601_utc(now)};
        const audit::AuditEntry entry{actor, "master_image.published", "master_image",
                                      image.class_code + "/" + std::to_string(image.version), std::nullopt, to_json(row)};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return http::Reply{201, {{"master_image", to_json(row)}}};
    });
}

}  // namespace madoguchi::server::lending

#include "placement/placement_request.hpp"

#include "inventory/device_class.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::placement {
namespace {

using validation::FieldProblem;

void add(std::vector<FieldProblem>& problems, std::string_view field, std::string problem) {
    if (!problem.empty()) problems.push_back({std::string(field), std::move(problem)});
}

nlohmann::json id_json(std::int64_t id) { return id == 0 ? nlohmann::json(nullptr) : nlohmann::json(id); }

}  // namespace

bool is_placement_class(std::string_view class_code) {
    const auto* device_class = inventory::find_device_class(class_code);
    return device_class != nullptr && device_class->placement == inventory::Placement::installed;
}

bool has_target(RequestKind kind) { return kind != RequestKind::remove; }

std::vector<FieldProblem> validate(const RequestFields& fields, const calendar::Date& today) {
    std::vector<FieldProblem> problems;
    if (fields.kind == RequestKind::install) {
        if (fields.class_code.empty()) {
            add(problems, "class", "field.required");
        } else if (!is_placement_class(fields.class_code)) {
            add(problems, "class", "field.not_installed_class");
        }
        if (fields.model_id <= 0) add(problems, "model_id", "field.required");
    } else if (fields.device_id <= 0) {
        add(problems, "device_id", "field.required");
    }
    if (has_target(fields.kind)) {
        if (fields.location_id <= 0) add(problems, "location_id", "field.required");
        if (fields.division_code.empty()) add(problems, "division_code", "field.required");
    }
    if (!fields.desired_date) {
        add(problems, "desired_date", "field.required");
    } else if (*fields.desired_date < today) {
        add(problems, "desired_date", "field.date_in_past");
    }
    add(problems, "reason", validation::text_problem(fields.reason, 500, true, true));
    return problems;
}

nlohmann::json to_json(const RequestFields& fields) {
    return {
        {"kind", kind_name(fields.kind)},
        {"class", fields.class_code},
        {"model_id", id_json(fields.model_id)},
        {"device_id", id_json(fields.device_id)},
        {"location_id", id_json(fields.location_id)},
        {"division_code", fields.division_code},
        {"desired_date", fields.desired_date ? nlohmann::json(calendar::format_date(*fields.desired_date))
                                             : nlohmann::json(nullptr)},
        {"reason", fields.reason},
    };
}

nlohmann::json to_json(const PlacementRequest& request) {
    auto document = to_json(request.fields);
    auto checklist = nlohmann::json::array();
    for (const auto& item : request.checklist) checklist.push_back(to_json(item));
    document.update({
        {"id", request.id},
        {"number", request.number},
        {"state", state_name(request.state)},
        {"version", request.version},
        {"requester_login", request.requester_login},
        {"requester_name", request.requester_name},
        {"requester_division", request.requester_division},
        {"vendor_company", request.vendor_company},
        {"state_reason", request.state_reason},
        {"checklist", checklist},
        {"device_tag", request.device_tag},
        {"device_location_name", request.device_location_name},
        {"model_name", request.model_name},
        {"location_name", request.location_name},
        {"division_name", request.division_name},
        {"created_at", request.created_at},
        {"updated_at", request.updated_at},
    });
    return document;
}

std::optional<PlacementRequest> request_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    const auto text = [&](const char* name) {
        const auto found = json.find(name);
        return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    const auto integer = [&](const char* name) {
        const auto found = json.find(name);
        return found != json.end() && found->is_number_integer() ? found->get<std::int64_t>() : std::int64_t{0};
    };
    const auto kind = parse_kind(text("kind"));
    const auto state = parse_request_state(text("state"));
    if (!kind || !state || integer("id") <= 0) return std::nullopt;
    PlacementRequest request;
    request.id = integer("id");
    request.number = text("number");
    auto& f = request.fields;
    f.kind = *kind;
    f.class_code = text("class");
    f.model_id = integer("model_id");
    f.device_id = integer("device_id");
    f.location_id = integer("location_id");
    f.division_code = text("division_code");
    f.desired_date = calendar::parse_date(text("desired_date"));
    f.reason = text("reason");
    request.state = *state;
    request.version = integer("version");
    request.requester_login = text("requester_login");
    request.requester_name = text("requester_name");
    request.requester_division = text("requester_division");
    request.vendor_company = text("vendor_company");
    request.state_reason = text("state_reason");
    if (const auto found = json.find("checklist"); found != json.end() && found->is_array()) {
        for (const auto& item : *found) {
            if (auto parsed = checklist_item_from_json(item)) request.checklist.push_back(std::move(*parsed));
        }
    }
    request.device_tag = text("device_tag");
    request.device_location_name = text("device_location_name");
    request.model_name = text("model_name");
    request.location_name = text("location_name");
    request.division_name = text("division_name");
    request.created_at = text("created_at");
    request.updated_at = text("updated_at");
    return request;
}

}  // namespace madoguchi::placement

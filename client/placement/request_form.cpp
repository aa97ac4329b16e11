#include "placement/request_form.hpp"

#include "inventory/asset.hpp"

namespace madoguchi::client {
namespace {

template <typename Item>
const Item* at(const std::vector<Item>& items, int index) {
    return index >= 0 && index < static_cast<int>(items.size()) ? &items[static_cast<std::size_t>(index)] : nullptr;
}

}  // namespace

void RequestForm::start(ApiClient& api, const CurrentUser& user, const calendar::Date& today, i18n::Language language) {
    kind = 1;
    device = device_class = model = location = division = -1;
    reason.clear();
    errors_.clear();
    desired.set(calendar::add_days(today, 7));
    own_division_ = user.division_code;
    division_fixed_ = !user.has_any({Role::desk_operator, Role::admin});
    devices_.clear();
    devices_loading_ = true;
    api.get("/api/v1/devices?state=installed&limit=1000", [this](const ApiResult& result) {
        devices_loading_ = false;
        if (result.ok()) accept_devices(result.body);
    });
    catalogs.load(api, language);
}

void RequestForm::default_division(const Divisions& divisions) {
    if (division < 0 && divisions.state() == Divisions::State::loaded) division = divisions.index_of(own_division_);
}

bool RequestForm::accept_devices(const std::string& body) {
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object() || !json.contains("devices") || !json["devices"].is_array()) return false;
    devices_.clear();
    for (const auto& item : json["devices"]) {
        const auto asset = inventory::asset_from_json(item);
        if (!asset || !placement::is_placement_class(asset->fields.class_code)) continue;
        const auto name = item.find("location_name");
        devices_.push_back({asset->id, asset->fields.asset_tag, asset->fields.class_code, asset->fields.location_id,
                            name != item.end() && name->is_string() ? name->get<std::string>() : std::string(),
                            asset->fields.division_code});
    }
    return true;
}

placement::RequestKind RequestForm::chosen_kind() const {
    const auto kinds = placement::request_kinds();
    return kind >= 0 && kind < static_cast<int>(kinds.size()) ? kinds[static_cast<std::size_t>(kind)]
                                                               : placement::RequestKind::move;
}

std::vector<ClassEntry> RequestForm::classes() const {
    std::vector<ClassEntry> installed;
    for (const auto& entry : catalogs.classes()) {
        if (placement::is_placement_class(entry.code)) installed.push_back(entry);
    }
    return installed;
}

std::vector<ModelEntry> RequestForm::models() const {
    const auto all = classes();
    const auto* chosen = at(all, device_class);
    std::vector<ModelEntry> of_class;
    if (chosen == nullptr) return of_class;
    for (const auto& entry : catalogs.models()) {
        if (entry.class_code == chosen->code) of_class.push_back(entry);
    }
    return of_class;
}

placement::RequestFields RequestForm::fields(const Divisions& divisions) const {
    placement::RequestFields f;
    f.kind = chosen_kind();
    if (f.kind == placement::RequestKind::install) {
        const auto installed = classes();
        const auto of_class = models();
        if (const auto* chosen = at(installed, device_class)) f.class_code = chosen->code;
        if (const auto* chosen = at(of_class, model)) f.model_id = chosen->id;
    } else if (const auto* chosen = at(devices_, device)) {
        f.device_id = chosen->id;
        f.class_code = chosen->class_code;
    }
    if (placement::has_target(f.kind)) {
        if (const auto* chosen = at(catalogs.locations(), location)) f.location_id = chosen->id;
        if (division_fixed_) {
            f.division_code = own_division_;
        } else if (const auto* chosen = at(divisions.tree(), division)) {
            f.division_code = chosen->code;
        }
    }
    f.desired_date = desired.value();
    f.reason = reason;
    return f;
}

bool RequestForm::submit(ApiClient& api, const Divisions& divisions, const calendar::Date& today) {
    if (busy_) return false;
    errors_.clear();
    const auto f = fields(divisions);
    for (const auto& problem : placement::validate(f, today)) errors_.add_local(problem.field, problem.reason_key);
    if (!errors_.empty()) return false;
    auto body = placement::to_json(f);
    // The server reads the class and a removal's place from the device itself.
    if (f.kind != placement::RequestKind::install) body.erase("class");
    busy_ = true;
    api.send({"POST", "/api/v1/placement-requests", body.dump(), {}}, [this](const ApiResult& result) { accept(result); });
    return true;
}

void RequestForm::accept(const ApiResult& result) {
    busy_ = false;
    if (!result.ok()) {
        errors_.add_result(result);
        return;
    }
    const auto json = nlohmann::json::parse(result.body, nullptr, false);
    if (json.is_object() && json.contains("request")) {
        if (auto request = placement::request_from_json(json["request"])) created_ = request->id;
    }
}

}  // namespace madoguchi::client

#include "telemetry/firmware_compliance.hpp"

#include <algorithm>
#include <map>

#include "api/form_errors.hpp"
#include "telemetry/telemetry_records.hpp"

namespace madoguchi::client {
namespace {

using telemetry::FirmwareStanding;

int count_of(const nlohmann::json& counts, const char* key) { return static_cast<int>(integer_member(counts, key)); }

std::optional<ReleasePlanLink> plan_from_json(const nlohmann::json& plan) {
    if (!plan.is_object() || integer_member(plan, "ticket_id") <= 0) return std::nullopt;
    return ReleasePlanLink{integer_member(plan, "ticket_id"), text_member(plan, "number"), text_member(plan, "state"),
                           text_member(plan, "target_version"), static_cast<int>(integer_member(plan, "devices_behind"))};
}

std::optional<FirmwareStanding> standing_named(const std::string& name) {
    for (const auto standing : {FirmwareStanding::behind, FirmwareStanding::current, FirmwareStanding::ahead, FirmwareStanding::unknown}) {
        if (telemetry::firmware_standing_name(standing) == name) return standing;
    }
    return std::nullopt;
}

}  // namespace

std::vector<RunningVersion> ModelFirmware::running_versions() const {
    std::map<std::string, RunningVersion> by_version;
    for (const auto& device : devices) {
        auto& entry = by_version[device.running];
        entry.version = device.running;
        entry.standing = device.standing;
        ++entry.devices;
    }
    std::vector<RunningVersion> versions;
    for (auto& [text, entry] : by_version) versions.push_back(entry);
    std::sort(versions.begin(), versions.end(), [](const RunningVersion& a, const RunningVersion& b) {
        const auto left = telemetry::parse_firmware_version(a.version);
        const auto right = telemetry::parse_firmware_version(b.version);
        if (!left || !right) return left.has_value() && !right.has_value();
        return telemetry::compare_versions(*left, *right) == std::strong_ordering::greater;
    });
    return versions;
}

std::vector<const FirmwareDevice*> ModelFirmware::devices_behind() const {
    std::vector<const FirmwareDevice*> behind_ones;
    for (const auto& device : devices) {
        if (device.standing == FirmwareStanding::behind) behind_ones.push_back(&device);
    }
    return behind_ones;
}

std::optional<ModelFirmware> model_firmware_from_json(const nlohmann::json& item) {
    if (!item.is_object() || integer_member(item, "model_id") <= 0) return std::nullopt;
    ModelFirmware model;
    model.model_id = integer_member(item, "model_id");
    model.model = text_member(item, "model");
    if (const auto target = item.find("target"); target != item.end() && target->is_string()) model.target = target->get<std::string>();
    model.target_updated_by = text_member(item, "target_updated_by");
    model.target_updated_at = text_member(item, "target_updated_at");
    const auto counts = item.value("counts", nlohmann::json::object());
    model.behind = count_of(counts, "behind");
    model.current = count_of(counts, "current");
    model.ahead = count_of(counts, "ahead");
    model.unknown = count_of(counts, "unknown");
    model.open_plan = plan_from_json(item.value("open_release_plan", nlohmann::json()));
    if (const auto devices = item.find("devices"); devices != item.end() && devices->is_array()) {
        for (const auto& device : *devices) {
            if (!device.is_object() || integer_member(device, "device_id") <= 0) continue;
            model.devices.push_back({integer_member(device, "device_id"), text_member(device, "asset_tag"),
                                     text_member(device, "running"),
                                     standing_named(text_member(device, "standing")).value_or(FirmwareStanding::unknown)});
        }
    }
    return model;
}

std::optional<std::vector<ModelFirmware>> firmware_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("models") || !document["models"].is_array()) return std::nullopt;
    std::vector<ModelFirmware> models;
    for (const auto& item : document["models"]) {
        if (auto model = model_firmware_from_json(item)) models.push_back(std::move(*model));
    }
    return models;
}

void FirmwareCompliance::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/telemetry/firmware", [this, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;
        auto models = result.ok() ? firmware_from_body(result.body) : std::nullopt;
        if (!models) {
            error_ = result.ok() ? api::make_error("internal") : result.error;
            state_ = State::failed;
            return;
        }
        models_ = std::move(*models);
        error_ = {};
        state_ = State::loaded;
    });
}

void FirmwareCompliance::clear() {
    ++generation_;
    state_ = State::idle;
    models_.clear();
    opened_.reset();
    target_input_.clear();
    busy_ = false;
    local_problem_.clear();
    action_error_ = {};
    done_.clear();
}

void FirmwareCompliance::open(std::int64_t model_id) {
    if (opened_ == model_id) return;
    opened_ = model_id;
    local_problem_.clear();
    action_error_ = {};
    const auto* model = opened();
    target_input_ = model != nullptr && model->target ? *model->target : std::string();
}

const ModelFirmware* FirmwareCompliance::opened() const {
    if (!opened_) return nullptr;
    const auto found = std::find_if(models_.begin(), models_.end(), [&](const ModelFirmware& model) { return model.model_id == *opened_; });
    return found == models_.end() ? nullptr : &*found;
}

bool FirmwareCompliance::set_target(ApiClient& api) {
    const auto* model = opened();
    if (model == nullptr || busy_) return false;
    local_problem_.clear();
    action_error_ = {};
    if (!telemetry::parse_firmware_version(target_input_)) {
        local_problem_ = "field.invalid_firmware_version";
        return false;
    }
    busy_ = true;
    const nlohmann::json body{{"version", target_input_}};
    api.send({"PUT", "/api/v1/telemetry/firmware/targets/" + std::to_string(model->model_id), body.dump(), {}},
             [this, generation = generation_](const ApiResult& result) {
                 if (generation != generation_) return;
                 busy_ = false;
                 if (!result.ok()) return settle(result);
                 const auto document = nlohmann::json::parse(result.body, nullptr, false);
                 if (auto model = model_firmware_from_json(document)) replace(*model);
                 done_ = "target";
             });
    return true;
}

bool FirmwareCompliance::open_release_plan(ApiClient& api) {
    const auto* model = opened();
    if (model == nullptr || busy_) return false;
    local_problem_.clear();
    action_error_ = {};
    busy_ = true;
    const auto model_id = model->model_id;
    api.send({"POST", "/api/v1/telemetry/firmware/targets/" + std::to_string(model_id) + "/release-plan", "{}", {}},
             [this, model_id, generation = generation_](const ApiResult& result) {
                 if (generation != generation_) return;
                 busy_ = false;
                 if (!result.ok()) return settle(result);
                 const auto document = nlohmann::json::parse(result.body, nullptr, false);
                 const auto plan = document.is_object() ? plan_from_json(document.value("release_plan", nlohmann::json())) : std::nullopt;
                 const auto found = std::find_if(models_.begin(), models_.end(),
                                                 [&](const ModelFirmware& row) { return row.model_id == model_id; });
                 if (plan && found != models_.end()) found->open_plan = plan;
                 const auto created = document.is_object() && document.contains("created") && document["created"].is_boolean() &&
                                      document["created"].get<bool>();
                 done_ = created ? "plan_created" : "plan_open";
             });
    return true;
}

void FirmwareCompliance::settle(const ApiResult& result) { action_error_ = result.error; }

void FirmwareCompliance::replace(const ModelFirmware& model) {
    const auto found = std::find_if(models_.begin(), models_.end(), [&](const ModelFirmware& row) { return row.model_id == model.model_id; });
    if (found != models_.end()) *found = model;
}

std::string FirmwareCompliance::action_error(i18n::Language language) const {
    if (!local_problem_.empty()) return i18n::text(local_problem_, language);
    return action_error_.code.empty() ? std::string() : error_text(action_error_, language);
}

}  // namespace madoguchi::client

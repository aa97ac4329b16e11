#include "inventory/inventory_catalogs.hpp"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "api/form_errors.hpp"
#include "inventory/device_class.hpp"

namespace madoguchi::client {
namespace {

std::string string_of(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::int64_t id_of(const nlohmann::json& object) {
    const auto found = object.find("id");
    return found != object.end() && found->is_number_integer() ? found->get<std::int64_t>() : 0;
}

// The array under `key` of an object document; null when the body is not one.
nlohmann::json list_of(const std::string& body, const char* key) {
    auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains(key) || !document[key].is_array()) return nullptr;
    return std::move(document[key]);
}

}  // namespace

void InventoryCatalogs::load(ApiClient& api, i18n::Language language) {
    ++generation_;
    state_ = State::loading;
    error_.clear();
    waiting_ = 3;
    const auto request = [&](const char* path, std::function<bool(const std::string&)> accept) {
        api.get(path, [this, language, accept = std::move(accept), generation = generation_](const ApiResult& result) {
            if (generation != generation_) return;
            if (!result.ok()) {
                if (error_.empty()) error_ = client::error_text(result.error, language);
            } else if (!accept(result.body) && error_.empty()) {
                error_ = i18n::text("inventory.load_failed", language);
            }
            settle();
        });
    };
    request("/api/v1/device-classes", [this](const std::string& body) { return accept_classes(body); });
    request("/api/v1/device-models", [this](const std::string& body) { return accept_models(body); });
    request("/api/v1/locations", [this](const std::string& body) { return accept_locations(body); });
}

void InventoryCatalogs::settle() {
    if (--waiting_ > 0) return;
    state_ = error_.empty() ? State::loaded : State::failed;
}

bool InventoryCatalogs::accept_classes(const std::string& body) {
    const auto list = list_of(body, "classes");
    if (!list.is_array()) return false;
    classes_.clear();
    for (const auto& item : list) {
        if (!item.is_object() || string_of(item, "code").empty()) continue;
        classes_.push_back({string_of(item, "code"), string_of(item, "name_ja"), string_of(item, "name_en")});
    }
    return true;
}

bool InventoryCatalogs::accept_models(const std::string& body) {
    const auto list = list_of(body, "models");
    if (!list.is_array()) return false;
    models_.clear();
    for (const auto& item : list) {
        if (!item.is_object() || id_of(item) <= 0) continue;
        models_.push_back({id_of(item), string_of(item, "maker"), string_of(item, "name"), string_of(item, "class")});
    }
    return true;
}

bool InventoryCatalogs::accept_locations(const std::string& body) {
    const auto list = list_of(body, "locations");
    if (!list.is_array()) return false;
    locations_.clear();
    for (const auto& item : list) {
        if (!item.is_object() || id_of(item) <= 0) continue;
        locations_.push_back({id_of(item), string_of(item, "name")});
    }
    return true;
}

std::string InventoryCatalogs::class_label(const std::string& code, i18n::Language language) const {
    if (const auto* known = inventory::find_device_class(code)) return i18n::text(known->name_key, language);
    const auto found = std::find_if(classes_.begin(), classes_.end(), [&](const ClassEntry& entry) { return entry.code == code; });
    if (found == classes_.end()) return code;
    const auto& name = language == i18n::Language::en && !found->name_en.empty() ? found->name_en : found->name_ja;
    return name.empty() ? code : name;
}

std::string InventoryCatalogs::model_label(std::int64_t id) const {
    const auto found = std::find_if(models_.begin(), models_.end(), [&](const ModelEntry& entry) { return entry.id == id; });
    if (found == models_.end()) return {};
    if (found->maker.empty()) return found->name;
    std::string label = found->maker;
    label += ' ';
    label += found->name;
    return label;
}

std::string InventoryCatalogs::location_label(std::int64_t id) const {
    const auto found = std::find_if(locations_.begin(), locations_.end(), [&](const LocationEntry& entry) { return entry.id == id; });
    return found == locations_.end() ? std::string() : found->name;
}

}  // namespace madoguchi::client

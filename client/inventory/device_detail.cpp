#include "inventory/device_detail.hpp"

#include <initializer_list>

#include "api/form_errors.hpp"

namespace madoguchi::client {

bool may_edit_ledger(std::span<const identity::Role> roles) {
    const std::initializer_list<identity::Role> writers{identity::Role::desk_operator, identity::Role::admin};
    return identity::has_any_role(roles, std::span<const identity::Role>(writers.begin(), writers.size()));
}

void DeviceDetail::open(ApiClient& api, std::int64_t id, i18n::Language language) {
    if (id != id_) {
        device_.reset();
        next_states_.clear();
    }
    id_ = id;
    ++generation_;
    state_ = State::loading;
    error_.clear();
    api.get(device_path(id), [this, language, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;
        if (!result.ok()) {
            state_ = State::failed;
            error_ = client::error_text(result.error, language);
            return;
        }
        if (!accept(result.body)) {
            state_ = State::failed;
            error_ = i18n::text("inventory.load_failed", language);
        }
    });
}

void DeviceDetail::refresh(ApiClient& api, i18n::Language language) {
    if (id_ != 0) open(api, id_, language);
}

void DeviceDetail::close() {
    ++generation_;
    state_ = State::idle;
    id_ = 0;
    device_.reset();
    next_states_.clear();
    error_.clear();
}

bool DeviceDetail::accept(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object()) return false;
    auto device = device_row_from_json(document.value("device", nlohmann::json()));
    if (!device) return false;
    next_states_.clear();
    if (const auto next = document.find("next_states"); next != document.end() && next->is_array()) {
        for (const auto& name : *next) {
            if (!name.is_string()) continue;
            if (const auto state = inventory::parse_state(name.get<std::string>())) next_states_.push_back(*state);
        }
    }
    id_ = device->asset.id;
    device_ = std::move(*device);
    state_ = State::loaded;
    return true;
}

void DeviceDetail::replace(const DeviceRow& device) {
    if (device.asset.id != id_) return;
    device_ = device;
}

std::vector<inventory::AssetState> DeviceDetail::actions(std::span<const identity::Role> roles) const {
    if (!may_edit_ledger(roles) || !device_) return {};
    return next_states_;
}

}  // namespace madoguchi::client

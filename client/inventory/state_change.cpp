#include "inventory/state_change.hpp"

#include <algorithm>

#include "inventory/device_editor.hpp"

namespace madoguchi::client {
namespace {

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// A 422 about the reason alone belongs beside the reason field; anything else is a refusal.
bool only_reason(const api::ApiError& error) {
    return !error.fields.empty() &&
           std::all_of(error.fields.begin(), error.fields.end(), [](const auto& field) { return field.first == "reason"; });
}

}  // namespace

void StateChange::begin(const DeviceRow& device, inventory::AssetState to) {
    device_ = device;
    target_ = to;
    reason.clear();
    errors_.clear();
    refusal_.reset();
    open_ = true;
}

bool StateChange::submit(ApiClient& api) {
    if (!open_ || !device_ || busy_) return false;
    errors_.clear();
    refusal_.reset();
    if (blank(reason)) {
        errors_.add_local("reason", "field.reason_required");
        return false;
    }
    const nlohmann::json body{{"to", inventory::state_name(target_)}, {"reason", reason}, {"version", device_->asset.version}};
    busy_ = true;
    api.send({"POST", device_path(device_->asset.id, "/transitions"), body.dump(), {}},
             [this](const ApiResult& result) { accept(result); });
    return true;
}

void StateChange::accept(const ApiResult& result) {
    busy_ = false;
    if (result.ok()) {
        if (auto device = answered_device(result.body)) updated_ = std::move(*device);
        open_ = false;
        done_ = true;
        return;
    }
    if (result.status == 409 && result.error.code == "stale_version") {
        if (auto current = answered_device(result.body)) {
            updated_ = std::move(*current);
            stale_ = true;
            open_ = false;
            return;
        }
    }
    if (result.status == 422 && only_reason(result.error)) {
        errors_.add_result(result);
        return;
    }
    refusal_ = result.error;
}

std::string StateChange::refusal(i18n::Language language) const {
    return refusal_ ? error_text(*refusal_, language) : std::string();
}

}  // namespace madoguchi::client

#include "inventory/device_editor.hpp"

namespace madoguchi::client {

std::optional<DeviceRow> answered_device(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object()) return std::nullopt;
    return device_row_from_json(document.value("device", nlohmann::json()));
}

void DeviceEditor::open(const DeviceRow& device) {
    if (!device_ || device_->asset.id != device.asset.id) stale_ = false;
    device_ = device;
    values_ = form_values(device.asset.fields);
    dates_.show(values_);
    errors_.clear();
}

bool DeviceEditor::changed() const { return device_ && !device_changes(device_->asset.fields, values_).empty(); }

bool DeviceEditor::save(ApiClient& api) {
    if (!device_ || busy_) return false;
    errors_.clear();
    stale_ = false;
    for (const auto& problem : check_form(values_)) errors_.add_local(problem.field, problem.reason_key);
    if (!errors_.empty()) return false;
    auto body = device_changes(device_->asset.fields, values_);
    if (body.empty()) return false;
    body["version"] = device_->asset.version;
    busy_ = true;
    const auto id = device_->asset.id;
    api.send({"PATCH", device_path(id), body.dump(), {}}, [this, id](const ApiResult& result) {
        if (!device_ || device_->asset.id != id) {  // another device was opened meanwhile
            busy_ = false;
            return;
        }
        accept(result);
    });
    return true;
}

void DeviceEditor::accept(const ApiResult& result) {
    busy_ = false;
    if (result.ok()) {
        if (auto device = answered_device(result.body)) {
            open(*device);
            updated_ = std::move(*device);
            saved_ = true;
        }
        return;
    }
    if (result.status == 409 && result.error.code == "stale_version") {
        if (auto current = answered_device(result.body)) {
            open(*current);
            updated_ = std::move(*current);
            stale_ = true;
            return;
        }
    }
    errors_.add_result(result);
}

}  // namespace madoguchi::client

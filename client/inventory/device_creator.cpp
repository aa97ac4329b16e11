#include "inventory/device_creator.hpp"

#include "inventory/device_editor.hpp"

namespace madoguchi::client {

void DeviceCreator::open(const std::string& class_code) {
    open_ = true;
    values_ = {};
    values_.class_code = class_code;
    dates_.show(values_);
    errors_.clear();
}

void DeviceCreator::close() {
    open_ = false;
    errors_.clear();
}

bool DeviceCreator::create(ApiClient& api) {
    if (!open_ || busy_) return false;
    errors_.clear();
    for (const auto& problem : check_form(values_)) errors_.add_local(problem.field, problem.reason_key);
    if (!errors_.empty()) return false;
    // Every field the operator filled, by the API's names: the changes from an empty record.
    const auto body = device_changes({}, values_);
    busy_ = true;
    api.send({"POST", "/api/v1/devices", body.dump(), {}}, [this](const ApiResult& result) { accept(result); });
    return true;
}

void DeviceCreator::accept(const ApiResult& result) {
    busy_ = false;
    if (result.ok()) {
        if (auto device = answered_device(result.body)) {
            created_ = std::move(*device);
            close();
        }
        return;
    }
    // The tag is the one thing another device may already have: said beside the field.
    if (result.status == 409 && result.error.code == "duplicate_asset_tag") {
        errors_.add_local("asset_tag", "field.duplicate_asset_tag");
        return;
    }
    errors_.add_result(result);
}

}  // namespace madoguchi::client

#pragma once
// 台帳's 新規登録: the same form as the edit tab, empty, checked with the shared rules and
// sent as POST /api/v1/devices. A tag another device already has comes back as that
// field's error (409 duplicate_asset_tag), so the operator fixes it without retyping.
#include <optional>
#include <string>
#include <utility>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "inventory/device_form.hpp"
#include "inventory/device_row.hpp"

namespace madoguchi::client {

class DeviceCreator {
public:
    // Opens an empty form, with `class_code` chosen when one is given (the table's filter).
    void open(const std::string& class_code = {});
    void close();
    bool is_open() const { return open_; }
    DeviceFormValues& values() { return values_; }
    ContractDateFields& dates() { return dates_; }

    // Checks the form; sends it when it is fine. False when nothing was sent.
    bool create(ApiClient& api);
    // Reads the POST answer; public for tests with fixtures.
    void accept(const ApiResult& result);

    bool busy() const { return busy_; }
    const FormErrors& errors() const { return errors_; }
    // Once: the device the server created; the form has closed.
    std::optional<DeviceRow> take_created() { return std::exchange(created_, std::nullopt); }

private:
    bool open_ = false;
    DeviceFormValues values_;
    ContractDateFields dates_;
    FormErrors errors_;
    bool busy_ = false;
    std::optional<DeviceRow> created_;
};

}  // namespace madoguchi::client

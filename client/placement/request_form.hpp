#pragma once
// 新規申請: the form a manager (for the own division) or the desk fills in to request an
// install, move or removal. Choices come from the ledger: installed MFPs and floor printers
// the user may see (GET /api/v1/devices?state=installed), the models, locations and classes
// (InventoryCatalogs), the divisions. The shared validation marks fields inline before
// anything is sent; the server's 422 lands beside the same fields.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "identity/current_user.hpp"
#include "identity/divisions.hpp"
#include "inventory/inventory_catalogs.hpp"
#include "placement/placement_request.hpp"
#include "ui/date_field_model.hpp"

namespace madoguchi::client {

struct DeviceChoice {
    std::int64_t id = 0;
    std::string tag;
    std::string class_code;
    std::int64_t location_id = 0;
    std::string location_name;
    std::string division_code;
};

class RequestForm {
public:
    // Empties the form and loads its choices; the division starts as the user's own and the
    // desired date a week ahead.
    void start(ApiClient& api, const CurrentUser& user, const calendar::Date& today, i18n::Language language);
    // Reads the installed devices; public for tests with fixtures.
    bool accept_devices(const std::string& body);
    bool loading() const { return devices_loading_ || catalogs.state() == InventoryCatalogs::State::loading; }

    InventoryCatalogs catalogs;
    int kind = 1;          // index into placement::request_kinds(): 移設 first, the common case
    int device = -1;       // index into devices()
    int device_class = -1; // index into classes()
    int model = -1;        // index into models()
    int location = -1;     // index into catalogs.locations()
    int division = -1;     // index into the Divisions tree
    DateFieldModel desired;
    std::string reason;
    // Managers request for their own division only: the division is not theirs to choose.
    bool division_fixed() const { return division_fixed_; }
    const std::string& own_division() const { return own_division_; }
    // Points the division choice at the user's own once the divisions are in.
    void default_division(const Divisions& divisions);

    placement::RequestKind chosen_kind() const;
    const std::vector<DeviceChoice>& devices() const { return devices_; }
    // The installed classes (MFP, floor printers) the catalogs name.
    std::vector<ClassEntry> classes() const;
    // The models of the chosen class.
    std::vector<ModelEntry> models() const;

    placement::RequestFields fields(const Divisions& divisions) const;
    // Validates with the shared rules and sends; false when nothing was sent.
    bool submit(ApiClient& api, const Divisions& divisions, const calendar::Date& today);
    void accept(const ApiResult& result);
    bool busy() const { return busy_; }
    std::string error(std::string_view field, i18n::Language language) const { return errors_.field(field, language); }
    std::string general_error(i18n::Language language) const { return errors_.general(language); }
    // Once: the id of the request just made.
    std::optional<std::int64_t> take_created() { return std::exchange(created_, std::nullopt); }

private:
    std::vector<DeviceChoice> devices_;
    bool devices_loading_ = false;
    bool division_fixed_ = false;
    std::string own_division_;
    bool busy_ = false;
    FormErrors errors_;
    std::optional<std::int64_t> created_;
};

}  // namespace madoguchi::client

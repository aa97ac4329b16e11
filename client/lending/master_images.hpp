#pragma once
// マスター更新・管理 (master images per class): the classes kitted from a master (business
// PCs, GSS terminals) with their current version and every earlier one, and the form that
// publishes the next version (released date, what changed), checked with the shared rules
// before it is sent. The new version becomes current on the server; kitting applies it.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "i18n/catalog.hpp"
#include "lending/master_image.hpp"
#include "ui/date_field_model.hpp"

namespace madoguchi::client {

// One entry of GET /lending/master-images (and the answer of publishing).
std::optional<lending::MasterImage> master_image_from_json(const nlohmann::json& image);
// {"master_images":[…]}; entries that cannot be read are left out.
std::optional<std::vector<lending::MasterImage>> master_images_from_body(const std::string& body);
// The classes that are kitted from a master image, in the ledger's order.
std::vector<std::string> master_image_classes();

class MasterImages {
public:
    enum class State { idle, loading, loaded, failed };

    void load(ApiClient& api);
    void accept(const ApiResult& result);
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<lending::MasterImage>& images() const { return images_; }
    // The class's versions, newest first.
    std::vector<lending::MasterImage> history(const std::string& class_code) const;
    std::optional<lending::MasterImage> current(const std::string& class_code) const;

    // The publish form.
    std::string class_code;
    std::string notes;
    DateFieldModel released;
    int next_version() const;
    // Checked first with the shared rules; false (nothing sent) when a field is wrong.
    bool publish(ApiClient& api, const calendar::Date& today);
    bool publishing() const { return publishing_; }
    const FormErrors& errors() const { return errors_; }
    // Once: the version just published.
    std::optional<lending::MasterImage> take_published() { return std::exchange(published_, std::nullopt); }

private:
    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    std::vector<lending::MasterImage> images_;
    bool publishing_ = false;
    FormErrors errors_;
    std::optional<lending::MasterImage> published_;
};

}  // namespace madoguchi::client

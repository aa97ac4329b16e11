#include "placement/placement_board.hpp"

#include "api/form_errors.hpp"

namespace madoguchi::client {

void PlacementBoard::reload(ApiClient& api) {
    const auto generation = ++generation_;
    state_ = State::loading;
    api.get("/api/v1/placement-requests", [this, generation](const ApiResult& result) {
        if (generation != generation_) return;
        if (!result.ok()) {
            error_ = result.error;
            state_ = State::failed;
            return;
        }
        if (!accept(result.body)) {
            error_ = api::make_error("internal_error");
            state_ = State::failed;
        }
    });
}

bool PlacementBoard::accept(const std::string& body) {
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object() || !json.contains("requests") || !json["requests"].is_array()) return false;
    requests_.clear();
    for (const auto& item : json["requests"]) {
        if (auto request = placement::request_from_json(item)) requests_.push_back(std::move(*request));
    }
    vendor_companies_.clear();
    if (const auto found = json.find("vendor_companies"); found != json.end() && found->is_array()) {
        for (const auto& company : *found) {
            if (company.is_string()) vendor_companies_.push_back(company.get<std::string>());
        }
    }
    state_ = State::loaded;
    return true;
}

std::string PlacementBoard::error_text(i18n::Language language) const { return client::error_text(error_, language); }

std::string PlacementBoard::summary(const placement::PlacementRequest& request, i18n::Language language) {
    std::string text = i18n::text(placement::kind_label_key(request.fields.kind), language);
    const auto& what = request.device_tag.empty() ? request.model_name : request.device_tag;
    if (!what.empty()) text.append(" ").append(what);
    if (!request.location_name.empty()) text.append(" → ").append(request.location_name);
    return text;
}

}  // namespace madoguchi::client

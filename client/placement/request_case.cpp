#include "placement/request_case.hpp"

#include "inventory/asset.hpp"

namespace madoguchi::client {
namespace {

std::string request_path(std::int64_t id) { return "/api/v1/placement-requests/" + std::to_string(id); }

bool blank(const std::string& text) {
    // U+3000 (ideographic space) counts as blank, as the server's text rules have it.
    std::string rest = text;
    for (std::size_t at; (at = rest.find("\xE3\x80\x80")) != std::string::npos;) rest.erase(at, 3);
    return rest.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string text_of(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
}

bool flag_of(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    return found != json.end() && found->is_boolean() && found->get<bool>();
}

}  // namespace

void RequestCase::open(ApiClient& api, std::int64_t id) {
    if (id != id_) {
        request_.reset();
        moves_.clear();
        events_.clear();
        dialog_open_ = false;
    }
    id_ = id;
    loading_ = true;
    load_error_ = {};
    const auto generation = ++generation_;
    api.get(request_path(id), [this, generation](const ApiResult& result) {
        if (generation != generation_) return;
        loading_ = false;
        if (!result.ok()) {
            load_error_ = result.error;
            return;
        }
        if (!accept(result.body)) load_error_ = api::make_error("internal_error");
    });
}

void RequestCase::close() {
    ++generation_;
    id_ = 0;
    loading_ = false;
    request_.reset();
    moves_.clear();
    events_.clear();
    dialog_open_ = false;
}

std::string RequestCase::load_error(i18n::Language language) const {
    return load_error_.code.empty() ? std::string() : error_text(load_error_, language);
}

bool RequestCase::accept(const std::string& body) {
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object()) return false;
    auto request = placement::request_from_json(json.value("request", nlohmann::json()));
    if (!request) return false;
    request_ = std::move(*request);
    moves_.clear();
    if (const auto found = json.find("next_moves"); found != json.end() && found->is_array()) {
        for (const auto& move : *found) {
            const auto to = placement::parse_request_state(text_of(move, "to"));
            if (to) moves_.push_back({*to, text_of(move, "action"), flag_of(move, "needs_reason"), flag_of(move, "needs_checklist")});
        }
    }
    if (const auto found = json.find("vendor_companies"); found != json.end() && found->is_array()) {
        vendor_companies_.clear();
        for (const auto& company : *found) {
            if (company.is_string()) vendor_companies_.push_back(company.get<std::string>());
        }
    }
    // Move and tick answers carry no timeline: the one read last stays until the reload.
    if (const auto found = json.find("events"); found != json.end() && found->is_array()) {
        events_.clear();
        for (const auto& event : *found) {
            events_.push_back({text_of(event, "occurred_at"), text_of(event, "actor"), text_of(event, "action"),
                               text_of(event, "state"), text_of(event, "item"), text_of(event, "reason")});
        }
    }
    return true;
}

bool RequestCase::tick(ApiClient& api, const std::string& key, bool done) {
    if (!request_ || ticking_) return false;
    ticking_ = true;
    const nlohmann::json body{{"done", done}, {"version", request_->version}};
    api.send({"PATCH", request_path(request_->id) + "/checklist/" + key, body.dump(), {}},
             [this, &api](const ApiResult& result) {
                 ticking_ = false;
                 settle_change(api, result, false);
             });
    return true;
}

void RequestCase::begin(const CaseMove& move) {
    pending_ = move;
    reason.clear();
    asset_tag.clear();
    serial.clear();
    vendor = -1;
    // A send-back goes to the company that has the works.
    if (request_ && !request_->vendor_company.empty()) {
        for (std::size_t i = 0; i < vendor_companies_.size(); ++i) {
            if (vendor_companies_[i] == request_->vendor_company) vendor = static_cast<int>(i);
        }
    }
    errors_.clear();
    dialog_open_ = true;
}

bool RequestCase::needs_new_device() const {
    return pending_.to == placement::RequestState::completed && request_ &&
           request_->fields.kind == placement::RequestKind::install;
}

bool RequestCase::submit(ApiClient& api) {
    if (!dialog_open_ || !request_ || busy_) return false;
    errors_.clear();
    if (pending_.needs_reason && blank(reason)) errors_.add_local("reason", "field.reason_required");
    if (needs_vendor() && (vendor < 0 || vendor >= static_cast<int>(vendor_companies_.size()))) {
        errors_.add_local("vendor_company", "field.required");
    }
    if (needs_new_device()) {
        if (asset_tag.empty()) {
            errors_.add_local("asset_tag", "field.required");
        } else if (!inventory::is_valid_asset_tag(asset_tag)) {
            errors_.add_local("asset_tag", "field.invalid_asset_tag");
        }
    }
    if (!errors_.empty()) return false;
    nlohmann::json body{{"to", placement::state_name(pending_.to)}, {"version", request_->version}};
    if (!blank(reason)) body["reason"] = reason;
    if (needs_vendor()) body["vendor_company"] = vendor_companies_[static_cast<std::size_t>(vendor)];
    if (needs_new_device()) {
        body["asset_tag"] = asset_tag;
        if (!serial.empty()) body["serial"] = serial;
    }
    busy_ = true;
    api.send({"POST", request_path(request_->id) + "/transitions", body.dump(), {}}, [this, &api](const ApiResult& result) {
        busy_ = false;
        settle_change(api, result, true);
    });
    return true;
}

void RequestCase::settle_change(ApiClient& api, const ApiResult& result, bool from_dialog) {
    if (result.ok()) {
        accept(result.body);
        if (from_dialog) dialog_open_ = false;
        changed_ = true;
        // The timeline follows from the server.
        if (request_) open(api, request_->id);
        return;
    }
    if (result.status == 409 && result.error.code == "stale_version") {
        const auto json = nlohmann::json::parse(result.body, nullptr, false);
        if (json.is_object() && json.contains("request")) {
            if (auto current = placement::request_from_json(json["request"])) request_ = std::move(*current);
        }
        dialog_open_ = false;
        stale_ = true;
        changed_ = true;
        if (request_) open(api, request_->id);
        return;
    }
    errors_.clear();
    errors_.add_result(result);
}

}  // namespace madoguchi::client

#include "identity/body_fields.hpp"

#include <algorithm>

namespace madoguchi::server::identity {

std::string BodyFields::string(std::string_view name) {
    const auto found = object_.find(name);
    if (found == object_.end() || found->is_null()) {
        note(name, "field.required");
        return {};
    }
    if (!found->is_string()) {
        note(name, "field.not_string");
        return {};
    }
    return found->get<std::string>();
}

std::optional<std::string> BodyFields::optional_string(std::string_view name) {
    const auto found = object_.find(name);
    if (found == object_.end() || found->is_null()) return std::nullopt;
    if (!found->is_string()) {
        note(name, "field.not_string");
        return std::nullopt;
    }
    return found->get<std::string>();
}

std::optional<bool> BodyFields::optional_boolean(std::string_view name) {
    const auto found = object_.find(name);
    if (found == object_.end() || found->is_null()) return std::nullopt;
    if (!found->is_boolean()) {
        note(name, "field.not_boolean");
        return std::nullopt;
    }
    return found->get<bool>();
}

std::optional<std::vector<std::string>> BodyFields::optional_strings(std::string_view name) {
    const auto found = object_.find(name);
    if (found == object_.end() || found->is_null()) return std::nullopt;
    if (!found->is_array() || !std::all_of(found->begin(), found->end(), [](const auto& item) { return item.is_string(); })) {
        note(name, "field.not_array");
        return std::nullopt;
    }
    return found->get<std::vector<std::string>>();
}

std::optional<api::ApiError> BodyFields::error() const {
    if (problems_.empty()) return std::nullopt;
    auto error = api::make_error("bad_request");
    for (const auto& [field, reason] : problems_) api::add_field(error, field, reason);
    return error;
}

void BodyFields::note(std::string_view name, std::string_view reason_key) {
    problems_.emplace_back(std::string(name), std::string(reason_key));
}

std::variant<BodyFields, api::ApiError> read_object(const std::string& body, std::initializer_list<std::string_view> allowed) {
    auto parsed = nlohmann::json::parse(body, nullptr, false);
    if (!parsed.is_object()) {
        auto error = api::make_error("bad_request");
        api::add_field(error, "", "field.not_object");
        return error;
    }
    std::vector<std::string> unknown;
    for (const auto& [name, value] : parsed.items()) {
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) unknown.push_back(name);
    }
    if (!unknown.empty()) {
        auto error = api::make_error("bad_request");
        for (const auto& name : unknown) api::add_field(error, name, "field.unknown_field");
        return error;
    }
    return BodyFields(std::move(parsed));
}

}  // namespace madoguchi::server::identity

#include "lending/extension_records.hpp"

#include "lending/lending_records.hpp"

namespace madoguchi::client {

std::optional<ExtensionRecord> extension_from_json(const nlohmann::json& item) {
    if (!item.is_object()) return std::nullopt;
    const auto current = calendar::parse_date(string_field(item, "current_due"));
    const auto due = calendar::parse_date(string_field(item, "due_date"));
    const auto state = string_field(item, "state");
    if (integer_field(item, "id") <= 0 || !current || !due || state.empty()) return std::nullopt;
    return ExtensionRecord{integer_field(item, "id"),        integer_field(item, "request_id"),
                           string_field(item, "requested_by"), *current,
                           *due,                              string_field(item, "reason"),
                           state,                             string_field(item, "decided_by"),
                           string_field(item, "decision_reason")};
}

std::optional<std::vector<ExtensionRecord>> extensions_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("extensions") || !document["extensions"].is_array()) {
        return std::nullopt;
    }
    std::vector<ExtensionRecord> extensions;
    for (const auto& item : document["extensions"]) {
        if (auto extension = extension_from_json(item)) extensions.push_back(std::move(*extension));
    }
    return extensions;
}

HttpRequest extension_request(std::int64_t request_id, const calendar::Date& due, const std::string& reason) {
    nlohmann::json body{{"due_date", calendar::format_date(due)}};
    if (!reason.empty()) body["reason"] = reason;
    return {"POST", "/api/v1/lending/requests/" + std::to_string(request_id) + "/extensions", body.dump(), {}};
}

HttpRequest extension_decision(const ExtensionRecord& extension, bool approve, const std::string& reason) {
    nlohmann::json body{{"decision", approve ? "approve" : "reject"}};
    if (!reason.empty()) body["reason"] = reason;
    return {"POST",
            "/api/v1/lending/requests/" + std::to_string(extension.request_id) + "/extensions/" +
                std::to_string(extension.id) + "/decision",
            body.dump(),
            {}};
}

std::string extension_state_text(const std::string& state, i18n::Language language) {
    return i18n::text("lending_client.extension.state." + state, language);
}

}  // namespace madoguchi::client

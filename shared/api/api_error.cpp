#include "api/api_error.hpp"

#include "i18n/catalog.hpp"

namespace madoguchi::api {

ApiError make_error(std::string_view code) {
    const auto texts = i18n::texts("error." + std::string(code));
    return ApiError{std::string(code), texts.en, texts.ja, {}};
}

ApiError& add_field(ApiError& error, std::string_view field, std::string_view reason_key) {
    error.fields[std::string(field)] = i18n::text(reason_key, i18n::Language::en);
    return error;
}

ApiError field_error(std::string_view code, std::string_view field, std::string_view reason_key) {
    auto error = make_error(code);
    add_field(error, field, reason_key);
    return error;
}

ApiError validation_error(std::span<const validation::FieldProblem> problems) {
    auto error = make_error("validation_failed");
    for (const auto& problem : problems) add_field(error, problem.field, problem.reason_key);
    return error;
}

nlohmann::json to_json(const ApiError& error) {
    auto fields = nlohmann::json::object();
    for (const auto& [name, reason] : error.fields) fields[name] = reason;
    return {{"error",
             {{"code", error.code}, {"message", error.message}, {"message_ja", error.message_ja}, {"fields", fields}}}};
}

std::optional<ApiError> parse_error(std::string_view body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("error") || !document["error"].is_object()) return std::nullopt;
    const auto& error = document["error"];
    ApiError result;
    result.code = error.value("code", "");
    result.message = error.value("message", "");
    result.message_ja = error.value("message_ja", "");
    if (const auto fields = error.find("fields"); fields != error.end() && fields->is_object()) {
        for (const auto& [name, reason] : fields->items()) {
            if (reason.is_string()) result.fields[name] = reason.get<std::string>();
        }
    }
    if (result.code.empty()) return std::nullopt;
    return result;
}

}  // namespace madoguchi::api

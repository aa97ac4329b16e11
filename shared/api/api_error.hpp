#pragma once
// The one error shape of the API: {"error":{"code","message","message_ja","fields"}}.
// The server writes it; the client reads it and shows message_ja or message to the user.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "validation/field_problem.hpp"

namespace madoguchi::api {

struct ApiError {
    std::string code;        // stable, machine-readable: "invalid_parameter", "not_found", …
    std::string message;     // English
    std::string message_ja;  // Japanese
    std::map<std::string, std::string> fields;  // parameter or field name -> what is wrong with it (English)
};

// Builds an error from catalog key "error.<code>"; field messages from "field.<reason>" keys.
ApiError make_error(std::string_view code);
ApiError& add_field(ApiError& error, std::string_view field, std::string_view reason_key);
// An error about one field: make_error(code) naming `field` with its reason.
ApiError field_error(std::string_view code, std::string_view field, std::string_view reason_key);
// validation_failed naming each problem's field with its English text.
ApiError validation_error(std::span<const validation::FieldProblem> problems);

nlohmann::json to_json(const ApiError& error);
// Empty when the body is not an API error document.
std::optional<ApiError> parse_error(std::string_view body);

}  // namespace madoguchi::api

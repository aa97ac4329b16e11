#pragma once
// Reading a JSON request body member by member, collecting every type problem at once:
// read_object() refuses what is not a JSON object or has members outside `allowed`; the
// readers note field.required / field.not_string / field.not_boolean / field.not_array and
// error() turns the notes into one 400 bad_request naming each field.
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "api/api_error.hpp"

namespace madoguchi::server::identity {

class BodyFields {
public:
    explicit BodyFields(nlohmann::json object) : object_(std::move(object)) {}

    bool has(std::string_view name) const { return object_.contains(name); }
    // Required string; "" when missing or of another type (noted).
    std::string string(std::string_view name);
    // A string when present and not null.
    std::optional<std::string> optional_string(std::string_view name);
    std::optional<bool> optional_boolean(std::string_view name);
    // An array of strings when present.
    std::optional<std::vector<std::string>> optional_strings(std::string_view name);

    std::optional<api::ApiError> error() const;

private:
    void note(std::string_view name, std::string_view reason_key);

    nlohmann::json object_;
    std::vector<std::pair<std::string, std::string>> problems_;
};

std::variant<BodyFields, api::ApiError> read_object(const std::string& body, std::initializer_list<std::string_view> allowed);

}  // namespace madoguchi::server::identity

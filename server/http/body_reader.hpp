#pragma once
// Typed reading of a JSON request body's members, every problem collected at once so the
// client can mark all wrong fields in one answer.
//
//   const auto body = http::parse_json_body(request);        // see json_body.hpp
//   if (const auto* refusal = std::get_if<http::BodyRefusal>(&body)) {
//       return http::send_error(response, refusal->status, refusal->error);
//   }
//   http::BodyReader reader(std::get<nlohmann::json>(body), {"login", "name", "roles", "disabled"});
//   const auto login = reader.string("login");                // required
//   const auto name = reader.optional_string("name");         // may be absent
//   const auto roles = reader.strings("roles");
//   const auto disabled = reader.optional_boolean("disabled");
//   if (const auto refusal = reader.refusal()) {              // 400 naming every field
//       return http::send_error(response, refusal->status, refusal->error);
//   }
//   … the values are all present and typed here; domain checks (length, format) come next.
//
// Rules, each a catalog key "field.<reason>" under the member's name:
//   field.unknown_field     a member not in the allowed list (found by the constructor)
//   field.required          a required member that is absent or null (an empty string or an
//                           empty array is present: blank checks belong to the domain rules)
//   field.not_string        string()/optional_string() on another type
//   field.not_boolean       boolean()/optional_boolean() on another type
//   field.not_integer       integer()/optional_integer() on a non-number or a number with a
//                           fraction or exponent (1.0 and 1e3 included)
//   field.too_large         an integer outside the signed 64-bit range
//   field.not_array         strings()/optional_strings() on a non-array
//   field.not_string_items  an array with an item that is not a string
// Optional readers treat null like absence. A reader that finds a problem returns an empty
// value (""/false/0/{}), so code can read every member before asking refusal().
// Strings are valid UTF-8: parse_json_body refuses anything else.
#include <cstdint>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/json_body.hpp"

namespace madoguchi::server::http {

class BodyReader {
public:
    // `body` must outlive the reader; a non-object gives the problem field.not_object on "".
    BodyReader(const nlohmann::json& body, std::initializer_list<std::string_view> allowed_members);

    std::string string(std::string_view name);
    std::optional<std::string> optional_string(std::string_view name);
    bool boolean(std::string_view name);
    std::optional<bool> optional_boolean(std::string_view name);
    std::int64_t integer(std::string_view name);
    std::optional<std::int64_t> optional_integer(std::string_view name);
    std::vector<std::string> strings(std::string_view name);
    std::optional<std::vector<std::string>> optional_strings(std::string_view name);

    // Present and not null.
    bool has(std::string_view name) const;

    // A problem the handler found itself, reported with the others (the first one per field wins).
    void add_problem(std::string_view field, std::string_view reason_key);
    // Field name -> catalog key, for handlers that merge them into their own error.
    const std::map<std::string, std::string>& problems() const { return problems_; }
    // 400 bad_request naming every problem; empty when the body read cleanly.
    std::optional<BodyRefusal> refusal() const;

private:
    // The member's value, or null when absent (null itself included); adds field.required
    // for an absent required member.
    const nlohmann::json* member(std::string_view name, bool required);

    const nlohmann::json& body_;
    std::map<std::string, std::string> problems_;
};

}  // namespace madoguchi::server::http

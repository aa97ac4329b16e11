#pragma once
// The strict decoder every JSON request body goes through before a handler reads it.
//
//   const auto body = http::parse_json_body(request);
//   if (const auto* refusal = std::get_if<http::BodyRefusal>(&body)) {
//       return http::send_error(response, refusal->status, refusal->error);
//   }
//   const auto& object = std::get<nlohmann::json>(body);  // always a JSON object
//
// Refusals (each names what is wrong in `fields`, keys "field.<reason>"):
//   415 unsupported_media_type  Content-Type is not application/json (a charset parameter
//                               is allowed only as utf-8); field "Content-Type"
//   400 bad_request             field.invalid_json      not JSON (empty, syntax, trailing text)
//                               field.invalid_utf8      a byte sequence that is not UTF-8, or an
//                                                       escaped lone surrogate ("\ud800")
//                               field.too_deep          arrays/objects nested deeper than
//                                                       max_json_depth
//                               field.duplicate_member  a member name given twice in one object
//                               field.not_object        the top level is not an object
// The field is the path of the value where the problem is: "subject" for a top-level member,
// "address.city" and "roles[2]" for nested ones, "" for the body as a whole.
// The body size limit (413) is httplib's, checked before any route runs.
//
// Parsing stops at the first problem and never recurses: a megabyte of "[[[[…" is refused
// after max_json_depth brackets, before any tree is built for it.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>
#include <variant>

#include "api/api_error.hpp"

namespace madoguchi::server::http {

// Deeper than any body the API defines (they are at most a few levels), shallow enough that
// the recursive parts of nlohmann::json (dump, compare) stay far from the stack's end.
inline constexpr std::size_t max_json_depth = 32;

struct BodyRefusal {
    int status;  // 400 or 415
    api::ApiError error;
};

using JsonBody = std::variant<nlohmann::json, BodyRefusal>;

// `content_type` is the request's Content-Type header value (empty when absent; an empty body
// without one is refused as invalid JSON rather than for its media type).
JsonBody parse_json_body(std::string_view content_type, std::string_view body);

// For an httplib::Request; a template so that this decoder (and its fuzz target) does not
// depend on httplib.
template <typename Request>
JsonBody parse_json_body(const Request& request) {
    return parse_json_body(request.get_header_value("Content-Type"), request.body);
}

}  // namespace madoguchi::server::http

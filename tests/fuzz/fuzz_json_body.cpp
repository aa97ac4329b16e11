// libFuzzer target: everything a JSON request body goes through before the database —
// the media-type check, the strict decoder, BodyReader and the inquiry mapping. Besides
// crashes and sanitizer reports it checks what the decoder promises.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "http/body_reader.hpp"
#include "http/json_body.hpp"
#include "tickets/inquiry.hpp"

namespace {

namespace http = madoguchi::server::http;
namespace tickets = madoguchi::tickets;
using nlohmann::json;

void require(bool holds, const char* promise) {
    if (holds) return;
    std::fprintf(stderr, "broken promise: %s\n", promise);
    std::abort();
}

std::size_t depth(const json& value) {
    std::size_t deepest = 0;
    if (value.is_structured()) {
        for (const auto& item : value) deepest = std::max(deepest, depth(item));
        return deepest + 1;
    }
    return 0;
}

void read_every_member(const json& document) {
    // Each reader type over every member, so each one meets every kind of value.
    http::BodyReader strings(document, {});
    http::BodyReader booleans(document, {});
    http::BodyReader integers(document, {});
    http::BodyReader arrays(document, {});
    for (const auto& [name, value] : document.items()) {
        (void)strings.optional_string(name);
        (void)booleans.boolean(name);
        (void)integers.integer(name);
        (void)arrays.strings(name);
        require(strings.has(name) == !value.is_null(), "has() is presence without null");
    }
    for (const auto* reader : {&strings, &booleans, &integers, &arrays}) {
        const auto refusal = reader->refusal();
        require(refusal.has_value() == !document.empty(), "unknown members are refused");
        if (refusal) (void)json(madoguchi::api::to_json(refusal->error)).dump();
    }
}

void map_inquiry(const json& document) {
    const auto parsed = tickets::inquiry_from_json(document);
    if (!parsed.problems.empty()) return;
    require(tickets::validate(parsed.inquiry).empty(), "a mapped inquiry validates");
    require(tickets::to_json(parsed.inquiry) == document, "a valid inquiry is exactly its six fields");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    // The input as a Content-Type, then as a body.
    (void)http::parse_json_body(input, "{}");
    const auto body = http::parse_json_body("application/json; charset=utf-8", input);
    if (const auto* refusal = std::get_if<http::BodyRefusal>(&body)) {
        require(refusal->status == 400, "a JSON body's refusal is a 400");
        require(refusal->error.fields.size() == 1, "a refusal names one problem");
        // Field names come from parsed (valid UTF-8) member names: the strict dump must work.
        (void)madoguchi::api::to_json(refusal->error).dump();
        return 0;
    }
    const auto& document = std::get<json>(body);
    require(document.is_object(), "a decoded body is an object");
    require(depth(document) <= http::max_json_depth, "a decoded body is no deeper than the limit");
    // Decoded strings are valid UTF-8, so the strict dump does not throw, and decoding what it
    // writes gives the same document back.
    const auto again = http::parse_json_body("application/json", document.dump());
    require(std::holds_alternative<json>(again) && std::get<json>(again) == document, "a body round-trips");
    read_every_member(document);
    map_inquiry(document);
    return 0;
}

#include "http/json_body.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "text/utf8.hpp"

namespace madoguchi::server::http {
namespace {

using nlohmann::json;

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        return lower(x) == lower(y);
    });
}

// application/json, optionally with charset=utf-8 (RFC 8259 defines no parameters, but
// browsers and many clients add the charset); nothing else.
bool is_json_media_type(std::string_view content_type) {
    auto rest = content_type;
    const auto next_part = [&rest] {
        const auto semicolon = rest.find(';');
        const auto part = trim(rest.substr(0, semicolon));
        rest = semicolon == std::string_view::npos ? std::string_view{} : rest.substr(semicolon + 1);
        return part;
    };
    if (!equals_ignoring_case(next_part(), "application/json")) return false;
    while (!rest.empty()) {
        const auto parameter = next_part();
        const auto equals = parameter.find('=');
        if (equals == std::string_view::npos || !equals_ignoring_case(trim(parameter.substr(0, equals)), "charset")) {
            return false;
        }
        auto value = trim(parameter.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        if (!equals_ignoring_case(value, "utf-8")) return false;
    }
    return true;
}

BodyRefusal refusal(int status, std::string_view code, std::string_view field, std::string_view reason_key) {
    return {status, api::field_error(code, field, reason_key)};
}

// Builds the tree from nlohmann's SAX events so that depth and duplicate member names are
// checked while parsing, and a problem stops the parser at once.
class StrictBuilder {
public:
    bool null() { return add(nullptr); }
    bool boolean(bool value) { return add(value); }
    bool number_integer(json::number_integer_t value) { return add(value); }
    bool number_unsigned(json::number_unsigned_t value) { return add(value); }
    bool number_float(json::number_float_t value, const json::string_t&) { return add(value); }
    bool string(json::string_t& value) { return add(std::move(value)); }
    bool binary(json::binary_t&) { return false; }  // never produced by the JSON format

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(json::string_t& name) {
        auto& frame = open_.back();
        const bool repeated = frame.container->contains(name);
        frame.key = std::move(name);
        frame.in_member = true;
        if (repeated) problem_ = {path(), "field.duplicate_member"};
        return !repeated;
    }

    bool parse_error(std::size_t, const std::string& last_token, const nlohmann::detail::exception& failure) {
        // The lexer reports raw bytes that are not UTF-8 (in strings and out of them) and
        // escaped lone surrogates; everything else is a syntax error.
        const bool bad_text = !text::decode_utf8(last_token) || std::string_view(failure.what()).find("surrogate") !=
                                                                     std::string_view::npos;
        problem_ = {path(), bad_text ? "field.invalid_utf8" : "field.invalid_json"};
        return false;
    }

    json take_result() { return std::move(root_); }
    // Set when parsing stopped for a problem this builder or the lexer found.
    const std::optional<std::pair<std::string, std::string>>& problem() const { return problem_; }

private:
    struct Frame {
        json* container;
        std::string key;         // objects: the member read last
        bool in_member = false;  // objects: its key was read, its value not yet placed
    };

    // Where the next value goes: "a.b", "list[3]", "" for the top level. Every frame but the
    // last has an open child: its last item or the member named by its key.
    std::string path() const {
        std::string result;
        for (const auto& frame : open_) {
            const bool last = &frame == &open_.back();
            if (frame.container->is_array()) {
                result += '[';
                result += std::to_string(frame.container->size() - (last ? 0 : 1));
                result += ']';
            } else if (!last || frame.in_member) {
                if (!result.empty()) result += '.';
                result += frame.key;
            }
        }
        return result;
    }

    json* place(json&& value) {
        if (open_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        auto& frame = open_.back();
        if (frame.container->is_array()) {
            frame.container->push_back(std::move(value));
            return &frame.container->back();
        }
        frame.in_member = false;
        return &((*frame.container)[frame.key] = std::move(value));
    }

    bool add(json&& value) {
        place(std::move(value));
        return true;
    }

    bool open(json&& empty) {
        if (open_.size() >= max_json_depth) {
            problem_ = {path(), "field.too_deep"};
            return false;
        }
        // The parent stays untouched while this container is open, so the pointer holds.
        open_.push_back({place(std::move(empty)), {}, false});
        return true;
    }

    bool close() {
        open_.pop_back();
        return true;
    }

    json root_;
    std::vector<Frame> open_;
    std::optional<std::pair<std::string, std::string>> problem_;
};

}  // namespace

JsonBody parse_json_body(std::string_view content_type, std::string_view body) {
    if (!(content_type.empty() && body.empty()) && !is_json_media_type(content_type)) {
        return refusal(415, "unsupported_media_type", "Content-Type", "field.not_json_media_type");
    }
    StrictBuilder builder;
    const bool parsed = json::sax_parse(body.begin(), body.end(), &builder);
    if (!parsed) {
        const auto& problem = builder.problem();
        return refusal(400, "bad_request", problem ? problem->first : "",
                       problem ? problem->second : "field.invalid_json");
    }
    auto document = builder.take_result();
    if (!document.is_object()) return refusal(400, "bad_request", "", "field.not_object");
    return document;
}

}  // namespace madoguchi::server::http

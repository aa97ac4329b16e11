#include "http/body_reader.hpp"

#include <algorithm>
#include <limits>

namespace madoguchi::server::http {

using nlohmann::json;

BodyReader::BodyReader(const json& body, std::initializer_list<std::string_view> allowed_members) : body_(body) {
    if (!body_.is_object()) {
        add_problem("", "field.not_object");
        return;
    }
    for (const auto& [name, value] : body_.items()) {
        if (std::find(allowed_members.begin(), allowed_members.end(), name) == allowed_members.end()) {
            add_problem(name, "field.unknown_field");
        }
    }
}

const json* BodyReader::member(std::string_view name, bool required) {
    if (body_.is_object()) {
        const auto found = body_.find(name);
        if (found != body_.end() && !found->is_null()) return &*found;
    }
    if (required) add_problem(name, "field.required");
    return nullptr;
}

std::optional<std::string> BodyReader::optional_string(std::string_view name) {
    const auto* value = member(name, false);
    if (!value) return std::nullopt;
    if (!value->is_string()) {
        add_problem(name, "field.not_string");
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::string BodyReader::string(std::string_view name) {
    if (!member(name, true)) return {};
    return optional_string(name).value_or("");
}

std::optional<bool> BodyReader::optional_boolean(std::string_view name) {
    const auto* value = member(name, false);
    if (!value) return std::nullopt;
    if (!value->is_boolean()) {
        add_problem(name, "field.not_boolean");
        return std::nullopt;
    }
    return value->get<bool>();
}

bool BodyReader::boolean(std::string_view name) {
    if (!member(name, true)) return false;
    return optional_boolean(name).value_or(false);
}

std::optional<std::int64_t> BodyReader::optional_integer(std::string_view name) {
    const auto* value = member(name, false);
    if (!value) return std::nullopt;
    if (value->is_number_unsigned()) {
        if (value->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            add_problem(name, "field.too_large");
            return std::nullopt;
        }
        return static_cast<std::int64_t>(value->get<std::uint64_t>());
    }
    if (!value->is_number_integer()) {
        add_problem(name, "field.not_integer");
        return std::nullopt;
    }
    return value->get<std::int64_t>();
}

std::int64_t BodyReader::integer(std::string_view name) {
    if (!member(name, true)) return 0;
    return optional_integer(name).value_or(0);
}

std::optional<std::vector<std::string>> BodyReader::optional_strings(std::string_view name) {
    const auto* value = member(name, false);
    if (!value) return std::nullopt;
    if (!value->is_array()) {
        add_problem(name, "field.not_array");
        return std::nullopt;
    }
    std::vector<std::string> items;
    items.reserve(value->size());
    for (const auto& item : *value) {
        if (!item.is_string()) {
            add_problem(name, "field.not_string_items");
            return std::nullopt;
        }
        items.push_back(item.get<std::string>());
    }
    return items;
}

std::vector<std::string> BodyReader::strings(std::string_view name) {
    if (!member(name, true)) return {};
    return optional_strings(name).value_or(std::vector<std::string>{});
}

bool BodyReader::has(std::string_view name) const {
    if (!body_.is_object()) return false;
    const auto found = body_.find(name);
    return found != body_.end() && !found->is_null();
}

void BodyReader::add_problem(std::string_view field, std::string_view reason_key) {
    problems_.try_emplace(std::string(field), std::string(reason_key));
}

std::optional<BodyRefusal> BodyReader::refusal() const {
    if (problems_.empty()) return std::nullopt;
    auto error = api::make_error("bad_request");
    for (const auto& [field, reason_key] : problems_) api::add_field(error, field, reason_key);
    return BodyRefusal{400, std::move(error)};
}

}  // namespace madoguchi::server::http

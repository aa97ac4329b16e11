#include "tickets/inquiry.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "text/utf8.hpp"

namespace madoguchi::tickets {
namespace {

using namespace std::string_view_literals;

constexpr std::array categories{"device"sv, "software"sv, "service"sv, "account"sv, "other"sv};

struct TextRule {
    std::size_t max_code_points;
    std::string_view too_long_key;
    bool multiline;  // newline and tab allowed
};

constexpr TextRule short_text{100, "field.too_long_100", false};
constexpr TextRule subject_text{200, "field.too_long_200", false};
constexpr TextRule body_text{10000, "field.too_long_10000", true};

std::optional<std::string> check_text(const std::string& value, const TextRule& rule) {
    const auto code_points = text::decode_utf8(value);
    if (!code_points) return "field.invalid_utf8";
    const auto refused = [&rule](char32_t c) { return text::is_control(c) && !(rule.multiline && (c == U'\n' || c == U'\t')); };
    if (std::any_of(code_points->begin(), code_points->end(), refused)) return "field.control_character";
    if (std::all_of(code_points->begin(), code_points->end(), text::is_blank)) return "field.required";
    if (code_points->size() > rule.max_code_points) return std::string(rule.too_long_key);
    return std::nullopt;
}

std::optional<std::string> check_category(const std::string& value) {
    if (value.empty()) return "field.required";
    if (std::find(categories.begin(), categories.end(), value) == categories.end()) return "field.unknown_category";
    return std::nullopt;
}

// The fields in their order, each with its member and check.
struct FieldSpec {
    std::string_view name;
    std::string Inquiry::*member;
    std::optional<std::string> (*check)(const std::string&);
};

constexpr std::array<FieldSpec, 6> fields{{
    {"requester_name", &Inquiry::requester_name, [](const std::string& v) { return check_text(v, short_text); }},
    {"division", &Inquiry::division, [](const std::string& v) { return check_text(v, short_text); }},
    {"contact", &Inquiry::contact, [](const std::string& v) { return check_text(v, short_text); }},
    {"category", &Inquiry::category, check_category},
    {"subject", &Inquiry::subject, [](const std::string& v) { return check_text(v, subject_text); }},
    {"body", &Inquiry::body, [](const std::string& v) { return check_text(v, body_text); }},
}};

bool is_field(std::string_view name) {
    return std::any_of(fields.begin(), fields.end(), [name](const FieldSpec& field) { return field.name == name; });
}

}  // namespace

std::vector<FieldProblem> validate(const Inquiry& inquiry) {
    std::vector<FieldProblem> problems;
    for (const auto& field : fields) {
        if (auto reason = field.check(inquiry.*field.member)) problems.push_back({std::string(field.name), *reason});
    }
    return problems;
}

std::span<const std::string_view> inquiry_categories() { return categories; }

nlohmann::json to_json(const Inquiry& inquiry) {
    auto object = nlohmann::json::object();
    for (const auto& field : fields) object[std::string(field.name)] = inquiry.*field.member;
    return object;
}

InquiryParse inquiry_from_json(const nlohmann::json& body) {
    InquiryParse parse;
    if (!body.is_object()) {
        parse.problems.push_back({"", "field.not_object"});
        return parse;
    }
    for (const auto& field : fields) {
        const auto found = body.find(std::string(field.name));
        if (found == body.end() || found->is_null()) {
            if (auto reason = field.check({})) parse.problems.push_back({std::string(field.name), *reason});
        } else if (!found->is_string()) {
            parse.problems.push_back({std::string(field.name), "field.not_string"});
        } else {
            parse.inquiry.*field.member = found->get<std::string>();
            if (auto reason = field.check(parse.inquiry.*field.member)) {
                parse.problems.push_back({std::string(field.name), *reason});
            }
        }
    }
    for (const auto& [name, value] : body.items()) {
        if (!is_field(name)) parse.problems.push_back({name, "field.unknown_field"});
    }
    return parse;
}

}  // namespace madoguchi::tickets

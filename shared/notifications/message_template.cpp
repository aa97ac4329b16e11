#include "notifications/message_template.hpp"

#include <optional>

#include "validation/text_rules.hpp"

namespace madoguchi::notifications {
namespace {

constexpr std::string_view open_mark = "{{";
constexpr std::string_view close_mark = "}}";
constexpr std::string_view english_rule = "\n\n----------\n";

bool is_name(std::string_view name) {
    if (name.empty()) return false;
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

struct Piece {
    bool placeholder;
    std::string_view text;  // the literal text, or the placeholder's name
};

// The text split into literals and placeholders; empty when a placeholder is malformed.
std::optional<std::vector<Piece>> split(std::string_view text) {
    std::vector<Piece> pieces;
    while (!text.empty()) {
        const auto open = text.find(open_mark);
        if (open == std::string_view::npos) {
            pieces.push_back({false, text});
            break;
        }
        if (open > 0) pieces.push_back({false, text.substr(0, open)});
        const auto close = text.find(close_mark, open + open_mark.size());
        if (close == std::string_view::npos) return std::nullopt;
        const auto name = text.substr(open + open_mark.size(), close - open - open_mark.size());
        if (!is_name(name)) return std::nullopt;
        pieces.push_back({true, name});
        text.remove_prefix(close + close_mark.size());
    }
    return pieces;
}

void check_part(const NotificationEvent& event, std::string_view field, const std::string& value, bool required,
                bool multiline, std::vector<validation::FieldProblem>& problems) {
    const auto limit = multiline ? max_body_length : max_subject_length;
    if (auto problem = validation::text_problem(value, limit, required, multiline); !problem.empty()) {
        problems.push_back({std::string(field), problem});
        return;
    }
    const auto pieces = split(value);
    if (!pieces) {
        problems.push_back({std::string(field), "field.malformed_placeholder"});
        return;
    }
    for (const auto& piece : *pieces) {
        if (piece.placeholder && !has_placeholder(event, piece.text)) {
            problems.push_back({std::string(field), "field.unknown_placeholder"});
            return;
        }
    }
}

std::variant<std::string, RenderError> fill(std::string_view text, const PlaceholderValues& values, bool single_line) {
    const auto pieces = split(text);
    if (!pieces) return RenderError{"malformed placeholder in \"" + std::string(text) + "\""};
    std::string filled;
    for (const auto& piece : *pieces) {
        if (!piece.placeholder) {
            filled += piece.text;
            continue;
        }
        const auto value = values.find(piece.text);
        if (value == values.end()) {
            RenderError error{"no value for {{"};
            error.message.append(piece.text).append("}}");
            return error;
        }
        for (const char c : value->second) filled += single_line && (c == '\n' || c == '\r') ? ' ' : c;
    }
    return filled;
}

}  // namespace

std::vector<validation::FieldProblem> validate(const NotificationEvent& event, const TemplateText& text) {
    std::vector<validation::FieldProblem> problems;
    check_part(event, "subject_ja", text.subject_ja, true, false, problems);
    check_part(event, "body_ja", text.body_ja, true, true, problems);
    const bool has_english = !text.subject_en.empty() || !text.body_en.empty();
    check_part(event, "subject_en", text.subject_en, has_english, false, problems);
    check_part(event, "body_en", text.body_en, has_english, true, problems);
    return problems;
}

std::variant<RenderedMessage, RenderError> render(const TemplateText& text, const PlaceholderValues& values) {
    RenderedMessage message;
    const bool has_english = !text.subject_en.empty();
    const std::pair<std::string_view, bool> parts[] = {
        {text.subject_ja, true}, {text.body_ja, false}, {text.subject_en, true}, {text.body_en, false}};
    std::string filled[4];
    for (int index = 0; index < (has_english ? 4 : 2); ++index) {
        auto result = fill(parts[index].first, values, parts[index].second);
        if (auto* error = std::get_if<RenderError>(&result)) return *error;
        filled[index] = std::move(std::get<std::string>(result));
    }
    message.subject = filled[0];
    message.body = filled[1];
    if (has_english) {
        message.subject.append(" / ").append(filled[2]);
        message.body.append(english_rule).append(filled[3]);
    }
    return message;
}

nlohmann::json to_json(const MessageTemplate& message_template) {
    return {{"event", message_template.event},
            {"version", message_template.version},
            {"subject_ja", message_template.text.subject_ja},
            {"body_ja", message_template.text.body_ja},
            {"subject_en", message_template.text.subject_en},
            {"body_en", message_template.text.body_en},
            {"updated_by", message_template.updated_by},
            {"updated_at", message_template.updated_at}};
}

}  // namespace madoguchi::notifications

#pragma once
// A notification's editable template (通知テンプレート): subject and body in Japanese, optionally
// in English too, with {{placeholder}} slots the event fills in. The server validates a
// template with these rules when an admin saves it and renders queued messages with them.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "notifications/notification_event.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::notifications {

inline constexpr std::size_t max_subject_length = 200;
inline constexpr std::size_t max_body_length = 10000;

struct TemplateText {
    std::string subject_ja;
    std::string body_ja;
    std::string subject_en;  // both English parts empty: Japanese only
    std::string body_en;
    friend bool operator==(const TemplateText&, const TemplateText&) = default;
};

struct MessageTemplate {
    std::string event;
    std::int64_t version = 1;  // each save adds one; a save of an older version is refused
    TemplateText text;
    std::string updated_by;
    std::string updated_at;
};

using PlaceholderValues = std::map<std::string, std::string, std::less<>>;

// Problems as fields subject_ja, body_ja, subject_en, body_en: field.required (Japanese parts;
// an English part when the other one is given), the text rules (single-line subjects, at most
// 200 / 10000 characters), field.malformed_placeholder ("{{" without "}}", or a name other
// than lowercase letters, digits and "_"), field.unknown_placeholder (not one of the event's).
std::vector<validation::FieldProblem> validate(const NotificationEvent& event, const TemplateText& text);

struct RenderedMessage {
    std::string subject;
    std::string body;
};

// What stopped a rendering, for the caller's log: e.g. "no value for {{title}}".
struct RenderError {
    std::string message;
};

// Fills every placeholder. The subject is "<ja> / <en>" and the body the Japanese text, then
// the English one after a rule line, when the template has English. Line breaks in values
// become spaces in the subject, which must stay one line.
std::variant<RenderedMessage, RenderError> render(const TemplateText& text, const PlaceholderValues& values);

nlohmann::json to_json(const MessageTemplate& message_template);

}  // namespace madoguchi::notifications

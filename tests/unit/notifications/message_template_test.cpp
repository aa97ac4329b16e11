#include <catch2/catch.hpp>

#include "notifications/message_template.hpp"

using namespace madoguchi::notifications;
using madoguchi::validation::FieldProblem;

namespace {

const NotificationEvent& event(std::string_view key) {
    const auto* found = find_event(key);
    REQUIRE(found != nullptr);
    return *found;
}

RenderedMessage rendered(const TemplateText& text, const PlaceholderValues& values) {
    auto result = render(text, values);
    REQUIRE(std::holds_alternative<RenderedMessage>(result));
    return std::get<RenderedMessage>(result);
}

}  // namespace

TEST_CASE("every event the ticket engine announces has a template slot", "[notifications]") {
    for (const auto* key : {"ticket.created", "ticket.status_changed", "ticket.assigned", "ticket.escalated",
                            "security.reported", "vendor.task"}) {
        INFO(key);
        CHECK(find_event(key) != nullptr);
    }
    CHECK(find_event("ticket.deleted") == nullptr);
    CHECK(has_placeholder(event("ticket.assigned"), "assignee"));
    CHECK_FALSE(has_placeholder(event("ticket.created"), "assignee"));
}

TEST_CASE("a Japanese-only template renders its placeholders", "[notifications]") {
    const TemplateText text{"{{ticket_number}} の担当になりました", "{{assignee}} さん\n{{title}}", "", ""};
    const auto message = rendered(text, {{"ticket_number", "T-1"}, {"assignee", "佐藤"}, {"title", "PC交換"}});
    CHECK(message.subject == "T-1 の担当になりました");
    CHECK(message.body == "佐藤 さん\nPC交換");
}

TEST_CASE("English follows the Japanese in subject and body", "[notifications]") {
    const TemplateText text{"受付 {{ticket_number}}", "受け付けました", "Received {{ticket_number}}", "Received."};
    const auto message = rendered(text, {{"ticket_number", "T-2"}});
    CHECK(message.subject == "受付 T-2 / Received T-2");
    CHECK(message.body == "受け付けました\n\n----------\nReceived.");
}

TEST_CASE("a value's line breaks never split the subject, and a missing value names the placeholder", "[notifications]") {
    const TemplateText text{"件名: {{title}}", "{{title}}", "", ""};
    const auto message = rendered(text, {{"title", "一行目\r\n二行目"}});
    CHECK(message.subject == "件名: 一行目  二行目");
    CHECK(message.body == "一行目\r\n二行目");
    const auto missing = render(text, {});
    REQUIRE(std::holds_alternative<RenderError>(missing));
    CHECK(std::get<RenderError>(missing).message == "no value for {{title}}");
}

TEST_CASE("templates are refused for unknown or malformed placeholders and missing parts", "[notifications]") {
    const auto& created = event("ticket.created");
    CHECK(validate(created, {"{{ticket_number}}", "{{title}} {{url}}", "", ""}).empty());
    CHECK(validate(created, {"{{ticket_numbr}}", "ok", "", ""}) ==
          std::vector<FieldProblem>{{"subject_ja", "field.unknown_placeholder"}});
    CHECK(validate(created, {"ok", "{{title", "", ""}) ==
          std::vector<FieldProblem>{{"body_ja", "field.malformed_placeholder"}});
    CHECK(validate(created, {"ok", "{{ Title }}", "", ""}) ==
          std::vector<FieldProblem>{{"body_ja", "field.malformed_placeholder"}});
    CHECK(validate(created, {"", "", "", ""}) ==
          std::vector<FieldProblem>{{"subject_ja", "field.required"}, {"body_ja", "field.required"}});
    CHECK(validate(created, {"件名", "本文", "Subject", ""}) ==
          std::vector<FieldProblem>{{"body_en", "field.required"}});
    CHECK(validate(created, {"一行目\n二行目", "本文", "", ""}) ==
          std::vector<FieldProblem>{{"subject_ja", "field.control_character"}});
    CHECK(validate(created, {std::string(201, 'a'), "本文", "", ""}) ==
          std::vector<FieldProblem>{{"subject_ja", "field.too_long_200"}});
    // Braces that are not a placeholder's stay text.
    CHECK(validate(created, {"ok", "{ title } }}", "", ""}).empty());
}

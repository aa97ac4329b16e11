#include "tickets/ticket_form_view.hpp"

#include <imgui.h>

#include <vector>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "tickets/inquiry.hpp"
#include "tickets/priority.hpp"
#include "tickets/ticket_form.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {

namespace domain = madoguchi::tickets;
using i18n::Language;

void draw_ticket_form(App& app, TicketForm& form, Language language) {
    const auto& errors = form.errors();
    std::vector<std::string> kind_labels;
    int kind = 0;
    for (std::size_t i = 0; i < form.kinds().size(); ++i) {
        kind_labels.push_back(i18n::text(domain::kind_label_key(form.kinds()[i]), language));
        if (form.kinds()[i] == form.kind) kind = static_cast<int>(i);
    }
    if (form_choice({i18n::text("ticket_desk.column.kind", language), true, errors.field("kind", language), {}},
                    kind_labels, kind, language)) {
        form.kind = form.kinds()[static_cast<std::size_t>(kind)];
    }
    form_text_field({i18n::text("ticket_desk.label.requester_login", language), false,
                     errors.field("requester_login", language), i18n::text("ticket_desk.hint.requester_login", language)},
                    form.requester_login, language);
    form_text_field({i18n::text("ticket_desk.label.title", language), true, errors.field("title", language), {}},
                    form.title, language);
    TextFieldOptions multiline;
    multiline.multiline = true;
    multiline.visible_lines = 6;
    form_text_field({i18n::text("ticket_desk.label.body", language), true, errors.field("body", language), {}}, form.body,
                    language, multiline);
    std::vector<std::string> categories;
    std::vector<std::string> category_labels;
    int category = -1;
    for (const auto name : domain::inquiry_categories()) {
        if (name == form.category) category = static_cast<int>(categories.size());
        categories.emplace_back(name);
        category_labels.push_back(i18n::text("tickets.category." + std::string(name), language));
    }
    if (form_choice({i18n::text("ticket_desk.label.category", language), true, errors.field("category", language), {}},
                    category_labels, category, language)) {
        form.category = categories[static_cast<std::size_t>(category)];
    }
    // The first choice leaves the priority to the desk's default (one person, medium urgency).
    std::vector<std::string> priorities{""};
    std::vector<std::string> priority_labels{i18n::text("ticket_desk.priority.default", language)};
    int priority = 0;
    for (const auto value : domain::priorities()) {
        if (domain::priority_name(value) == form.priority) priority = static_cast<int>(priorities.size());
        priorities.emplace_back(domain::priority_name(value));
        priority_labels.push_back(i18n::text(domain::priority_label_key(value), language));
    }
    if (form_choice({i18n::text("ticket_desk.column.priority", language), false, errors.field("priority", language), {}},
                    priority_labels, priority, language)) {
        form.priority = priorities[static_cast<std::size_t>(priority)];
    }
    draw_alert(errors.general(language));
    ImGui::BeginDisabled(form.busy());
    if (ImGui::Button(t("ticket_desk.create.submit", language))) form.submit(app.api());
    ImGui::EndDisabled();
}

}  // namespace madoguchi::client

#include "tickets/ticket_form_view.hpp"

#include <imgui.h>

#include <array>
#include <vector>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "tickets/inquiry.hpp"
#include "tickets/priority.hpp"
#include "tickets/ticket_form.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {

namespace domain = madoguchi::tickets;
using i18n::Language;

namespace {

// One choice over an enum's values, labelled from the catalog; true when the user chose.
template <typename Value, typename Values, typename LabelKey>
bool enum_choice(const std::string& label, const FormErrors& errors, const char* field, const Values& values,
                 LabelKey label_key, Value& value, Language language) {
    std::vector<std::string> labels;
    int selected = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        labels.push_back(i18n::text(label_key(values[i]), language));
        if (values[i] == value) selected = static_cast<int>(i);
    }
    if (!form_choice({label, true, errors.field(field, language), {}}, labels, selected, language)) return false;
    value = values[static_cast<std::size_t>(selected)];
    return true;
}

// 影響度 and 緊急度, and the 優先度 that follows from them as the server will compute it.
void draw_priority_inputs(TicketForm& form, Language language) {
    static constexpr std::array impacts{domain::Impact::widespread, domain::Impact::division, domain::Impact::individual};
    static constexpr std::array urgencies{domain::Urgency::high, domain::Urgency::medium, domain::Urgency::low};
    const auto& errors = form.errors();
    enum_choice(i18n::text("notifications_inbox.form.impact", language), errors, "impact", impacts,
                domain::impact_label_key, form.impact, language);
    enum_choice(i18n::text("notifications_inbox.form.urgency", language), errors, "urgency", urgencies,
                domain::urgency_label_key, form.urgency, language);
    const auto priority = fill_template(i18n::text("notifications_inbox.form.priority", language),
                                        {{"priority", i18n::text(domain::priority_label_key(form.priority()), language)}});
    ImGui::TextUnformatted(priority.c_str());
    report_last_item(priority, "status");
}

}  // namespace

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
    draw_priority_inputs(form, language);
    draw_alert(errors.general(language));
    ImGui::BeginDisabled(form.busy());
    if (ImGui::Button(t("ticket_desk.create.submit", language))) form.submit(app.api());
    ImGui::EndDisabled();
}

}  // namespace madoguchi::client

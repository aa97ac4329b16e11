#include "configuration/item_form_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

struct TextMember {
    const char* label_key;
    const char* field;
    std::string configuration::ItemFields::*member;
    bool required = false;
    bool multiline = false;
};

constexpr TextMember text_members[] = {
    {"configuration.column.name", "name", &configuration::ItemFields::name, true},
    {"configuration.label.description", "description", &configuration::ItemFields::description, false, true},
    {"configuration.label.owner_division", "owner_division", &configuration::ItemFields::owner_division},
    {"configuration.column.vendor", "vendor", &configuration::ItemFields::vendor},
    {"configuration.label.product_version", "product_version", &configuration::ItemFields::product_version},
};

void draw_fields(const configuration::ItemFields& fields, Language language) {
    const auto line = [&](const char* label_key, const std::string& value) {
        auto text = i18n::text(label_key, language);
        text.append("：").append(value);
        ImGui::TextWrapped("%s", text.c_str());
        report_last_item(text, "text");
    };
    line("configuration.column.kind", i18n::text(configuration::kind_label_key(fields.kind), language));
    for (const auto& member : text_members) line(member.label_key, fields.*member.member);
}

void kind_choice(configuration::ItemFields& values, const FormErrors& errors, Language language) {
    const std::vector<std::string> labels{i18n::text(configuration::kind_label_key(configuration::ItemKind::service), language),
                                          i18n::text(configuration::kind_label_key(configuration::ItemKind::software), language)};
    int selected = values.kind == configuration::ItemKind::software ? 1 : 0;
    const auto error = errors.field("kind", language);
    if (form_choice({i18n::text("configuration.column.kind", language), true, error, {}}, labels, selected, language)) {
        values.kind = selected == 1 ? configuration::ItemKind::software : configuration::ItemKind::service;
    }
}

}  // namespace

void draw_item_overview(App& app, ItemPane& pane, bool may_edit, Language language) {
    auto& editor = pane.editor;
    if (editor.entry() == nullptr) return;
    if (editor.stale()) draw_alert(i18n::text("configuration.stale_version", language));
    if (!may_edit) {
        draw_fields(editor.entry()->item.fields, language);
        return;
    }
    auto& values = editor.values();
    const auto& errors = editor.errors();
    kind_choice(values, errors, language);
    for (const auto& member : text_members) {
        TextFieldOptions options;
        options.multiline = member.multiline;
        options.visible_lines = 4;
        const auto error = errors.field(member.field, language);
        form_text_field({i18n::text(member.label_key, language), member.required, error, {}}, values.*member.member,
                        language, options);
    }
    draw_alert(errors.general(language));
    ImGui::BeginDisabled(editor.busy() || !editor.changed());
    if (ImGui::Button(t("configuration.save", language))) editor.save(app.api());
    ImGui::EndDisabled();
}

}  // namespace madoguchi::client

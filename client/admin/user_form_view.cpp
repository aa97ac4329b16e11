#include "admin/user_form_view.hpp"

#include <imgui.h>

#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

void draw_field_error(const std::string& error) {
    if (error.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
    ImGui::TextWrapped("%s", error.c_str());
    ImGui::PopStyleColor();
    report_last_item(error, "alert");
}

}  // namespace

std::vector<std::string> division_labels(const Divisions& divisions, i18n::Language language) {
    std::vector<std::string> labels;
    for (const auto& entry : divisions.tree()) {
        std::string label;
        for (int level = 0; level < entry.depth; ++level) label += "　";
        label += divisions.name_of(entry.code, language);
        labels.push_back(std::move(label));
    }
    return labels;
}

bool draw_user_fields(UserFormValues& values, const FormErrors& errors, const Divisions& divisions, bool creating,
                      i18n::Language language) {
    bool changed = false;
    if (creating) {
        const auto error = errors.field("login", language);
        changed |= form_text_field({i18n::text("admin.field.login", language), true, error,
                                    i18n::text("admin.field.login_hint", language)},
                                   values.login, language)
                       .changed;
    }
    const auto name_error = errors.field("name", language);
    changed |= form_text_field({i18n::text("admin.field.name", language), true, name_error, {}}, values.name, language).changed;
    const auto kana_error = errors.field("name_kana", language);
    changed |= form_text_field({i18n::text("admin.field.name_kana", language), false, kana_error,
                                i18n::text("admin.field.name_kana_hint", language)},
                               values.name_kana, language)
                   .changed;

    const auto labels = division_labels(divisions, language);
    int division = divisions.index_of(values.division_code);
    const auto division_error = errors.field("division_code", language);
    if (form_choice({i18n::text("admin.field.division", language), true, division_error, {}}, labels, division, language)) {
        values.division_code = divisions.tree()[static_cast<std::size_t>(division)].code;
        changed = true;
    }

    ImGui::TextUnformatted(t("admin.field.roles", language));
    const auto roles = identity::all_roles();
    for (std::size_t i = 0; i < roles.size() && i < values.roles.size(); ++i) {
        if (i % 4 != 0) ImGui::SameLine();
        changed |= ImGui::Checkbox(t(identity::role_label_key(roles[i]), language), &values.roles[i]);
        annotate_last_item("checkbox", values.roles[i] ? "true" : "false");
    }
    draw_field_error(errors.field("roles", language));
    ImGui::Spacing();

    if (values.has(identity::Role::vendor)) {
        const auto error = errors.field("vendor_company", language);
        changed |= form_text_field({i18n::text("admin.field.vendor_company", language), true, error, {}},
                                   values.vendor_company, language)
                       .changed;
    }
    const auto email_error = errors.field("email", language);
    changed |= form_text_field({i18n::text("admin.field.email", language), false, email_error, {}}, values.email, language).changed;
    return changed;
}

void draw_user_value(std::string_view label_key, const std::string& value, i18n::Language language) {
    std::string line = i18n::text(label_key, language);
    line += language == i18n::Language::ja ? "：" : ": ";
    line += value.empty() ? "—" : value;
    ImGui::TextWrapped("%s", line.c_str());
    report_last_item(line, "text");
}

}  // namespace madoguchi::client

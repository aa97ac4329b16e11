#include "inventory/import_wizard_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/app.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/progress.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using inventory::LedgerTable;

void status_line(const std::string& text) {
    ImGui::TextWrapped("%s", text.c_str());
    report_last_item(text, "status");
}

void draw_table_choice(ImportWizard& wizard, Language language) {
    ImGui::TextUnformatted(t("import.table", language));
    report_last_item(i18n::text("import.table", language), "heading");
    ImGui::BeginDisabled(wizard.busy());
    const std::pair<LedgerTable, const char*> tables[] = {{LedgerTable::devices, "import.table.devices"},
                                                          {LedgerTable::device_models, "import.table.device_models"},
                                                          {LedgerTable::locations, "import.table.locations"}};
    for (const auto& [table, key] : tables) {
        ImGui::SameLine();
        if (ImGui::RadioButton(t(key, language), wizard.table() == table)) wizard.choose_table(table);
    }
    ImGui::EndDisabled();
}

void draw_file_pick(App& app, ImportWizard& wizard, Language language) {
    ImGui::TextWrapped("%s", t("import.hint", language));
    ImGui::BeginDisabled(wizard.busy() || !app.can_pick_files());
    if (ImGui::Button(t("import.pick", language))) {
        auto& api = app.api();
        app.pick_file(".csv,text/csv", [&wizard, &api](std::optional<PickedFile> file) {
            if (file) wizard.check_file(api, std::move(file->name), std::move(file->bytes));
        });
    }
    ImGui::EndDisabled();
    if (!wizard.file_name().empty()) {
        ImGui::SameLine();
        status_line(fill_template(i18n::text("import.file", language), {{"name", wizard.file_name()}}));
    }
}

void draw_problems(const ImportCheck& check, Language language) {
    status_line(fill_template(i18n::text("import.problems", language), {{"count", std::to_string(check.problems.size())}}));
    const auto rows = static_cast<float>(std::min<std::size_t>(check.problems.size(), 8) + 1);
    if (!ImGui::BeginTable("import_problems", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg,
                           ImVec2(0.0F, ImGui::GetFrameHeightWithSpacing() * rows + 4.0F))) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const auto* key : {"import.column.line", "import.column.column", "import.column.value", "import.column.message"}) {
        ImGui::TableSetupColumn(t(key, language));
    }
    ImGui::TableHeadersRow();
    for (const auto& problem : check.problems) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%zu", problem.line);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(problem.column.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(problem.value.c_str());
        ImGui::TableNextColumn();
        const auto& message = problem.message(language);
        ImGui::TextUnformatted(message.c_str());
        // One item per problem, as a screen reader would read the row.
        report_last_item(std::to_string(problem.line) + " " + problem.column + " " + problem.value + " " + message, "row");
    }
    ImGui::EndTable();
}

void draw_preview(const ImportCheck& check, LedgerTable table, Language language) {
    if (check.preview.empty()) return;
    ImGui::TextUnformatted(
        fill_template(i18n::text("import.preview", language), {{"count", std::to_string(check.preview.size())}}).c_str());
    const auto columns = preview_columns(table);
    if (!ImGui::BeginTable("import_preview", static_cast<int>(columns.size()) + 2,
                           ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg,
                           ImVec2(0.0F, std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFrameHeightWithSpacing() * 8.0F)))) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(t("import.column.line", language));
    ImGui::TableSetupColumn(t("import.column.action", language));
    for (const auto& column : columns) ImGui::TableSetupColumn(t(column.label_key, language));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(check.preview.size()));
    while (clipper.Step()) {
        for (int index = clipper.DisplayStart; index < clipper.DisplayEnd; ++index) {
            const auto& row = check.preview[static_cast<std::size_t>(index)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%zu", row.line);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(t("import.action." + row.action, language));
            std::string spoken = std::to_string(row.line) + " " + i18n::text("import.action." + row.action, language);
            for (std::size_t column = 0; column < row.values.size() && column < columns.size(); ++column) {
                const auto text = preview_cell_text(columns[column].member, row.values[column], language);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(text.c_str());
                if (!text.empty()) spoken += " " + text;
            }
            report_last_item(spoken, "row");
        }
    }
    ImGui::EndTable();
}

void draw_result(App& app, ImportWizard& wizard, Language language) {
    const auto& check = wizard.check();
    status_line(fill_template(i18n::text("import.summary", language), {{"creates", std::to_string(check.creates)},
                                                                        {"updates", std::to_string(check.updates)},
                                                                        {"unchanged", std::to_string(check.unchanged)}}));
    if (!check.problems.empty()) {
        draw_problems(check, language);
    } else {
        status_line(i18n::text(wizard.can_commit() ? "import.ready" : "import.nothing", language));
    }
    ImGui::BeginDisabled(!wizard.can_commit());
    if (ImGui::Button(t("import.commit", language))) wizard.commit(app.api());
    ImGui::EndDisabled();
    draw_preview(check, wizard.table(), language);
}

}  // namespace

void draw_import_wizard(App& app, InventoryPage& page) {
    const auto language = app.preferences().language;
    auto& wizard = page.import_wizard;
    ImGui::TextUnformatted(t("import.title", language));
    report_last_item(i18n::text("import.title", language), "heading");
    ImGui::SameLine();
    ImGui::BeginDisabled(wizard.busy());
    if (ImGui::Button(t("import.close", language))) wizard.close();
    ImGui::EndDisabled();
    ImGui::Separator();
    draw_table_choice(wizard, language);
    draw_file_pick(app, wizard, language);
    ImGui::Spacing();
    switch (wizard.step()) {
        case ImportWizard::Step::choose_table: break;
        case ImportWizard::Step::checking:
            draw_progress(t("import.checking", language), wizard.progress(), false, language);
            break;
        case ImportWizard::Step::committing:
            draw_progress(t("import.committing", language), wizard.progress(), false, language);
            break;
        case ImportWizard::Step::failed: status_line(wizard.failure(language)); break;
        case ImportWizard::Step::checked: draw_result(app, wizard, language); break;
    }
}

}  // namespace madoguchi::client

#include "lending/kitting_tasks_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/data_table.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using Clock = std::chrono::steady_clock;

void draw_item(App& app, KittingTasks& tasks, const KittingTaskRecord& task, const KittingItem& item, Language language) {
    ImGui::PushID(item.key.c_str());
    if (item.step == "master_image" && !item.done && task.state == "open") {
        form_text_field(FieldFrame{i18n::text("lending_desk.kitting.master_version", language), true, {}, {}},
                        tasks.master_version, language);
    }
    bool done = item.done;
    ImGui::BeginDisabled(tasks.changing() || task.state != "open");
    if (ImGui::Checkbox(kitting_item_text(item, language).c_str(), &done)) {
        if (done) {
            tasks.tick(app.api(), item.key);
        } else {
            tasks.untick(app.api(), item.key);
        }
    }
    ImGui::EndDisabled();
    if (item.done) {
        ImGui::SameLine();
        std::string who = item.done_by;
        if (const auto instant = calendar::parse_iso8601(item.done_at).instant) {
            who += ' ';
            who += format_display_time(*instant, language, app.preferences().wareki);
        }
        ImGui::TextDisabled("%s", who.c_str());
    }
    ImGui::PopID();
}

void draw_detail(App& app, KittingTasks& tasks, const KittingTaskRecord& task, Language language) {
    const auto heading = fill_template(i18n::text("lending_desk.kitting.detail", language),
                                       {{"tag", task.asset_tag},
                                        {"class", class_name(task.class_code, language)},
                                        {"state", i18n::text("lending_desk.kitting.state." + task.state, language)}});
    draw_heading(heading);
    draw_status(task.kind == "loan" ? fill_template(i18n::text("lending_desk.kitting.for_loan", language),
                                                    {{"number", task.request_number}})
                                    : i18n::text("lending_desk.kitting.rekitting", language));
    if (task.needs_master()) {
        const auto current = app.lending_page().masters.current(task.class_code);
        const auto applied = task.master_image_version
                                 ? fill_template(i18n::text("lending_desk.kitting.master_applied", language),
                                                 {{"version", std::to_string(*task.master_image_version)}})
                                 : i18n::text("lending_desk.kitting.master_not_applied", language);
        draw_status(applied);
        draw_status(current ? fill_template(i18n::text("lending_desk.kitting.master_current", language),
                                            {{"version", std::to_string(current->version)}})
                            : i18n::text("lending_desk.kitting.no_master", language));
        if (current && tasks.master_version.empty() && !task.master_image_version) {
            tasks.master_version = std::to_string(current->version);
        }
    }
    ImGui::Separator();
    for (const auto& item : task.items) draw_item(app, tasks, task, item, language);
    draw_alert(tasks.change_error(language));
    if (task.state == "done") {
        draw_status(i18n::text(task.kind == "loan" ? "lending_desk.kitting.ready" : "lending_desk.kitting.back_in_stock", language));
    }
}

}  // namespace

void draw_kitting_tasks(App& app) {
    auto& page = app.lending_page();
    auto& tasks = page.kitting;
    const auto language = app.preferences().language;
    tasks.set_language(language);
    if (const auto finished = tasks.take_finished(); !finished.empty()) {
        app.toasts().show(ToastKind::success, "lending_desk.kitting.finished", Clock::now(), finished);
    }
    if (ImGui::Button(t("lending_client.reload", language))) {
        tasks.load(app.api());
        page.masters.load(app.api());
    }
    if (tasks.state() == KittingTasks::State::failed) {
        if (draw_error_state(error_text(tasks.error(), language), language)) tasks.load(app.api());
        return;
    }
    if (tasks.state() == KittingTasks::State::loading && tasks.rows().empty()) {
        draw_loading_state(language);
        return;
    }
    const float detail_width = tasks.opened() != nullptr ? ImGui::GetContentRegionAvail().x * 0.5F : 0.0F;
    ImGui::BeginChild("kitting_table", ImVec2(-detail_width, 0.0F));
    DataTableOptions options;
    options.empty_message_key = "lending_desk.kitting.empty";
    draw_data_table("kitting_tasks", tasks.table(), options, language);
    ImGui::EndChild();
    if (const auto row = tasks.table().current_row(); row && *row < tasks.rows().size()) tasks.open(tasks.rows()[*row].id);
    if (const auto* opened = tasks.opened()) {
        ImGui::SameLine();
        ImGui::BeginChild("kitting_detail", ImVec2(0.0F, 0.0F), true);
        const auto task = *opened;  // a tick replaces the row while it is drawn
        draw_detail(app, tasks, task, language);
        ImGui::EndChild();
    }
}

}  // namespace madoguchi::client

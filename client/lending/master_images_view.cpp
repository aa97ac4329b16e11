#include "lending/master_images_view.hpp"

#include <imgui.h>

#include <vector>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/date_picker.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using identity::Role;
using Clock = std::chrono::steady_clock;

void draw_class(const MasterImages& masters, const std::string& code, Language language, bool wareki) {
    draw_heading(class_name(code, language));
    const auto history = masters.history(code);
    if (history.empty()) {
        draw_status(i18n::text("lending_desk.master.none", language));
        return;
    }
    for (const auto& image : history) {
        const auto line = fill_template(i18n::text(image.current ? "lending_desk.master.current_line" : "lending_desk.master.line", language),
                                        {{"version", std::to_string(image.version)},
                                         {"released", format_display_date(image.released, language, wareki)}});
        ImGui::TextUnformatted(line.c_str());
        report_last_item(line, "listitem", image.current ? "current" : "");
        if (!image.notes.empty()) {
            ImGui::Indent();
            ImGui::TextWrapped("%s", image.notes.c_str());
            ImGui::Unindent();
        }
    }
}

void draw_publish(App& app, MasterImages& masters, Language language, const calendar::Date& today) {
    draw_heading(i18n::text("lending_desk.master.publish_heading", language));
    const auto classes = master_image_classes();
    std::vector<std::string> labels;
    int selected = -1;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        labels.push_back(class_name(classes[i], language));
        if (classes[i] == masters.class_code) selected = static_cast<int>(i);
    }
    const auto& errors = masters.errors();
    const auto class_error = errors.field("class", language);
    if (form_choice(FieldFrame{i18n::text("lending_desk.master.class", language), true, class_error, {}}, labels, selected, language)) {
        masters.class_code = classes[static_cast<std::size_t>(selected)];
    }
    if (!masters.class_code.empty()) {
        draw_status(fill_template(i18n::text("lending_desk.master.next_version", language),
                                  {{"version", std::to_string(masters.next_version())}}));
    }
    date_field(t("lending_desk.master.released", language), masters.released, language, app.preferences().wareki, today);
    draw_alert(errors.field("released", language));
    TextFieldOptions notes_options;
    notes_options.multiline = true;
    notes_options.visible_lines = 4;
    form_text_field(FieldFrame{i18n::text("lending_desk.master.notes", language), false, errors.field("notes", language), {}},
                    masters.notes, language, notes_options);
    ImGui::BeginDisabled(masters.publishing());
    if (ImGui::Button(t("lending_desk.master.publish", language))) masters.publish(app.api(), today);
    ImGui::EndDisabled();
    draw_alert(errors.general(language));
}

}  // namespace

void draw_master_images(App& app) {
    auto& masters = app.lending_page().masters;
    const auto language = app.preferences().language;
    const auto today = calendar::to_tokyo(calendar::now()).date;
    if (const auto published = masters.take_published()) {
        app.toasts().show(ToastKind::success, "lending_desk.master.published", Clock::now(),
                          class_name(published->class_code, language) + " v" + std::to_string(published->version));
    }
    if (ImGui::Button(t("lending_client.reload", language))) masters.load(app.api());
    if (masters.state() == MasterImages::State::failed) {
        if (draw_error_state(error_text(masters.error(), language), language)) masters.load(app.api());
        return;
    }
    if (masters.state() == MasterImages::State::loading && masters.images().empty()) {
        draw_loading_state(language);
        return;
    }
    const auto* user = app.session().user();
    const bool publishes =
        user != nullptr && (user->has(Role::desk_operator) || user->has(Role::it_office) || user->has(Role::admin));
    const float form_width = publishes ? ImGui::GetContentRegionAvail().x * 0.45F : 0.0F;
    ImGui::BeginChild("master_history", ImVec2(-form_width, 0.0F));
    for (const auto& code : master_image_classes()) draw_class(masters, code, language, app.preferences().wareki);
    ImGui::EndChild();
    if (publishes) {
        ImGui::SameLine();
        ImGui::BeginChild("master_publish", ImVec2(0.0F, 0.0F), true);
        draw_publish(app, masters, language, today);
        ImGui::EndChild();
    }
}

}  // namespace madoguchi::client

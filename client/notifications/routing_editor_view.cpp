#include "notifications/routing_editor_view.hpp"

#include <imgui.h>

#include <vector>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

// "role:it_office" reads as "役割：情報システム室"; other recipients by their kind's label.
std::string recipient_text(const std::string& recipient, Language language) {
    for (const auto& kind : recipient_kinds()) {
        if (!kind.takes_value && recipient == kind.name) return i18n::text(kind.label_key, language);
        if (kind.takes_value && recipient.starts_with(kind.name)) {
            auto value = recipient.substr(kind.name.size());
            if (kind.name == "role:") {
                if (const auto role = identity::parse_role(value)) value = i18n::text(identity::role_label_key(*role), language);
            }
            return i18n::text(kind.label_key, language) + "：" + value;
        }
    }
    return recipient;
}

// メール and アプリ内通知 for a recipient naming users; the only one ticked cannot be cleared
// (a recipient told no way is removed instead).
void draw_channels(RoutingEditor& editor, std::size_t route, std::size_t index, Language language) {
    const auto& draft = editor.routes()[route].recipients[index];
    if (!notifications::names_users(draft.recipient)) return;
    for (const auto channel : notifications::all_route_channels()) {
        const auto key = std::string("notifications_inbox.routing.channel.").append(notifications::route_channel_name(channel));
        bool on = draft.channels.has(channel);
        auto without = draft.channels;
        without.set(channel, false);
        ImGui::SameLine();
        ImGui::BeginDisabled(on && !without.any());
        const bool changed = ImGui::Checkbox(t(key, language), &on);
        ImGui::EndDisabled();
        annotate_last_item("checkbox", on ? "true" : "false");
        if (changed) editor.set_channel(route, index, channel, on);
    }
}

void draw_route(RoutingEditor& editor, std::size_t index, Language language) {
    const auto& route = editor.routes()[index];
    ImGui::PushID(static_cast<int>(index));
    const auto event_label = i18n::text("notifications_inbox.event." + route.event, language);
    ImGui::TextUnformatted(event_label.c_str());
    report_last_item(event_label, "heading");
    draw_alert(editor.errors().field("routes[" + std::to_string(index) + "].event", language));
    if (route.recipients.empty()) {
        ImGui::TextDisabled("%s", t("notifications_inbox.routing.nobody", language));
        report_last_item(i18n::text("notifications_inbox.routing.nobody", language), "text", route.event);
    }
    for (std::size_t i = 0; i < route.recipients.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const auto text = recipient_text(route.recipients[i].recipient, language);
        ImGui::BulletText("%s", text.c_str());
        report_last_item(text, "listitem", route.event);
        draw_channels(editor, index, i, language);
        ImGui::SameLine();
        const bool removed = ImGui::SmallButton(t("notifications_inbox.routing.remove", language));
        draw_alert(editor.errors().field(RoutingEditor::recipient_field(index, i), language));
        ImGui::PopID();
        if (removed) {
            editor.remove_recipient(index, i);
            break;
        }
    }
    auto& typed = editor.new_recipients()[index];
    std::vector<std::string> kind_labels;
    for (const auto& kind : recipient_kinds()) kind_labels.push_back(i18n::text(kind.label_key, language));
    form_choice({i18n::text("notifications_inbox.routing.kind", language), false, {}, {}}, kind_labels, typed.kind, language);
    if (recipient_kinds()[static_cast<std::size_t>(typed.kind)].takes_value) {
        form_text_field({i18n::text("notifications_inbox.routing.value", language), false, {},
                         i18n::text("notifications_inbox.routing.value_hint", language)},
                        typed.value, language);
    }
    if (ImGui::Button(t("notifications_inbox.routing.add", language))) editor.add_new_recipient(index);
    ImGui::Separator();
    ImGui::PopID();
}

}  // namespace

void draw_routing_editor_page(App& app) {
    auto& editor = app.routing_editor();
    const auto language = app.preferences().language;
    if (editor.state() == RoutingEditor::State::idle) editor.load(app.api());
    if (editor.take_saved()) app.toasts().show(ToastKind::success, "notifications_inbox.routing.saved", Toasts::Clock::now());
    ImGui::TextUnformatted(t("notifications_inbox.routing.title", language));
    report_last_item(i18n::text("notifications_inbox.routing.title", language), "heading");
    if (editor.state() == RoutingEditor::State::failed) {
        if (draw_error_state(error_text(editor.load_error(), language), language)) editor.load(app.api());
        return;
    }
    if (editor.state() != RoutingEditor::State::loaded) {
        draw_loading_state(language);
        return;
    }
    ImGui::BeginDisabled(!editor.dirty() || editor.saving());
    if (ImGui::Button(t("notifications_inbox.routing.save", language))) editor.save(app.api());
    ImGui::SameLine();
    if (ImGui::Button(t("notifications_inbox.routing.undo", language))) editor.undo();
    ImGui::EndDisabled();
    if (editor.dirty()) {
        ImGui::SameLine();
        draw_status(i18n::text("notifications_inbox.routing.unsaved", language));
    }
    draw_alert(editor.errors().general(language));
    ImGui::Separator();
    ImGui::BeginChild("routing_routes", ImVec2(0.0F, 0.0F), false);
    for (std::size_t i = 0; i < editor.routes().size(); ++i) draw_route(editor, i, language);
    ImGui::EndChild();
}

}  // namespace madoguchi::client

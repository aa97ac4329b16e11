#include "placement/placement_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/app.hpp"
#include "placement/request_case_view.hpp"
#include "placement/request_form_view.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void follow_results(App& app, PlacementPage& page) {
    const auto now = Toasts::Clock::now();
    if (const auto created = page.form.take_created()) {
        page.form_open = false;
        app.toasts().show(ToastKind::success, "placement.created", now);
        page.board.reload(app.api());
        page.opened.open(app.api(), *created);
    }
    if (page.opened.take_stale()) app.toasts().show(ToastKind::failure, "placement.stale", now);
    if (page.opened.take_changed()) page.board.reload(app.api());
}

void draw_list(App& app, PlacementPage& page, Language language) {
    auto& board = page.board;
    if (board.state() == PlacementBoard::State::failed) {
        if (draw_error_state(board.error_text(language), language)) board.reload(app.api());
        return;
    }
    // While a reload is on its way the rows read last stay, so a row can still be chosen.
    if (board.requests().empty()) {
        if (board.state() == PlacementBoard::State::loaded) {
            draw_empty_state("placement.empty", {}, language);
        } else {
            draw_loading_state(language);
        }
        return;
    }
    const auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("placement_requests", 3, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(t("placement.column.number", language));
    ImGui::TableSetupColumn(t("placement.column.summary", language));
    ImGui::TableSetupColumn(t("placement.column.state", language));
    ImGui::TableHeadersRow();
    for (const auto& request : board.requests()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const bool selected = page.opened.id() == request.id && !page.form_open;
        if (ImGui::Selectable(request.number.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
            page.form_open = false;
            page.opened.open(app.api(), request.id);
        }
        report_last_item(request.number, "table-row");
        annotate_last_item("table-row", selected ? "selected" : "");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(PlacementBoard::summary(request, language).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t(placement::state_label_key(request.state), language));
    }
    ImGui::EndTable();
}

}  // namespace

bool may_request_placement(const CurrentUser& user) { return user.has_any({Role::manager, Role::desk_operator}); }

void draw_placement_page(App& app, calendar::Instant now) {
    auto& page = app.placement_page();
    const auto language = app.preferences().language;
    const auto* user = app.session().user();
    if (user == nullptr) return;
    app.divisions().load(app.api());
    if (!page.started) {
        page.started = true;
        page.board.reload(app.api());
    }
    follow_results(app, page);

    if (may_request_placement(*user)) {
        if (ImGui::Button(t("placement.new", language))) {
            page.form_open = true;
            page.opened.close();
            page.form.start(app.api(), *user, calendar::to_tokyo(now).date, language);
        }
        ImGui::SameLine();
    }
    if (ImGui::Button(t("placement.reload", language))) page.reload(app.api());
    if (user->has(Role::vendor) && !user->has_any({Role::desk_operator, Role::admin})) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", t("placement.vendor_tasks", language));
        report_last_item(i18n::text("placement.vendor_tasks", language), "status");
    }

    const bool pane = page.form_open || page.opened.id() != 0;
    const float list_width = pane ? ImGui::GetContentRegionAvail().x * 0.42F : 0.0F;
    ImGui::BeginChild("placement_list", ImVec2(list_width, 0.0F), false);
    draw_list(app, page, language);
    ImGui::EndChild();
    if (!pane) return;
    ImGui::SameLine();
    ImGui::BeginChild("placement_pane", ImVec2(0.0F, 0.0F), true);
    if (page.form_open) {
        draw_request_form(app, page, now);
    } else {
        draw_request_case(app, page, now);
    }
    ImGui::EndChild();
}

}  // namespace madoguchi::client

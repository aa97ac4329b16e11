#include "telemetry/toner_board_view.hpp"

#include <imgui.h>

#include "api/form_errors.hpp"
#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "telemetry/toner_board.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using telemetry::OrderState;
using Clock = std::chrono::steady_clock;

std::string colour_text(const std::string& colour, Language language) {
    const auto key = "telemetry.colour." + colour;
    return i18n::has_key(key) ? i18n::text(key, language) : colour;
}

std::string move_label_key(OrderState to) { return "telemetry_office.toner.move." + std::string(telemetry::order_state_name(to)); }

void cell(const std::string& text, std::string_view role = "text") {
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", text.c_str());
    report_last_item(text, role);
}

void draw_row(App& app, TonerBoard& board, const TonerOrder& order, bool show_vendor, calendar::Instant now, Language language) {
    ImGui::TableNextRow();
    ImGui::PushID(static_cast<int>(order.id));
    // One item per order for the page's readers: tag and colour, valued with the state.
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(order.asset_tag.c_str());
    report_last_item(order.asset_tag + " " + colour_text(order.colour, language), "listitem", telemetry::order_state_name(order.state));
    cell(colour_text(order.colour, language));
    std::string level = order.level_at_order ? std::to_string(*order.level_at_order) + "%" : "—";
    cell(level);
    cell(order.delivery_address.empty() ? i18n::text("telemetry_office.toner.no_address", language) : order.delivery_address);
    cell(order.contact);
    if (show_vendor) cell(order.vendor_company);
    cell(order_age_text(order, now, language));
    if (order.created_at && ImGui::IsItemHovered()) {
        const auto at = format_display_time(*order.created_at, language, app.preferences().wareki);
        ImGui::SetTooltip("%s", fill_template(i18n::text("telemetry_office.toner.ordered_at", language), {{"at", at}}).c_str());
    }
    ImGui::TableNextColumn();
    const auto* user = app.session().user();
    if (user != nullptr) {
        if (const auto to = TonerBoard::action_for(order, user->roles)) {
            ImGui::BeginDisabled(board.moving());
            if (ImGui::Button(t(move_label_key(*to), language))) board.move(app.api(), order.id, *to);
            ImGui::EndDisabled();
        }
    }
    // A refusal stays beside the order it concerns.
    if (board.refused_order() == order.id) draw_alert(board.move_error(language));
    ImGui::PopID();
}

void draw_group(App& app, TonerBoard& board, const TonerGroup& group, bool show_vendor, calendar::Instant now, Language language) {
    draw_heading(fill_template(i18n::text("telemetry_office.toner.group", language),
                               {{"state", i18n::text(telemetry::order_state_label_key(group.state), language)},
                                {"count", std::to_string(group.orders.size())}}));
    if (group.orders.empty()) {
        ImGui::TextDisabled("%s", t("telemetry_office.toner.group_empty", language));
        return;
    }
    const int columns = show_vendor ? 8 : 7;
    const auto id = "toner_" + std::string(telemetry::order_state_name(group.state));
    if (!ImGui::BeginTable(id.c_str(), columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        return;
    }
    for (const auto* key : {"telemetry_office.toner.column.device", "telemetry_office.toner.column.colour",
                            "telemetry_office.toner.column.level", "telemetry_office.toner.column.address",
                            "telemetry_office.toner.column.contact"}) {
        ImGui::TableSetupColumn(t(key, language));
    }
    if (show_vendor) ImGui::TableSetupColumn(t("telemetry_office.toner.column.vendor", language));
    ImGui::TableSetupColumn(t("telemetry_office.toner.column.age", language));
    ImGui::TableSetupColumn(t("telemetry_office.toner.column.action", language));
    ImGui::TableHeadersRow();
    for (const auto* order : group.orders) draw_row(app, board, *order, show_vendor, now, language);
    ImGui::EndTable();
}

}  // namespace

void draw_toner_board(App& app, TonerBoard& board) {
    const auto language = app.preferences().language;
    if (board.state() == TonerBoard::State::idle) board.load(app.api());
    if (const auto moved = board.take_moved()) {
        app.toasts().show(ToastKind::success, "telemetry_office.toner.moved", Clock::now(),
                          i18n::text(telemetry::order_state_label_key(moved->second), language));
    }
    if (ImGui::Button(t("telemetry_office.reload", language))) board.load(app.api());
    if (board.state() == TonerBoard::State::failed) {
        if (draw_error_state(error_text(board.error(), language), language)) board.load(app.api());
        return;
    }
    if (board.state() == TonerBoard::State::loading && board.orders().empty()) {
        draw_loading_state(language);
        return;
    }
    if (board.orders().empty()) {
        draw_empty_state("telemetry_office.toner.empty", {}, language);
        return;
    }
    if (board.open_not_shown() > 0) {
        draw_status(fill_template(i18n::text("telemetry_office.toner.more", language), {{"count", std::to_string(board.open_not_shown())}}));
    }
    // A vendor's orders are all its own company's: the column would say the same on every row.
    const auto* user = app.session().user();
    const bool show_vendor = user == nullptr || user->vendor_company.empty();
    const auto now = calendar::now();
    ImGui::BeginChild("toner_board");
    for (const auto& group : board.groups()) draw_group(app, board, group, show_vendor, now, language);
    ImGui::EndChild();
}

}  // namespace madoguchi::client

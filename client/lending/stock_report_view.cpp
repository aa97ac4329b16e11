#include "lending/stock_report_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/data_table.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using identity::Role;
using Clock = std::chrono::steady_clock;

void draw_minimums(App& app, StockReport& stock, Language language) {
    draw_heading(i18n::text("lending_desk.stock.minimums", language));
    draw_status(i18n::text("lending_desk.stock.minimums_hint", language));
    const auto& pools = stock.pools();
    for (std::size_t i = 0; i < pools.size() && i < stock.minimums.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        form_text_field(FieldFrame{pool_name(pools[i], language), false, {}, {}}, stock.minimums[i], language);
        ImGui::PopID();
    }
    ImGui::BeginDisabled(stock.saving());
    if (ImGui::Button(t("lending_desk.stock.save", language))) stock.save_thresholds(app.api());
    ImGui::EndDisabled();
    draw_alert(stock.save_error(language));
}

}  // namespace

void draw_stock_report(App& app) {
    auto& stock = app.lending_page().stock;
    const auto language = app.preferences().language;
    stock.set_language(language);
    if (stock.take_saved()) app.toasts().show(ToastKind::success, "lending_desk.stock.saved", Clock::now());
    if (ImGui::Button(t("lending_client.reload", language))) stock.load(app.api());
    if (stock.state() == StockReport::State::failed) {
        if (draw_error_state(error_text(stock.error(), language), language)) stock.load(app.api());
        return;
    }
    if (stock.state() == StockReport::State::loading && stock.pools().empty()) {
        draw_loading_state(language);
        return;
    }
    for (const auto* pool : stock.alerts()) draw_alert(pool_alert(*pool, language));
    const auto* user = app.session().user();
    const bool admin = user != nullptr && user->has(Role::admin);
    const float side_width = admin ? ImGui::GetContentRegionAvail().x * 0.35F : 0.0F;
    ImGui::BeginChild("stock_main", ImVec2(-side_width, 0.0F));
    DataTableOptions options;
    options.empty_message_key = "lending_desk.stock.empty";
    options.height = ImGui::GetFontSize() * 14.0F;
    draw_data_table("stock_pools", stock.table(), options, language);
    if (const auto* pool = stock.shown()) {
        draw_chart(ChartKind::line, pool_chart(*pool, language), ImGui::GetFontSize() * 12.0F, language);
    }
    ImGui::EndChild();
    if (admin) {
        ImGui::SameLine();
        ImGui::BeginChild("stock_minimums", ImVec2(0.0F, 0.0F), true);
        draw_minimums(app, stock, language);
        ImGui::EndChild();
    }
}

}  // namespace madoguchi::client

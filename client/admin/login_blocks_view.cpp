// ログイン制限: who is being held back after failed sign-ins, and 解除 for each.
#include <imgui.h>

#include "admin/user_admin_view.hpp"
#include "app/app.hpp"
#include "calendar/tokyo_time.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

std::string shown_time(const std::string& iso, i18n::Language language, bool wareki) {
    const auto instant = calendar::parse_iso8601(iso).instant;
    return instant ? format_display_time(*instant, language, wareki) : iso;
}

void cell(const std::string& text) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(text.c_str());
    report_last_item(text, "cell");
}

}  // namespace

void draw_login_blocks(App& app, UserAdminPage& page) {
    const auto language = app.preferences().language;
    const bool wareki = app.preferences().wareki;
    auto& blocks = page.blocks;
    if (blocks.state() == LoginBlocks::State::idle) blocks.load(app.api());
    if (ImGui::Button(t("admin.blocks.refresh", language))) blocks.load(app.api());
    switch (blocks.state()) {
        case LoginBlocks::State::idle:
        case LoginBlocks::State::loading:
            if (blocks.blocks().empty()) return draw_loading_state(language);
            break;
        case LoginBlocks::State::failed:
            if (draw_error_state(blocks.error_text(), language)) blocks.load(app.api());
            return;
        case LoginBlocks::State::loaded:
            break;
    }
    if (blocks.blocks().empty()) {
        draw_empty_state("admin.blocks.empty", {}, language);
        return;
    }
    constexpr auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("login_blocks", 5, flags)) return;
    for (const char* key : {"admin.blocks.key", "admin.blocks.failures", "admin.blocks.last_failure", "admin.blocks.until", ""}) {
        ImGui::TableSetupColumn(key[0] == '\0' ? "" : t(key, language));
    }
    ImGui::TableHeadersRow();
    for (const auto& block : blocks.blocks()) {
        ImGui::PushID(block.key.c_str());
        cell(describe_block_key(block.key, language));
        cell(std::to_string(block.failures));
        cell(shown_time(block.last_failure_at, language, wareki));
        cell(block.blocked ? shown_time(block.blocked_until, language, wareki) : i18n::text("admin.blocks.not_blocked", language));
        ImGui::TableNextColumn();
        if (ImGui::SmallButton(t("admin.blocks.clear", language))) {
            page.pending = UserAdminPage::Pending::clear_block;
            page.pending_key = block.key;
            page.confirm.ask({i18n::text("admin.blocks.clear", language),
                              fill_template(i18n::text("admin.blocks.clear_confirm", language),
                                            {{"key", describe_block_key(block.key, language)}}),
                              i18n::text("admin.blocks.clear", language), i18n::text("identity.cancel", language), false});
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace madoguchi::client

#include <catch2/catch.hpp>

#include <cmath>

#include <imgui.h>

#include <functional>

#include "headless_imgui.hpp"
#include "kit/kit_charts.hpp"
#include "kit/kit_dates.hpp"
#include "kit/kit_dialogs.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

using namespace madoguchi;

namespace {

void frame(testing::HeadlessImGui& imgui, const std::function<void()>& draw) {
    imgui.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(0.0F, 0.0F));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("host", nullptr, ImGuiWindowFlags_NoDecoration);
        draw();
        ImGui::End();
        client::finish_item_frame();
    });
}

const client::ItemRecord* find_item(std::string_view label, std::string_view role = {}) {
    for (const auto& item : client::item_records()) {
        if (item.label == label && (role.empty() || item.role == role)) return &item;
    }
    return nullptr;
}

void click(testing::HeadlessImGui& imgui, const client::ItemRecord& item, const std::function<void()>& draw) {
    auto& io = ImGui::GetIO();
    io.MousePos = ImVec2(item.x + item.width / 2.0F, item.y + item.height / 2.0F);
    frame(imgui, draw);
    io.MouseDown[0] = true;
    frame(imgui, draw);
    io.MouseDown[0] = false;
    frame(imgui, draw);
    frame(imgui, draw);
}

// 2026-11-25T12:00+09:00
const calendar::Instant now = calendar::from_tokyo(calendar::Date{2026, 11, 25}, 12 * 3600);

}  // namespace

TEST_CASE("the gallery's calendar marks holidays and a clicked day becomes the value", "[kit][headless]") {
    testing::HeadlessImGui imgui(1280.0F, 900.0F);
    client::KitDates kit;
    const auto draw = [&] { client::draw_kit_dates(kit, i18n::Language::ja, false, now); };
    frame(imgui, draw);
    frame(imgui, draw);
    const auto* field = find_item("貸出日", "date");
    REQUIRE(field);
    CHECK(field->value.empty());
    const auto* open = find_item("カレンダー");
    REQUIRE(open);
    click(imgui, *open, draw);

    const auto* labour_day = find_item("2026-11-23", "day");
    REQUIRE(labour_day);
    CHECK(labour_day->value == "holiday");
    CHECK(find_item("2026-11-03", "day")->value == "holiday");
    CHECK(find_item("2026-11-28", "day")->value == "saturday");
    CHECK(find_item("2026-11-24", "day")->value.empty());
    CHECK(find_item("2026年11月", "heading"));

    click(imgui, *find_item("2026-11-24", "day"), draw);
    CHECK(kit.date.value() == calendar::Date{2026, 11, 24});
    CHECK(find_item("貸出日", "date")->value == "2026-11-24");
    CHECK_FALSE(find_item("2026-11-23", "day"));  // the calendar closed
    CHECK(find_item("選んだ日付：2026-11-24", "status"));
}

TEST_CASE("the bounded field's calendar disables days outside its range", "[kit][headless]") {
    testing::HeadlessImGui imgui(1280.0F, 900.0F);
    client::KitDates kit;
    const auto draw = [&] { client::draw_kit_dates(kit, i18n::Language::en, true, now); };
    frame(imgui, draw);
    frame(imgui, draw);
    const client::ItemRecord* last_open = nullptr;
    for (const auto& item : client::item_records()) {
        if (item.label == "Calendar") last_open = &item;
    }
    REQUIRE(last_open);
    click(imgui, *last_open, draw);
    // Today (11/25) is before the range: the calendar opens on its first day, December.
    REQUIRE(find_item("2026-12-01", "day"));
    CHECK(find_item("2026-12-01", "day")->enabled);
    CHECK_FALSE(find_item("2026-11-30", "day")->enabled);
    CHECK(find_item("2026-12-29", "day")->value == "closed");
}

TEST_CASE("the gallery's charts are reported with their titles and summaries in both themes", "[kit][headless]") {
    testing::HeadlessImGui imgui(1280.0F, 2400.0F);
    for (const auto theme : {client::Theme::standard, client::Theme::high_contrast}) {
        client::apply_style(1.0F, theme);
        const auto draw = [&] { client::draw_kit_charts(i18n::Language::ja); };
        frame(imgui, draw);
        frame(imgui, draw);
        const auto* loans = find_item("機器種別ごとの月別貸出件数", "chart");
        REQUIRE(loans);
        CHECK(loans->value.rfind("4系列・12項目、", 0) == 0);
        CHECK(loans->value.ends_with("、2026-06はデータなし"));
        // The gaps are left out, not drawn at a NaN position.
        bool every_vertex_placed = true;
        const auto* drawn = ImGui::GetDrawData();
        for (int list = 0; list < drawn->CmdListsCount; ++list) {
            for (const auto& vertex : drawn->CmdLists[list]->VtxBuffer) {
                every_vertex_placed = every_vertex_placed && std::isfinite(vertex.pos.x) && std::isfinite(vertex.pos.y);
            }
        }
        CHECK(every_vertex_placed);
        REQUIRE(find_item("フロア別トナー発注数", "chart"));
        REQUIRE(find_item("種別ごとの月別チケット件数", "chart"));
        CHECK(find_item("種別ごとの月別チケット件数", "chart")->value.find("合計") != std::string::npos);
        CHECK(find_item("データのないグラフ", "chart")->value == "表示するデータがありません");
        CHECK(find_item("業務用PC", "legend"));
    }
    client::apply_style(1.0F, client::Theme::standard);
}

TEST_CASE("the simulated operation counts, then works through its items to the end", "[kit]") {
    client::KitDialogs kit;
    kit.progress.start();
    for (int i = 0; i < client::KitDialogs::preparing_frames; ++i) client::step_simulated_operation(kit);
    CHECK_FALSE(kit.progress.determinate());
    client::step_simulated_operation(kit);
    CHECK(kit.progress.done() == client::KitDialogs::items_per_frame);
    for (int i = 0; i < 1000 && kit.progress.running(); ++i) client::step_simulated_operation(kit);
    CHECK(kit.progress.state() == client::ProgressState::finished);
    CHECK(kit.progress.done() == client::KitDialogs::items);
}

TEST_CASE("tabs are recorded where they are drawn, side by side", "[kit][headless][items]") {
    testing::HeadlessImGui imgui(1280.0F, 900.0F);
    const auto draw = [&] {
        ImGui::TextUnformatted("above");
        if (!ImGui::BeginTabBar("tabs")) return;
        if (ImGui::BeginTabItem("日付")) {
            for (int i = 0; i < 10; ++i) ImGui::Button(("content " + std::to_string(i)).c_str());
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("グラフ")) ImGui::EndTabItem();
        ImGui::EndTabBar();
    };
    frame(imgui, draw);
    frame(imgui, draw);
    const auto* first = find_item("日付");
    const auto* second = find_item("グラフ");
    REQUIRE(first);
    REQUIRE(second);
    CHECK(second->y == first->y);
    CHECK(second->x > first->x + first->width - 1.0F);
    CHECK(second->height == first->height);
}

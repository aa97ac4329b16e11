// The data table drawn headless with the gallery's 15,000 ledger rows, driven with the mouse
// and keyboard as a person would, read back through the items the frame recorded.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <set>
#include <string>
#include <vector>

#include "headless_imgui.hpp"
#include "kit/kit_table.hpp"
#include "kit/sample_ledger.hpp"
#include "ui/data_table.hpp"
#include "ui/item_registry.hpp"
#include "ui/key_map.hpp"
#include "ui/table_model.hpp"

using namespace madoguchi;
using client::ItemRecord;
using client::KitTableShown;
using client::KitTableState;
using i18n::Language;

namespace {

constexpr float screen_width = 1280.0F;
constexpr float screen_height = 800.0F;

struct TableScreen {
    testing::HeadlessImGui imgui{screen_width, screen_height};
    KitTableState state;
    Language language = Language::ja;

    void frames(int count = 2) {
        for (int i = 0; i < count; ++i) {
            imgui.frame([&] {
                ImGui::SetNextWindowPos(ImVec2(0.0F, 0.0F));
                ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
                ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
                client::draw_kit_table(state, language);
                ImGui::End();
                client::finish_item_frame();
            });
        }
    }

    static std::vector<ItemRecord> with_role(std::string_view role) {
        std::vector<ItemRecord> found;
        for (const auto& item : client::item_records()) {
            if (item.role == role) found.push_back(item);
        }
        return found;
    }

    static const ItemRecord* find(std::string_view label) {
        for (const auto& item : client::item_records()) {
            if (item.label == label) return &item;
        }
        return nullptr;
    }

    // The first row a person sees: rows partly hidden under the sticky header do not count.
    static std::string first_row() {
        const auto rows = with_role("table-row");
        const auto* header = find("資産番号");
        for (const auto& row : rows) {
            if (header == nullptr || row.y + row.height / 2.0F > header->y + header->height) return row.label;
        }
        return {};
    }

    bool has_status(std::string_view text) const {
        const auto* item = find(text);
        return item != nullptr && item->role == "status";
    }

    void click(const ItemRecord& item, bool ctrl = false, bool shift = false) {
        auto& io = ImGui::GetIO();
        io.MousePos = ImVec2(item.x + item.width / 2.0F, item.y + item.height / 2.0F);
        frames(1);
        io.KeyCtrl = ctrl;
        io.KeyShift = shift;
        io.MouseDown[0] = true;
        frames(1);
        io.MouseDown[0] = false;
        frames(1);
        io.KeyCtrl = false;
        io.KeyShift = false;
        frames(1);
    }

    void click(std::string_view label, bool ctrl = false, bool shift = false) {
        const auto* item = find(label);
        REQUIRE(item);
        click(ItemRecord(*item), ctrl, shift);
    }

    void press(int key) {
        auto& io = ImGui::GetIO();
        io.KeysDown[key] = true;
        frames(1);
        io.KeysDown[key] = false;
        frames(2);
    }

    const ItemRecord* row(std::string_view label) const {
        const auto* item = find(label);
        return item != nullptr && item->role == "table-row" ? item : nullptr;
    }
};

}  // namespace

TEST_CASE("the sample ledger is the same every time and uses every class, status and division", "[table][kit]") {
    const auto ledger = client::make_sample_ledger(KitTableState::sample_rows);
    REQUIRE(ledger.size() == 15000);
    CHECK(ledger.front().tag == "PC-000001");
    CHECK(ledger.back().tag == "PC-015000");
    const auto again = client::make_sample_ledger(KitTableState::sample_rows);
    CHECK(again[1234].acquired == ledger[1234].acquired);
    CHECK(again[1234].division == ledger[1234].division);
    std::vector<int> classes(client::sample_device_class_keys().size());
    std::vector<int> statuses(client::sample_status_keys().size());
    std::vector<int> divisions(client::sample_division_keys().size());
    for (const auto& asset : ledger) {
        ++classes[static_cast<std::size_t>(asset.device_class)];
        ++statuses[static_cast<std::size_t>(asset.status)];
        ++divisions[static_cast<std::size_t>(asset.division)];
        CHECK(calendar::is_valid(asset.acquired));
    }
    for (const auto count : classes) CHECK(count > 0);
    for (const auto count : statuses) CHECK(count > 0);
    for (const auto count : divisions) CHECK(count > 0);
    for (const auto& key : client::sample_division_keys()) CHECK(i18n::has_key(key));
    for (const auto& key : client::sample_device_class_keys()) CHECK(i18n::has_key(key));
    for (const auto& key : client::sample_status_keys()) CHECK(i18n::has_key(key));
}

TEST_CASE("15,000 rows: a frame reads the cells of a screenful of rows only", "[table][headless]") {
    testing::HeadlessImGui imgui(screen_width, screen_height);
    std::set<std::size_t> rows_read;
    std::vector<client::TableColumn> columns;
    for (const char* key : {"kit.table.column.tag", "kit.table.column.status"}) {
        columns.push_back({.label_key = key, .text = [&rows_read](std::size_t row) {
                               rows_read.insert(row);
                               return std::to_string(row);
                           }});
    }
    client::TableModel model(std::move(columns), 15000);
    const auto frame = [&] {
        imgui.frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0.0F, 0.0F));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
            client::draw_data_table("numbers", model, {}, Language::ja);
            ImGui::End();
            client::finish_item_frame();
        });
    };
    frame();  // the first frame sorts by the first column: every row is read once
    CHECK(rows_read.size() == 15000);
    frame();
    rows_read.clear();
    frame();
    CHECK(rows_read.size() >= 10);
    CHECK(static_cast<float>(rows_read.size()) <= screen_height / ImGui::GetTextLineHeight());
}

TEST_CASE("15,000 rows: only a screenful of rows is drawn, under headers and filters", "[table][headless]") {
    TableScreen screen;
    screen.frames(3);
    const auto rows = TableScreen::with_role("table-row");
    const float row_height = ImGui::GetTextLineHeight();
    CHECK(rows.size() >= 10);
    CHECK(static_cast<float>(rows.size()) <= screen_height / row_height);
    CHECK(screen.first_row() == "PC-000001");
    CHECK(screen.has_status("15,000件中15,000件"));
    CHECK(screen.has_status("0件を選択中"));

    const auto headers = TableScreen::with_role("column-header");
    REQUIRE(headers.size() == 5);
    CHECK(headers[0].label == "資産番号");
    CHECK(headers[0].value == "ascending");
    CHECK(headers[4].label == "取得日");
    CHECK(headers[4].value.empty());
    const auto* filter = TableScreen::find("機器種別 の絞り込み");
    REQUIRE(filter);
    CHECK(filter->role == "textbox");
    CHECK(filter->y > headers[1].y);
    for (const auto& row : rows) CHECK(row.y + row.height > headers[0].y + headers[0].height);
}

TEST_CASE("clicks select rows: one, Ctrl toggles, Shift takes the range", "[table][headless]") {
    TableScreen screen;
    screen.frames(3);
    screen.click("PC-000003");
    REQUIRE(screen.row("PC-000003"));
    CHECK(screen.row("PC-000003")->value == "selected");
    CHECK(screen.has_status("1件を選択中"));
    screen.click("PC-000006", false, true);
    CHECK(screen.has_status("4件を選択中"));
    CHECK(screen.row("PC-000005")->value == "selected");
    screen.click("PC-000004", true);
    CHECK(screen.has_status("3件を選択中"));
    CHECK(screen.row("PC-000004")->value.empty());
    screen.click("PC-000010");
    CHECK(screen.has_status("1件を選択中"));
}

TEST_CASE("a click on a row right at a column's edge chooses the row, and columns resize from the header", "[table][headless]") {
    TableScreen screen;
    screen.frames(3);
    const auto headers = TableScreen::with_role("column-header");
    REQUIRE(headers.size() >= 2);
    const float edge = headers[0].x + headers[0].width;
    const auto* row = screen.row("PC-000003");
    REQUIRE(row);
    auto on_edge = ItemRecord(*row);
    on_edge.x = edge - 1.0F;
    on_edge.width = 2.0F;
    screen.click(on_edge);
    CHECK(screen.row("PC-000003")->value == "selected");
    CHECK(TableScreen::with_role("column-header")[0].width == headers[0].width);

    // Dragging the same edge in the header row widens the first column.
    auto& io = ImGui::GetIO();
    io.MousePos = ImVec2(edge, headers[0].y + headers[0].height / 2.0F);
    screen.frames(1);
    io.MouseDown[0] = true;
    screen.frames(1);
    io.MousePos.x += 60.0F;
    screen.frames(2);
    io.MouseDown[0] = false;
    screen.frames(2);
    CHECK(TableScreen::with_role("column-header")[0].width > headers[0].width + 30.0F);
}

TEST_CASE("keys move the current row and keep it on screen", "[table][headless][keyboard]") {
    TableScreen screen;
    screen.frames(3);
    screen.click("PC-000002");
    screen.press(client::key_end);
    REQUIRE(screen.row("PC-015000"));
    CHECK(screen.row("PC-015000")->value == "selected");
    CHECK(screen.row("PC-015000")->y + screen.row("PC-015000")->height <= screen_height);
    CHECK_FALSE(screen.row("PC-000002"));
    CHECK(screen.has_status("1件を選択中"));

    screen.press(client::key_home);
    REQUIRE(screen.row("PC-000001"));
    CHECK(screen.row("PC-000001")->value == "selected");
    CHECK(screen.first_row() == "PC-000001");

    // Page Down lands a page further, still on screen; Down past it scrolls one row at a time.
    screen.press(client::key_page_down);
    const auto selected = [] {
        for (const auto& row : TableScreen::with_role("table-row")) {
            if (row.value == "selected") return row.label;
        }
        return std::string();
    };
    const auto after_page = selected();
    CHECK(after_page > "PC-000010");
    CHECK(after_page < "PC-000060");
    for (int i = 0; i < 40; ++i) screen.press(client::key_down);
    const auto after_downs = selected();
    REQUIRE_FALSE(after_downs.empty());
    CHECK(std::stoi(after_downs.substr(3)) == std::stoi(after_page.substr(3)) + 40);
    CHECK(screen.first_row() != "PC-000001");

    screen.press(client::key_enter);
    CHECK(TableScreen::find("0件を選択中") == nullptr);
    const auto opened = "1件を選択中  開いた行: " + after_downs;
    CHECK(screen.has_status(opened));
}

TEST_CASE("a header click sorts descending, the next one ascending again", "[table][headless][sort]") {
    TableScreen screen;
    screen.frames(3);
    screen.click("資産番号");
    CHECK(TableScreen::find("資産番号")->value == "descending");
    CHECK(screen.first_row() == "PC-015000");
    screen.click("資産番号");
    CHECK(TableScreen::find("資産番号")->value == "ascending");
    CHECK(screen.first_row() == "PC-000001");
    screen.click("取得日");
    CHECK(TableScreen::find("取得日")->value == "ascending");
    CHECK(TableScreen::find("資産番号")->value.empty());
}

TEST_CASE("typing full-width text into a filter narrows the rows, and no matches offers to clear them", "[table][headless][filter]") {
    TableScreen screen;
    screen.frames(3);
    screen.click("資産番号 の絞り込み");
    ImGui::GetIO().AddInputCharactersUTF8("ＰＣ－０００１");
    screen.frames(3);
    CHECK(screen.has_status("15,000件中100件"));
    CHECK(screen.first_row() == "PC-000100");
    CHECK(TableScreen::find("資産番号 の絞り込み")->value == "ＰＣ－０００１");

    ImGui::GetIO().AddInputCharactersUTF8("x");
    screen.frames(3);
    CHECK(screen.has_status("15,000件中0件"));
    CHECK(TableScreen::with_role("table-row").empty());
    REQUIRE(TableScreen::find("絞り込みの条件に合う行はありません。"));
    screen.click("絞り込みを解除");
    CHECK(screen.has_status("15,000件中15,000件"));
    CHECK(screen.first_row() == "PC-000001");
}

TEST_CASE("the gallery shows the empty, loading and error states and comes back", "[table][headless][states]") {
    TableScreen screen;
    screen.frames(3);
    screen.click("空の一覧");
    CHECK(TableScreen::with_role("table-row").empty());
    CHECK(screen.has_status("登録されている機器はありません。"));
    screen.click("見本の行を読み込む");
    CHECK(screen.has_status("15,000件中15,000件"));

    screen.click("読み込み中の一覧");
    CHECK(screen.has_status("読み込み中"));
    CHECK(TableScreen::with_role("table-row").empty());

    screen.click("読み込みエラー");
    const auto* alert = TableScreen::find("一覧を読み込めませんでした（見本のエラーです）。");
    REQUIRE(alert);
    CHECK(alert->role == "alert");
    screen.click("再試行");
    CHECK(TableScreen::with_role("table-row").size() >= 10);
}

TEST_CASE("the table draws in English too, sorting by the English texts", "[table][headless]") {
    TableScreen screen;
    screen.language = Language::en;
    screen.frames(3);
    CHECK(TableScreen::find("Asset tag"));
    CHECK(TableScreen::find("Filter Device class"));
    CHECK(screen.has_status("15,000 of 15,000"));
}

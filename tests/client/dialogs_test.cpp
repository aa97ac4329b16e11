#include <catch2/catch.hpp>

#include <imgui.h>

#include <functional>

#include "headless_imgui.hpp"
#include "ui/confirm_dialog.hpp"
#include "ui/item_registry.hpp"
#include "ui/key_map.hpp"
#include "ui/progress.hpp"

using namespace madoguchi;
using client::ConfirmAnswer;
using client::ProgressState;

namespace {

client::ConfirmRequest delete_request() {
    return {"下書きの削除", "この下書きを削除しますか？", "削除する", "残す", true};
}

const client::ItemRecord* find_item(std::string_view label) {
    for (const auto& item : client::item_records()) {
        if (item.label == label) return &item;
    }
    return nullptr;
}

// One frame inside a host window, its items then published as item_records().
void frame(testing::HeadlessImGui& imgui, const std::function<void()>& draw) {
    imgui.frame([&] {
        ImGui::Begin("host");
        draw();
        ImGui::End();
        client::finish_item_frame();
    });
}

void press(testing::HeadlessImGui& imgui, int key, const std::function<void()>& draw) {
    ImGui::GetIO().KeysDown[key] = true;
    frame(imgui, draw);
    ImGui::GetIO().KeysDown[key] = false;
    frame(imgui, draw);
}

}  // namespace

TEST_CASE("a confirm delivers its answer once", "[dialogs]") {
    client::ConfirmDialog dialog;
    CHECK_FALSE(dialog.take_answer());
    dialog.answer(ConfirmAnswer::confirmed);  // nothing asked: nothing to answer
    CHECK_FALSE(dialog.take_answer());
    dialog.ask(delete_request());
    CHECK(dialog.is_open());
    dialog.answer(ConfirmAnswer::cancelled);
    dialog.answer(ConfirmAnswer::confirmed);  // a second click after closing changes nothing
    CHECK_FALSE(dialog.is_open());
    CHECK(dialog.take_answer() == ConfirmAnswer::cancelled);
    CHECK_FALSE(dialog.take_answer());
}

TEST_CASE("in the drawn dialog Esc cancels, Enter confirms and the safe button has focus", "[dialogs][headless]") {
    testing::HeadlessImGui imgui(1024.0F, 768.0F);
    client::ConfirmDialog dialog;
    const auto draw = [&] { client::draw_confirm_dialog(dialog); };
    dialog.ask(delete_request());
    for (int i = 0; i < 3; ++i) frame(imgui, draw);
    REQUIRE(find_item("この下書きを削除しますか？"));
    REQUIRE(find_item("残す"));
    CHECK(find_item("残す")->focused);
    CHECK_FALSE(find_item("削除する")->focused);

    press(imgui, client::key_escape, draw);
    CHECK(dialog.take_answer() == ConfirmAnswer::cancelled);
    CHECK_FALSE(find_item("残す"));

    dialog.ask(delete_request());
    // The Enter that might have opened it is held on the first frame: it must not answer.
    ImGui::GetIO().KeysDown[client::key_enter] = true;
    frame(imgui, draw);
    ImGui::GetIO().KeysDown[client::key_enter] = false;
    frame(imgui, draw);
    CHECK(dialog.is_open());
    press(imgui, client::key_enter, draw);
    CHECK(dialog.take_answer() == ConfirmAnswer::confirmed);
    CHECK_FALSE(dialog.is_open());
}

TEST_CASE("progress runs from start to one of its ends and says where it is", "[progress]") {
    client::ProgressModel progress;
    CHECK(progress.state() == ProgressState::idle);
    progress.advance(5, 10);  // not started: ignored
    CHECK(progress.done() == 0);
    progress.start();
    CHECK(progress.running());
    CHECK_FALSE(progress.determinate());
    CHECK(client::progress_text(progress, i18n::Language::ja) == "処理中…");
    progress.advance(42, 120);
    CHECK(progress.determinate());
    CHECK(progress.percent() == 35);
    CHECK(client::progress_text(progress, i18n::Language::ja) == "42 / 120 件（35%）");
    CHECK(client::progress_text(progress, i18n::Language::en) == "42 of 120 (35%)");
    progress.advance(119, 120);
    CHECK(progress.percent() == 99);  // never 100 before the end
    progress.advance(500, 120);
    CHECK(progress.done() == 120);
    progress.finish();
    CHECK(progress.state() == ProgressState::finished);
    progress.cancel();  // too late to cancel
    CHECK(progress.state() == ProgressState::finished);

    progress.start(10);
    progress.cancel();
    CHECK(progress.state() == ProgressState::cancelled);
    CHECK(client::progress_text(progress, i18n::Language::ja) == "中止しました");
    progress.start(10);
    progress.fail("chart.empty");
    CHECK(progress.state() == ProgressState::failed);
    CHECK(client::progress_text(progress, i18n::Language::en) == "Failed: No data to show");
}

TEST_CASE("the progress indicator reports its bar, status and cancel button", "[progress][headless]") {
    testing::HeadlessImGui imgui(1024.0F, 768.0F);
    client::ProgressModel progress;
    progress.start(4);
    progress.advance(1, 4);
    const auto draw = [&] { client::draw_progress("一括処理", progress, true, i18n::Language::ja); };
    frame(imgui, draw);
    frame(imgui, draw);
    REQUIRE(find_item("一括処理"));
    CHECK(find_item("一括処理")->role == "progressbar");
    CHECK(find_item("一括処理")->value == "25");
    CHECK(find_item("1 / 4 件（25%）"));
    CHECK(find_item("中止"));
    progress.start();
    frame(imgui, draw);
    CHECK(find_item("一括処理")->value == "indeterminate");
    progress.finish();
    frame(imgui, draw);
    CHECK_FALSE(find_item("中止"));
    CHECK(find_item("完了しました"));
}

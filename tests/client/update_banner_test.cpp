#include <catch2/catch.hpp>

#include <imgui.h>

#include "app/app.hpp"
#include "headless_imgui.hpp"
#include "platform/native/http_native.hpp"
#include "support/server_process.hpp"
#include "ui/item_registry.hpp"

using namespace madoguchi;

namespace {

const client::ItemRecord* find_item(std::string_view label) {
    for (const auto& item : client::item_records()) {
        if (item.label == label) return &item;
    }
    return nullptr;
}

// The app with no server behind it: the banner does not depend on one.
struct UnconnectedApp {
    UnconnectedApp() { api.set_transport(&transport); }
    client::ApiClient api;
    client::NativeHttpTransport transport{api, "127.0.0.1", 1};
    testing::TempDir folder;
    client::DraftStore drafts{folder.path()};
    client::App app{api, drafts};
};

}  // namespace

TEST_CASE("a newer build shows a reload banner whose button asks for the reload", "[headless][update]") {
    UnconnectedApp unconnected;
    auto& app = unconnected.app;
    testing::HeadlessImGui imgui(1280.0F, 800.0F);
    const auto draw = [&] { imgui.frame([&] { app.frame(calendar::now()); }); };

    draw();
    CHECK_FALSE(find_item("新しいバージョンがあります。再読み込みしてください。"));
    CHECK_FALSE(find_item("再読み込み"));

    app.set_update_available(true);
    draw();
    const auto* message = find_item("新しいバージョンがあります。再読み込みしてください。");
    REQUIRE(message);
    CHECK(message->role == "status");
    const auto* button = find_item("再読み込み");
    REQUIRE(button);
    CHECK(button->enabled);
    CHECK_FALSE(app.take_reload_request());

    // A click: press and release over the button.
    auto& io = ImGui::GetIO();
    io.MousePos = ImVec2(button->x + button->width / 2.0F, button->y + button->height / 2.0F);
    draw();
    io.MouseDown[0] = true;
    draw();
    io.MouseDown[0] = false;
    draw();
    CHECK(app.take_reload_request());
    CHECK_FALSE(app.take_reload_request());

    app.preferences().language = i18n::Language::en;
    draw();
    CHECK(find_item("A new version is available. Reload."));
    CHECK(find_item("Reload"));
}

#include <catch2/catch.hpp>

#include <imgui.h>

#include <chrono>
#include <thread>

#include "app/app.hpp"
#include "headless_imgui.hpp"
#include "platform/native/http_native.hpp"
#include "support/server_process.hpp"
#include "ui/item_registry.hpp"
#include "ui/key_map.hpp"

using namespace madoguchi;
using client::App;
using client::Area;
using i18n::Language;

namespace {

// Draws `frames` frames of the whole app, letting the network answer in between.
int draw_frames(testing::HeadlessImGui& imgui, App& app, int frames) {
    int vertices = 0;
    for (int i = 0; i < frames; ++i) {
        vertices = imgui.frame([&] { app.frame(calendar::now()); });
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return vertices;
}

// The whole client talking over real HTTP to `port` (a server process, or nothing at all).
struct ConnectedApp {
    explicit ConnectedApp(int port) : transport(api, "127.0.0.1", port), drafts(folder.path()), app(api, drafts) {
        api.set_transport(&transport);
        drafts.load();
    }
    client::ApiClient api;
    client::NativeHttpTransport transport;
    testing::TempDir folder;
    client::DraftStore drafts;
    App app;
};

constexpr int nothing_listens = 1;

bool draw_until_ready(testing::HeadlessImGui& imgui, App& app) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!app.ready() && std::chrono::steady_clock::now() < deadline) draw_frames(imgui, app, 1);
    return app.ready();
}

}  // namespace

TEST_CASE("every area draws in both languages and date styles against a real server", "[headless]") {
    testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    ConnectedApp connected(server.port());
    auto& app = connected.app;
    testing::HeadlessImGui imgui(1280.0F, 800.0F);
    REQUIRE(draw_until_ready(imgui, app));

    for (const auto theme : {client::Theme::standard, client::Theme::high_contrast}) {
        client::apply_style(1.0F, theme);
        for (const auto language : {Language::ja, Language::en}) {
            for (const bool wareki : {false, true}) {
                app.preferences().language = language;
                app.preferences().wareki = wareki;
                for (const auto& info : client::areas()) {
                    app.select(info.area);
                    CHECK(draw_frames(imgui, app, 10) > 0);
                }
            }
        }
    }
}

TEST_CASE("the app draws at small, large and high-DPI sizes", "[headless]") {
    testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    ConnectedApp connected(server.port());
    auto& app = connected.app;
    testing::HeadlessImGui imgui(1280.0F, 800.0F, 2.0F);
    REQUIRE(draw_until_ready(imgui, app));
    for (const auto& [width, height] : {std::pair{320.0F, 240.0F}, {3840.0F, 2160.0F}, {2560.0F, 1600.0F}}) {
        imgui.resize(width, height);
        CHECK(draw_frames(imgui, app, 30) > 0);
    }
}

TEST_CASE("the app keeps drawing with the server unreachable, and is not ready", "[headless]") {
    ConnectedApp connected(nothing_listens);
    auto& app = connected.app;
    testing::HeadlessImGui imgui(1024.0F, 768.0F);

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (app.dashboard().health_state() != client::LoadState::failed && std::chrono::steady_clock::now() < deadline) {
        draw_frames(imgui, app, 1);
    }
    CHECK(app.dashboard().health_state() == client::LoadState::failed);
    CHECK(draw_frames(imgui, app, 60) > 0);
    CHECK_FALSE(app.ready());
    bool banner = false;
    for (const auto& item : client::item_records()) banner = banner || item.role == "alert";
    CHECK(banner);
}

TEST_CASE("keyboard navigation moves through the UI without assertions", "[headless]") {
    ConnectedApp connected(nothing_listens);
    auto& app = connected.app;
    testing::HeadlessImGui imgui(1024.0F, 768.0F);
    auto& io = ImGui::GetIO();
    using namespace client;
    for (const int key : {client::key_tab, key_down, key_down, key_space, key_tab, key_down, key_space, key_escape}) {
        io.KeysDown[key] = true;
        draw_frames(imgui, app, 2);
        io.KeysDown[key] = false;
        draw_frames(imgui, app, 2);
    }
    CHECK(draw_frames(imgui, app, 5) > 0);
}

TEST_CASE("the last frame's items name every navigation tab and setting with role and state", "[headless][items]") {
    ConnectedApp connected(nothing_listens);
    auto& app = connected.app;
    testing::HeadlessImGui imgui(1280.0F, 800.0F);
    draw_frames(imgui, app, 2);

    const auto find = [](std::string_view label) -> const client::ItemRecord* {
        for (const auto& item : client::item_records()) {
            if (item.label == label) return &item;
        }
        return nullptr;
    };
    const auto* dashboard = find("ダッシュボード");
    REQUIRE(dashboard);
    CHECK(dashboard->role == "tab");
    CHECK(dashboard->value == "selected");
    CHECK(dashboard->width > 0.0F);
    const auto* tickets = find("チケット");
    REQUIRE(tickets);
    CHECK(tickets->value.empty());
    CHECK(tickets->y > dashboard->y);
    const auto* english = find("English");
    REQUIRE(english);
    CHECK(english->role == "radio");
    CHECK(english->value == "false");
    const auto* wareki = find("和暦で表示");
    REQUIRE(wareki);
    CHECK(wareki->role == "checkbox");
    CHECK(wareki->value == "false");

    app.preferences().language = Language::en;
    app.select(Area::tickets);
    draw_frames(imgui, app, 2);
    REQUIRE(find("Tickets"));
    CHECK(find("Tickets")->value == "selected");
    CHECK(find("English")->value == "true");
    CHECK_FALSE(find("チケット"));

    // Text size: the smaller button is disabled at 100%, the larger one at 200%.
    REQUIRE(find("Smaller"));
    CHECK_FALSE(find("Smaller")->enabled);
    CHECK(find("Larger")->enabled);
    REQUIRE(find("100%"));
    app.preferences().text_percent = client::Preferences::largest_text_percent;
    draw_frames(imgui, app, 2);
    CHECK(find("Smaller")->enabled);
    CHECK_FALSE(find("Larger")->enabled);
    CHECK(find("200%"));
    CHECK(find("High contrast")->role == "checkbox");
}

TEST_CASE("when the server comes back the banner goes and a toast says so", "[headless][toasts]") {
    int port = 0;
    {
        const testing::ServerProcess probe(MADOGUCHI_SERVER_BINARY);
        port = probe.port();
    }
    ConnectedApp connected(port);
    auto& app = connected.app;
    testing::HeadlessImGui imgui(1280.0F, 800.0F);
    const auto has = [](std::string_view role, std::string_view label) {
        for (const auto& item : client::item_records()) {
            if (item.role == role && (label.empty() || item.label == label)) return true;
        }
        return false;
    };
    const auto draw_until = [&](auto done) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!done() && std::chrono::steady_clock::now() < deadline) draw_frames(imgui, app, 1);
        return done();
    };
    REQUIRE(draw_until([&] { return has("alert", ""); }));

    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY, {}, port);
    connected.api.retry_now();
    REQUIRE(draw_until([&] { return has("status", "サーバーに再接続しました。"); }));
    CHECK_FALSE(has("alert", ""));
}

TEST_CASE("kiosk mode shows the counter alone, in large type", "[headless][kiosk]") {
    ConnectedApp connected(nothing_listens);
    auto& app = connected.app;
    app.set_terminal({true, 30});
    CHECK(app.area() == Area::counter);
    CHECK(app.text_scale() >= 1.5F);
    testing::HeadlessImGui imgui(1280.0F, 800.0F);
    draw_frames(imgui, app, 3);
    bool heading = false;
    bool navigation = false;
    for (const auto& item : client::item_records()) {
        heading = heading || item.label == "職員証をスキャンしてください";
        navigation = navigation || item.role == "tab";
    }
    CHECK(heading);
    CHECK_FALSE(navigation);

    app.set_terminal({false, 30});
    app.select(Area::dashboard);
    CHECK(app.text_scale() == 1.0F);
}

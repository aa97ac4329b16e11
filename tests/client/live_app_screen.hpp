#pragma once
// The whole app over a real server on loopback, for tests that draw it headless: LiveApp is
// the app with its native transport and a draft folder of its own, signed in as a test
// account; LiveAppScreen also draws it, frame by frame with the network answering between
// frames, and finds and clicks items by label and role as a mouse would.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <chrono>
#include <string>
#include <string_view>
#include <thread>

#include "app/app.hpp"
#include "headless_imgui.hpp"
#include "mouse_click.hpp"
#include "platform/native/http_native.hpp"
#include "support/server_process.hpp"
#include "test_accounts.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::testing {

struct LiveApp {
    explicit LiveApp(int port) : transport(api, "127.0.0.1", port), drafts(folder.path()), app(api, drafts) {
        api.set_transport(&transport);
        drafts.load();
    }

    // Signs in as `login` with the test accounts' password, the network answering meanwhile.
    void sign_in(const std::string& login) {
        app.session().form().login = login;
        app.session().form().password = account_password;
        app.session().sign_in();
        REQUIRE(drain_until(api, [&] { return !app.session().busy(); }));
        REQUIRE(app.session().state() == client::SessionState::signed_in);
    }

    client::ApiClient api;
    client::NativeHttpTransport transport;
    TempDir folder;
    client::DraftStore drafts;
    client::App app;
};

class LiveAppScreen : public LiveApp {
public:
    LiveAppScreen(int port, float height) : LiveApp(port), imgui(1280.0F, height) {}

    void draw(int frames) {
        for (int i = 0; i < frames; ++i) imgui.frame([&] { app.frame(calendar::now()); });
    }
    // Frames, the network answering between them, until `done` (at most 15 s).
    template <typename Done>
    bool draw_until(Done done) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
        do {
            draw(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        } while (!done() && std::chrono::steady_clock::now() < deadline);
        return done();
    }
    // The first item so labelled that a click would reach: laid out (a tab bar drawn for the
    // first time sizes its tabs a frame later) and, with `enabled_only`, enabled.
    const client::ItemRecord* find(std::string_view label, std::string_view role = {},
                                   bool enabled_only = false) const {
        for (const auto& item : client::item_records()) {
            if (item.label != label || (!role.empty() && item.role != role)) continue;
            if (enabled_only && !item.enabled) continue;
            if (item.width > 0.0F && item.height > 0.0F) return &item;
        }
        return nullptr;
    }
    bool shown(std::string_view label, std::string_view role = {}) const { return find(label, role) != nullptr; }
    // Draws until the item is shown.
    bool wait_for(std::string_view label, std::string_view role = {}) {
        return draw_until([&] { return shown(label, role); });
    }
    bool status_starting(std::string_view start) const {
        for (const auto& item : client::item_records()) {
            if (item.role == "status" && item.label.starts_with(start)) return true;
        }
        return false;
    }
    // Presses and releases the mouse on the item's centre once it can be clicked.
    void click(std::string_view label, std::string_view role = {}) {
        REQUIRE(draw_until([&] { return find(label, role, true) != nullptr; }));
        const auto* item = find(label, role, true);
        click_centre(*item, [this](int frames) { draw(frames); });
    }

    HeadlessImGui imgui;
};

}  // namespace madoguchi::testing

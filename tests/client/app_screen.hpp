#pragma once
// The whole app drawn headless with the server played by a function of the request: signs in
// as the fake server's /me says, then lets a test draw frames, find items by label and role,
// and click them as a mouse would. A test's screen derives from it and owns its fake server.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include "app/app.hpp"
#include "headless_imgui.hpp"
#include "mouse_click.hpp"
#include "support/server_process.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::testing {

// Answers every request at once from `respond` (status and body).
class RespondingTransport final : public client::Transport {
public:
    using Responder = std::function<std::pair<int, std::string>(const client::HttpRequest&)>;
    RespondingTransport(client::ApiClient& api, Responder respond) : api_(api), respond_(std::move(respond)) {
        api_.set_transport(this);
    }
    void send(std::uint64_t id, const client::HttpRequest& request) override {
        auto [status, body] = respond_(request);
        api_.complete(id, {status, std::move(body), {}, 0});
    }

private:
    client::ApiClient& api_;
    Responder respond_;
};

class AppScreen {
public:
    // `respond` is called only from draw(), after the derived screen is built.
    explicit AppScreen(RespondingTransport::Responder respond)
        : transport(api, std::move(respond)), drafts(folder.path()), app(api, drafts), imgui(1280.0F, 1024.0F) {}

    // Signs in and opens `area`.
    void open(client::Area area) {
        drafts.load();
        draw_until([&] { return app.session().state() == client::SessionState::signed_in; });
        app.select(area);
    }
    void draw(int frames) {
        for (int i = 0; i < frames; ++i) imgui.frame([&] { app.frame(calendar::now()); });
    }
    template <typename Done>
    bool draw_until(Done done) {
        for (int i = 0; i < 200 && !done(); ++i) draw(1);
        return done();
    }
    const client::ItemRecord* find(std::string_view label, std::string_view role = {}) const {
        for (const auto& item : client::item_records()) {
            if (item.label == label && (role.empty() || item.role == role)) return &item;
        }
        return nullptr;
    }
    void click(std::string_view label, std::string_view role = {}) {
        const auto* item = find(label, role);
        REQUIRE(item);
        click_centre(*item, [this](int frames) { draw(frames); });
    }

    client::ApiClient api;
    RespondingTransport transport;
    TempDir folder;
    client::DraftStore drafts;
    client::App app;
    HeadlessImGui imgui;
};

}  // namespace madoguchi::testing

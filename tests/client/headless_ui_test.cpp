#include <catch2/catch.hpp>

#include <imgui.h>

#include <chrono>
#include <optional>
#include <thread>

#include "app/app.hpp"
#include "headless_imgui.hpp"
#include "platform/native/http_native.hpp"
#include "support/server_process.hpp"
#include "test_accounts.hpp"
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
    explicit ConnectedApp(int port, client::RetryPolicy policy = {})
        : api(policy), transport(api, "127.0.0.1", port), drafts(folder.path()), app(api, drafts) {
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
const client::RetryPolicy impatient{1, std::chrono::milliseconds(1), std::chrono::milliseconds(1)};

// Someone who may open every area, as the device remembers them.
client::CurrentUser everyone() {
    client::CurrentUser user;
    user.login = "desk";
    user.name = "窓口 太郎";
    user.division_code = "D-TEST";
    user.roles = {identity::Role::staff, identity::Role::desk_operator, identity::Role::auditor, identity::Role::admin};
    return user;
}

// At least one frame first: the items of an earlier test's last frame must not count.
template <typename Done>
bool draw_until(testing::HeadlessImGui& imgui, App& app, Done done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    do {
        draw_frames(imgui, app, 1);
    } while (!done() && std::chrono::steady_clock::now() < deadline);
    return done();
}

// Offline from the start, working as the remembered user (no server answers).
void start_offline(testing::HeadlessImGui& imgui, App& app) {
    app.start(everyone());
    REQUIRE(draw_until(imgui, app, [&] { return app.session().state() == client::SessionState::offline; }));
}

// Signs in through the app's own sign-in form, as a person would.
void sign_in(testing::HeadlessImGui& imgui, App& app, const std::string& login) {
    REQUIRE(draw_until(imgui, app, [&] { return app.session().state() == client::SessionState::signed_out; }));
    app.session().form().login = login;
    app.session().form().password = testing::account_password;
    app.session().sign_in();
    REQUIRE(draw_until(imgui, app, [&] { return app.session().state() == client::SessionState::signed_in; }));
}

const client::ItemRecord* find_item(std::string_view label) {
    for (const auto& item : client::item_records()) {
        if (item.label == label) return &item;
    }
    return nullptr;
}

bool draw_until_ready(testing::HeadlessImGui& imgui, App& app) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!app.ready() && std::chrono::steady_clock::now() < deadline) draw_frames(imgui, app, 1);
    return app.ready();
}

}  // namespace

TEST_CASE("every area draws in both languages and date styles against a real server", "[headless]") {
    testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    testing::add_account(server, "desk", everyone().roles);
    ConnectedApp connected(server.port());
    auto& app = connected.app;
    testing::HeadlessImGui imgui(1280.0F, 800.0F);
    sign_in(imgui, app, "desk");
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
    testing::add_account(server, "desk", everyone().roles);
    ConnectedApp connected(server.port());
    auto& app = connected.app;
    testing::HeadlessImGui imgui(1280.0F, 800.0F, 2.0F);
    sign_in(imgui, app, "desk");
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
    ConnectedApp connected(nothing_listens, impatient);
    auto& app = connected.app;
    testing::HeadlessImGui imgui(1280.0F, 800.0F);
    start_offline(imgui, app);
    draw_frames(imgui, app, 2);
    const auto find = find_item;
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
    // At least one frame first: the items of an earlier test's last frame must not count.
    const auto draw_until = [&](auto done) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        do {
            draw_frames(imgui, app, 1);
        } while (!done() && std::chrono::steady_clock::now() < deadline);
        return done();
    };
    REQUIRE(draw_until([&] { return has("alert", ""); }));

    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY, {}, port);
    connected.api.retry_now();
    REQUIRE(draw_until([&] { return has("status", "サーバーに再接続しました。"); }));
    CHECK_FALSE(has("alert", ""));
}

TEST_CASE("kiosk mode shows the counter alone, in large type, and the desk chooses its counter there", "[headless][kiosk]") {
    ConnectedApp connected(nothing_listens, impatient);
    auto& app = connected.app;
    app.set_terminal({true, 30});
    CHECK(app.area() == Area::counter);
    CHECK(app.text_scale() >= 1.5F);
    testing::HeadlessImGui imgui(1280.0F, 800.0F);
    start_offline(imgui, app);
    draw_frames(imgui, app, 3);
    bool heading = false;
    bool navigation = false;
    for (const auto& item : client::item_records()) {
        heading = heading || item.label == "職員証をスキャンしてください";
        navigation = navigation || item.role == "tab";
    }
    CHECK(heading);
    CHECK_FALSE(navigation);
    // No counter set: the screen says so and offers the choice, which the platform keeps.
    CHECK(find_item("この端末の窓口が設定されていません。下の「この端末の窓口」で選んでください。"));
    CHECK(find_item("この端末の窓口"));
    std::optional<client::TerminalSettings> remembered;
    app.on_terminal_change([&](const client::TerminalSettings& settings) { remembered = settings; });
    app.choose_counter(7);
    CHECK(app.counter().counter() == 7);
    REQUIRE(remembered);
    CHECK(remembered->counter_location_id == 7);
    CHECK(remembered->kiosk);
    draw_frames(imgui, app, 2);
    CHECK_FALSE(find_item("この端末の窓口が設定されていません。下の「この端末の窓口」で選んでください。"));

    app.set_terminal({false, 30});
    app.select(Area::dashboard);
    CHECK(app.text_scale() == 1.0F);
}

TEST_CASE("nobody signed in: the sign-in screen, with a masked password and the language switch", "[headless][session]") {
    testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    ConnectedApp connected(server.port());
    auto& app = connected.app;
    testing::HeadlessImGui imgui(1280.0F, 800.0F);
    REQUIRE(draw_until(imgui, app, [&] { return app.ready(); }));
    CHECK(app.session().state() == client::SessionState::signed_out);
    REQUIRE(find_item("ログインID"));
    CHECK(find_item("ログインID")->role == "textbox");
    app.session().form().password = "secret words here";
    draw_frames(imgui, app, 2);
    REQUIRE(find_item("パスワード"));
    CHECK(find_item("パスワード")->value.empty());  // never exposed, not even to the item list
    CHECK(find_item("ログイン"));
    CHECK(find_item("English"));
    CHECK_FALSE(find_item("ダッシュボード"));  // no navigation before signing in
}

TEST_CASE("the navigation lists only the areas the user's roles allow", "[headless][session]") {
    testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    testing::add_account(server, "staff1", {identity::Role::staff});
    testing::add_account(server, "auditor1", {identity::Role::auditor});
    testing::HeadlessImGui imgui(1280.0F, 800.0F);
    {
        ConnectedApp connected(server.port());
        auto& app = connected.app;
        sign_in(imgui, app, "staff1");
        draw_frames(imgui, app, 2);
        CHECK(find_item("チケット"));
        CHECK_FALSE(find_item("ユーザー管理"));
        CHECK_FALSE(find_item("監査ログ"));
        CHECK_FALSE(find_item("窓口"));
        app.select(Area::users);  // by address: not theirs, so the dashboard shows
        CHECK(app.area() == Area::dashboard);
    }
    ConnectedApp connected(server.port());
    auto& app = connected.app;
    sign_in(imgui, app, "auditor1");
    draw_frames(imgui, app, 2);
    CHECK(find_item("監査ログ"));
    CHECK(find_item("ユーザー管理"));
    CHECK_FALSE(find_item("チケット"));
}

TEST_CASE("a new inquiry starts with the signed-in user's name, division and e-mail", "[headless][session]") {
    testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    testing::add_division(server, "B-HQ", "", "大臣官房");
    testing::add_division(server, "D-IT", "B-HQ", "情報システム室");
    testing::add_account(server, "hanako", {identity::Role::staff}, "D-IT", "hanako@example.go.jp");
    ConnectedApp connected(server.port());
    auto& app = connected.app;
    testing::HeadlessImGui imgui(1280.0F, 800.0F);
    sign_in(imgui, app, "hanako");
    REQUIRE(draw_until(imgui, app, [&] { return app.divisions().state() == client::Divisions::State::loaded; }));
    app.select(Area::tickets);
    draw_frames(imgui, app, 2);
    const auto& values = app.inquiry_form().values();
    CHECK(values.requester_name == "試験 hanako");
    CHECK(values.division == "情報システム室");
    CHECK(values.contact == "hanako@example.go.jp");
    REQUIRE(find_item("氏名"));
    CHECK(find_item("氏名")->value == "試験 hanako");
    CHECK(connected.drafts.list().empty());  // details filled in are not yet a draft
}

TEST_CASE("an ended session puts the sign-in form over the unchanged screen", "[headless][session]") {
    testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    testing::add_account(server, "desk", everyone().roles);
    ConnectedApp connected(server.port());
    auto& app = connected.app;
    testing::HeadlessImGui imgui(1280.0F, 800.0F);
    sign_in(imgui, app, "desk");
    app.select(Area::tickets);
    app.inquiry_form().values().subject = "途中まで書いた件名";
    draw_frames(imgui, app, 2);
    // The session ends on the server; the next request hears 401.
    bool ended = false;
    connected.api.send({"DELETE", "/api/v1/session", {}, {}}, [&](const client::ApiResult&) { ended = true; });
    REQUIRE(draw_until(imgui, app, [&] { return ended; }));
    connected.api.get("/api/v1/me", [](const client::ApiResult&) {});
    REQUIRE(draw_until(imgui, app, [&] { return app.session().state() == client::SessionState::session_ended; }));
    draw_frames(imgui, app, 3);
    REQUIRE(find_item("ログインの有効期間が終わりました。もう一度ログインしてください。画面の内容と下書きはそのまま残っています。"));
    CHECK(find_item("件名"));  // the form is still there, under the overlay
    CHECK(app.inquiry_form().values().subject == "途中まで書いた件名");
    CHECK(app.area() == Area::tickets);
    app.session().form().password = testing::account_password;
    app.session().sign_in();
    REQUIRE(draw_until(imgui, app, [&] { return app.session().state() == client::SessionState::signed_in; }));
    draw_frames(imgui, app, 2);
    CHECK_FALSE(find_item("ログインの有効期間が終わりました。もう一度ログインしてください。画面の内容と下書きはそのまま残っています。"));
    CHECK(app.inquiry_form().values().subject == "途中まで書いた件名");
}

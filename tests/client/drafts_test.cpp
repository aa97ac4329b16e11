#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <thread>

#include "drafts/outbox.hpp"
#include "identity/session.hpp"
#include "platform/native/http_native.hpp"
#include "platform/uuid.hpp"
#include "support/server_process.hpp"
#include "test_accounts.hpp"

using namespace madoguchi;
using client::ApiClient;
using client::Draft;
using client::DraftState;
using client::DraftStore;
using client::Outbox;
using namespace std::chrono_literals;

namespace {

const client::OutboxRoute inquiries{"/api/v1/inquiries", "/inquiry/number", "sent", "fix", "refused"};

Draft inquiry_draft(std::string subject) {
    Draft draft;
    draft.id = client::new_uuid();
    draft.form = "inquiry";
    draft.title = subject;
    draft.saved_at = "2026-11-25T01:00:00Z";
    draft.fields = {{"requester_name", "山田 花子"}, {"division", "情報システム室"}, {"contact", "内線 1234"},
                    {"category", "device"},          {"subject", subject},           {"body", "10階のプリンターが紙詰まりです。"}};
    return draft;
}

// Drains the client and runs the outbox until `done` or the patience runs out.
template <typename Done>
bool run_until(ApiClient& api, Outbox& outbox, Done done, std::chrono::seconds patience = 15s) {
    const auto deadline = std::chrono::steady_clock::now() + patience;
    while (std::chrono::steady_clock::now() < deadline) {
        api.drain();
        outbox.update(std::chrono::steady_clock::now());
        if (done()) return true;
        std::this_thread::sleep_for(2ms);
    }
    return false;
}

// Who writes the drafts, and who counts the inquiries on the server (operators see all).
const std::string writer = "yamada";
const std::string counter = "desk";

void add_accounts(const testing::ServerProcess& server) {
    testing::add_account(server, writer, {identity::Role::staff});
    testing::add_account(server, counter, {identity::Role::desk_operator});
}

// Signs in through the API client, as the app does; the session cookie stays in the transport.
void sign_in(ApiClient& api, client::Session& session, const std::string& login) {
    session.form().login = login;
    session.form().password = testing::account_password;
    session.sign_in();
    REQUIRE(testing::drain_until(api, [&] { return !session.busy(); }));
    INFO(session.sign_in_error(i18n::Language::en));
    REQUIRE(session.state() == client::SessionState::signed_in);
}

// One device: its drafts folder, its API client and outbox, talking to the server at `port`.
struct Device {
    Device(int port, const std::filesystem::path& folder)
        : transport(api, "127.0.0.1", port), store(folder), outbox(store, api), session(api) {
        api.set_transport(&transport);
        store.load();
        outbox.add_route("inquiry", inquiries);
    }
    void sign_in(const std::string& login = writer) {
        ::sign_in(api, session, login);
        outbox.set_owner(login);
    }
    template <typename Done>
    bool run_until(Done done) {
        return ::run_until(api, outbox, done);
    }
    DraftState state_of(const std::string& id) const { return store.find(id)->state; }

    ApiClient api;
    client::NativeHttpTransport transport;
    DraftStore store;
    Outbox outbox;
    client::Session session;
};

// How many inquiries the server holds, asked over HTTP by a desk operator, who sees them all.
int inquiries_on_server(int port) {
    ApiClient api;
    client::NativeHttpTransport transport(api, "127.0.0.1", port);
    api.set_transport(&transport);
    client::Session session(api);
    sign_in(api, session, counter);
    int total = -1;
    api.get("/api/v1/inquiries", [&](const client::ApiResult& result) {
        total = result.ok() ? nlohmann::json::parse(result.body).at("total").get<int>() : -2;
    });
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (total == -1 && std::chrono::steady_clock::now() < deadline) {
        api.drain();
        std::this_thread::sleep_for(2ms);
    }
    return total;
}

}  // namespace

TEST_CASE("drafts survive a restart of the store, newest first, and a damaged file is skipped", "[drafts]") {
    const testing::TempDir folder;
    int persisted = 0;
    {
        DraftStore store(folder.path(), [&] { ++persisted; });
        store.load();
        auto older = inquiry_draft("古い下書き");
        older.saved_at = "2026-11-24T09:00:00Z";
        REQUIRE(store.put(older));
        REQUIRE(store.put(inquiry_draft("新しい下書き")));
    }
    CHECK(persisted == 2);  // the browser syncs IndexedDB after each write
    std::ofstream(folder.path() / "broken.json") << "{\"id\": ";

    DraftStore reopened(folder.path());
    CHECK_FALSE(reopened.loaded());
    reopened.load();
    REQUIRE(reopened.loaded());
    const auto drafts = reopened.list();
    REQUIRE(drafts.size() == 2);
    CHECK(drafts[0]->title == "新しい下書き");
    CHECK(drafts[1]->title == "古い下書き");
    CHECK(drafts[0]->fields.at("requester_name") == "山田 花子");
    for (const auto& entry : std::filesystem::directory_iterator(folder.path())) {
        CHECK(entry.path().extension() != ".partial");
    }
    reopened.remove(drafts[0]->id);
    DraftStore again(folder.path());
    again.load();
    CHECK(again.list().size() == 1);
}

TEST_CASE("draft ids are distinct version-4 UUIDs", "[drafts]") {
    const auto a = client::new_uuid();
    const auto b = client::new_uuid();
    CHECK(a != b);
    REQUIRE(a.size() == 36);
    CHECK(a[14] == '4');
    CHECK(std::string("89ab").find(a[19]) != std::string::npos);
}

TEST_CASE("a submitted draft reaches the server once and gets its record number", "[drafts][outbox]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    add_accounts(server);
    const testing::TempDir folder;
    Device device(server.port(), folder.path());
    device.sign_in();
    auto& [api, transport, store, outbox, session] = device;

    const auto draft = inquiry_draft("プリンターの紙詰まり");
    store.put(draft);
    outbox.submit(draft.id, std::chrono::steady_clock::now());
    CHECK(store.find(draft.id)->state == DraftState::queued);
    CHECK(outbox.waiting() == 1);
    REQUIRE(run_until(api, outbox, [&] { return store.find(draft.id)->state == DraftState::sent; }));
    CHECK(store.find(draft.id)->receipt.rfind("INQ-", 0) == 0);
    CHECK(store.find(draft.id)->fields.empty());  // personal details do not linger on the device
    CHECK(outbox.waiting() == 0);
    const auto events = outbox.take_events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == client::OutboxEvent::Kind::sent);
    CHECK(events[0].message_key == "sent");
    CHECK(events[0].receipt == store.find(draft.id)->receipt);
    CHECK(inquiries_on_server(server.port()) == 1);
}

TEST_CASE("a draft sent while the server is down waits, then goes once when it is back", "[drafts][outbox]") {
    int port = 0;
    {
        const testing::ServerProcess probe(MADOGUCHI_SERVER_BINARY);
        port = probe.port();
    }
    const testing::TempDir folder;
    Device device(port, folder.path());
    auto& [api, transport, store, outbox, session] = device;
    const auto draft = inquiry_draft("接続が切れている間の問い合わせ");
    store.put(draft);
    const auto start = std::chrono::steady_clock::now();
    outbox.submit(draft.id, start);
    REQUIRE(run_until(api, outbox, [&] { return !outbox.sending(draft.id); }));
    CHECK(store.find(draft.id)->state == DraftState::queued);
    CHECK(store.find(draft.id)->attempts == 1);
    CHECK_FALSE(store.find(draft.id)->error_ja.empty());  // the outbox shows why it waits

    // Within the pause nothing is resent; send_all (the connection is back) sends at once.
    outbox.update(start + 1s);
    CHECK_FALSE(outbox.sending(draft.id));
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY, {}, port);
    add_accounts(server);
    device.sign_in();
    outbox.send_all(std::chrono::steady_clock::now());
    REQUIRE(run_until(api, outbox, [&] { return store.find(draft.id)->state == DraftState::sent; }));
    CHECK(store.find(draft.id)->attempts == 2);
    CHECK(inquiries_on_server(port) == 1);
}

TEST_CASE("a resend after a lost answer replays the first answer instead of making a second record",
          "[drafts][outbox]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    add_accounts(server);
    const testing::TempDir first_device_state;
    const auto draft = inquiry_draft("二重送信の確認");
    std::string first_receipt;
    {
        Device first(server.port(), first_device_state.path());
        first.sign_in();
        first.store.put(draft);
        first.outbox.submit(draft.id, std::chrono::steady_clock::now());
        REQUIRE(first.run_until([&] { return first.state_of(draft.id) == DraftState::sent; }));
        first_receipt = first.store.find(draft.id)->receipt;
    }
    // The page was closed before the answer arrived: the stored draft is still queued.
    const testing::TempDir reloaded_state;
    Device reloaded(server.port(), reloaded_state.path());
    reloaded.sign_in();
    auto queued = draft;
    queued.state = DraftState::queued;
    queued.attempts = 1;
    reloaded.store.put(queued);
    REQUIRE(reloaded.run_until([&] { return reloaded.state_of(draft.id) == DraftState::sent; }));
    CHECK(reloaded.store.find(draft.id)->receipt == first_receipt);
    CHECK(inquiries_on_server(server.port()) == 1);
}

TEST_CASE("a draft the server refuses for its fields goes back to editing with the reasons", "[drafts][outbox]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    add_accounts(server);
    const testing::TempDir folder;
    Device device(server.port(), folder.path());
    device.sign_in();
    auto& [api, transport, store, outbox, session] = device;
    auto draft = inquiry_draft("");
    draft.fields["subject"] = "";
    store.put(draft);
    outbox.submit(draft.id, std::chrono::steady_clock::now());
    REQUIRE(run_until(api, outbox, [&] { return store.find(draft.id)->state == DraftState::editing; }));
    CHECK(store.find(draft.id)->field_errors.contains("subject"));
    CHECK_FALSE(store.find(draft.id)->error_ja.empty());
    const auto events = outbox.take_events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == client::OutboxEvent::Kind::needs_changes);
    CHECK(inquiries_on_server(server.port()) == 0);
}

TEST_CASE("a send refused because the session ended stays queued and goes once the user signs in again",
          "[drafts][outbox][session]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    add_accounts(server);
    const testing::TempDir folder;
    Device device(server.port(), folder.path());
    device.sign_in();
    auto& [api, transport, store, outbox, session] = device;
    // The session is ended on the server (signed out elsewhere); this device does not know yet.
    client::HttpRequest sign_out{"DELETE", "/api/v1/session", {}, {}};
    bool signed_out = false;
    api.send(sign_out, [&](const client::ApiResult& result) { signed_out = result.status == 204; });
    REQUIRE(testing::drain_until(api, [&] { return signed_out; }));

    auto draft = inquiry_draft("ログインが切れた後の問い合わせ");
    draft.owner = writer;
    store.put(draft);
    outbox.submit(draft.id, std::chrono::steady_clock::now());
    REQUIRE(run_until(api, outbox, [&] { return !outbox.sending(draft.id); }));
    CHECK(store.find(draft.id)->state == DraftState::queued);  // not a rejection
    CHECK(outbox.take_events().empty());
    session.update();
    CHECK(session.state() == client::SessionState::session_ended);

    device.sign_in();
    outbox.send_all(std::chrono::steady_clock::now());
    REQUIRE(run_until(api, outbox, [&] { return store.find(draft.id)->state == DraftState::sent; }));
    CHECK(inquiries_on_server(server.port()) == 1);
}

TEST_CASE("on a shared device the outbox sends only the signed-in user's drafts", "[drafts][outbox]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    add_accounts(server);
    testing::add_account(server, "suzuki", {identity::Role::staff});
    const testing::TempDir folder;
    Device device(server.port(), folder.path());
    device.sign_in("suzuki");
    auto& [api, transport, store, outbox, session] = device;
    // yamada submitted on this PC while the server was away, then signed out.
    auto theirs = inquiry_draft("山田さんの問い合わせ");
    theirs.owner = writer;
    theirs.state = DraftState::queued;
    store.put(theirs);
    auto mine = inquiry_draft("鈴木の問い合わせ");
    mine.owner = "suzuki";
    mine.state = DraftState::queued;
    store.put(mine);
    CHECK(outbox.waiting() == 1);
    REQUIRE(run_until(api, outbox, [&] { return store.find(mine.id)->state == DraftState::sent; }));
    CHECK(store.find(theirs.id)->state == DraftState::queued);
    CHECK_FALSE(outbox.sending(theirs.id));
    CHECK(inquiries_on_server(server.port()) == 1);
}

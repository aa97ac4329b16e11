// ユーザー管理's view-models: filters become the server's query, every page of a large result
// is loaded with progress, an edit sends only what changed, and the server's refusals show
// beside their fields in the user's language; against a real server and against fixtures.
#include <catch2/catch.hpp>

#include "admin/login_blocks.hpp"
#include "admin/new_user.hpp"
#include "admin/user_editor.hpp"
#include "admin/user_list.hpp"
#include "identity/session.hpp"
#include "platform/native/http_native.hpp"
#include "test_accounts.hpp"

using namespace madoguchi;
using client::UserFilters;
using identity::Role;
using i18n::Language;

namespace {

// An admin's browser tab, signed in.
struct AdminTab {
    AdminTab(int port, const std::string& login) : transport(api, "127.0.0.1", port), session(api) {
        api.set_transport(&transport);
        session.form().login = login;
        session.form().password = testing::account_password;
        session.sign_in();
        REQUIRE(testing::drain_until(api, [&] { return !session.busy(); }));
        REQUIRE(session.state() == client::SessionState::signed_in);
    }
    client::ApiClient api;
    client::NativeHttpTransport transport;
    client::Session session;
};

std::size_t role_index(Role role) {
    const auto roles = identity::all_roles();
    return static_cast<std::size_t>(std::find(roles.begin(), roles.end(), role) - roles.begin());
}

}  // namespace

TEST_CASE("the list's filters become the server's query, values percent-encoded", "[admin]") {
    UserFilters filters;
    CHECK(client::users_path(filters, 200, 0) == "/api/v1/users?limit=200&offset=0");
    filters.text = "山田 a&b";
    filters.role = static_cast<int>(role_index(Role::desk_operator));
    filters.division = "D-IT";
    filters.status = UserFilters::Status::disabled;
    CHECK(client::users_path(filters, 200, 400) ==
          "/api/v1/users?q=%E5%B1%B1%E7%94%B0%20a%26b&role=operator&division=D-IT&disabled=true&limit=200&offset=400");
    filters.status = UserFilters::Status::enabled;
    CHECK(client::users_path(filters, 50, 0).find("disabled=false") != std::string::npos);
}

TEST_CASE("an edit sends only the fields that changed", "[admin]") {
    identity::UserFields before;
    before.login = "yamada";
    before.name = "山田 花子";
    before.division_code = "D-IT";
    before.roles = {Role::staff};
    before.email = "yamada@example.go.jp";
    auto after = client::form_values(before);
    CHECK(client::user_changes(before, after).empty());

    after.name = "山田 花子（兼務）";
    after.name_kana = "ヤマダ ハナコ";
    after.roles[role_index(Role::manager)] = true;
    const auto body = client::user_changes(before, after);
    CHECK(body == nlohmann::json{{"name", "山田 花子（兼務）"}, {"name_kana", "ヤマダ ハナコ"}, {"roles", {"staff", "manager"}}});

    // A vendor's company goes only with the vendor role; dropping the role drops the company.
    before.roles = {Role::vendor};
    before.vendor_company = "株式会社リコー";
    auto vendor = client::form_values(before);
    vendor.roles[role_index(Role::vendor)] = false;
    vendor.roles[role_index(Role::staff)] = true;
    CHECK(client::user_changes(before, vendor) ==
          nlohmann::json{{"roles", {"staff"}}, {"vendor_company", ""}});
}

TEST_CASE("a page of users from the server is read with its total and the progress so far", "[admin]") {
    client::Divisions divisions;
    divisions.accept(R"({"divisions":[{"code":"B-HQ","parent_code":null,"name_ja":"大臣官房","name_en":"Minister's Secretariat"},
                                      {"code":"D-IT","parent_code":"B-HQ","name_ja":"情報システム室","name_en":""}]})");
    client::UserList list(divisions, Language::ja);
    const auto page = [](int first, int count) {
        auto users = nlohmann::json::array();
        for (int i = first; i < first + count; ++i) {
            std::string login = "u";
            login += std::to_string(i);
            users.push_back({{"id", i}, {"login", login}, {"name", "利用者"}, {"division_code", "D-IT"},
                             {"vendor_company", ""}, {"email", ""}, {"roles", {"staff", "manager"}}, {"disabled", i % 2 == 1},
                             {"has_password", true}, {"created_at", ""}, {"updated_at", ""}});
        }
        return nlohmann::json{{"users", users}, {"total", 250}}.dump();
    };
    CHECK(list.accept_page(page(1, 200), 0));
    CHECK(list.state() == client::UserList::State::loading);
    CHECK(list.progress().done() == 200);
    CHECK(list.progress().total() == 250);
    CHECK_FALSE(list.accept_page(page(201, 50), 200));
    CHECK(list.state() == client::UserList::State::loaded);
    CHECK(list.users().size() == 250);
    CHECK(list.table().cell_text(0, 2) == "情報システム室");
    CHECK(list.table().cell_text(0, 3) == "職員、課室等管理者");
    CHECK(list.table().cell_text(0, 4) == "無効");
    CHECK(list.table().cell_text(1, 4) == "有効");
    list.set_language(Language::en);
    CHECK(list.table().cell_text(0, 3) == "Staff, Division manager");
    CHECK(list.table().cell_text(0, 2) == "情報システム室");  // no English name: the Japanese one
}

TEST_CASE("divisions are listed as a tree, parents first, for indented choices", "[admin]") {
    client::Divisions divisions;
    divisions.accept(R"({"divisions":[{"code":"D-B","parent_code":"B-1","name_ja":"乙課","name_en":""},
                                      {"code":"B-1","parent_code":null,"name_ja":"第一局","name_en":""},
                                      {"code":"D-A","parent_code":"B-1","name_ja":"甲課","name_en":""},
                                      {"code":"B-2","parent_code":null,"name_ja":"第二局","name_en":""}]})");
    REQUIRE(divisions.tree().size() == 4);
    CHECK(divisions.tree()[0].code == "B-1");
    CHECK(divisions.tree()[1].code == "D-A");
    CHECK(divisions.tree()[1].depth == 1);
    CHECK(divisions.tree()[2].code == "D-B");
    CHECK(divisions.tree()[3].code == "B-2");
    CHECK(divisions.name_of("D-A", Language::ja) == "甲課");
    CHECK(divisions.name_of("X-9", Language::ja) == "X-9");  // unknown: the code itself
}

TEST_CASE("an admin lists 450 users in pages, edits one, and the list shows the change", "[admin]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    testing::add_account(server, "admin1", {Role::admin});
    testing::add_many_accounts(server, "staff", 449);
    AdminTab tab(server.port(), "admin1");
    client::Divisions divisions;
    client::UserList list(divisions, Language::ja);
    list.reload(tab.api);
    REQUIRE(testing::drain_until(tab.api, [&] { return list.state() != client::UserList::State::loading; }));
    REQUIRE(list.state() == client::UserList::State::loaded);
    CHECK(list.total() == 450);
    CHECK(list.users().size() == 450);
    CHECK(list.progress().state() == client::ProgressState::finished);

    list.filters().text = "staff00";  // staff001 … staff009
    list.reload(tab.api);
    REQUIRE(testing::drain_until(tab.api, [&] { return list.state() == client::UserList::State::loaded; }));
    CHECK(list.total() == 9);

    list.table().click(0, {});
    REQUIRE(list.current() != nullptr);
    client::UserEditor editor;
    editor.open(*list.current());
    CHECK_FALSE(editor.changed());
    editor.values().name = "試験 太郎";
    editor.values().roles[role_index(Role::manager)] = true;
    REQUIRE(editor.save(tab.api));
    REQUIRE(testing::drain_until(tab.api, [&] { return !editor.busy(); }));
    INFO(editor.errors().general(Language::en));
    const auto updated = editor.take_updated();
    REQUIRE(updated);
    CHECK(updated->fields.name == "試験 太郎");
    CHECK(updated->fields.roles == std::vector<Role>{Role::staff, Role::manager});
    CHECK(editor.take_done() == "admin.saved");
    list.put(*updated);
    CHECK(list.table().cell_text(0, 1) == "試験 太郎");
    CHECK(list.total() == 9);
}

TEST_CASE("refusals show in the user's language: a bad field inline, the last admin as a message", "[admin]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    const auto admin_id = testing::add_account(server, "admin1", {Role::admin});
    AdminTab tab(server.port(), "admin1");

    client::NewUserForm form;
    form.values.login = "admin1";
    form.values.name = "二人目";
    form.values.division_code = "D-TEST";
    form.values.roles[role_index(Role::staff)] = true;
    form.password = "short";
    CHECK_FALSE(form.submit(tab.api));  // checked on the client first, with the shared rules
    CHECK(form.errors().field("password", Language::ja) == i18n::text("field.password_too_short", Language::ja));
    form.password.clear();
    REQUIRE(form.submit(tab.api));
    REQUIRE(testing::drain_until(tab.api, [&] { return !form.busy(); }));
    CHECK(form.errors().field("login", Language::ja) == "このログインIDは既に使われています。");
    CHECK(form.errors().field("login", Language::en) == "is already taken");
    CHECK_FALSE(form.take_created());

    form.values.login = "Sato.K";  // logins are kept in lower case
    REQUIRE(form.submit(tab.api));
    REQUIRE(testing::drain_until(tab.api, [&] { return !form.busy(); }));
    const auto created = form.take_created();
    REQUIRE(created);
    CHECK(created->fields.login == "sato.k");
    CHECK(form.values.login.empty());  // the dialog starts afresh

    client::UserEditor editor;
    client::UserRecord self;
    self.id = admin_id;
    self.fields.login = "admin1";
    self.fields.name = "試験 admin1";
    self.fields.division_code = "D-TEST";
    self.fields.roles = {Role::admin};
    editor.open(self);
    editor.set_disabled(tab.api, true);
    REQUIRE(testing::drain_until(tab.api, [&] { return !editor.busy(); }));
    CHECK(editor.errors().general(Language::ja) == i18n::text("error.last_admin", Language::ja));
    CHECK(editor.errors().general_code() == "last_admin");
}

TEST_CASE("login blocks are read from the server and cleared", "[admin]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    testing::add_account(server, "admin1", {Role::admin});
    testing::add_account(server, "clumsy", {Role::staff});
    {
        client::ApiClient api;
        client::NativeHttpTransport transport(api, "127.0.0.1", server.port());
        api.set_transport(&transport);
        client::Session session(api);
        // Listed once the count reaches the threshold (5); later attempts may be refused outright.
        for (int attempt = 0; attempt < 7; ++attempt) {
            session.form().login = "clumsy";
            session.form().password = "not my password";
            session.sign_in();
            REQUIRE(testing::drain_until(api, [&] { return !session.busy(); }));
        }
    }
    AdminTab tab(server.port(), "admin1");
    client::LoginBlocks blocks;
    blocks.load(tab.api);
    REQUIRE(testing::drain_until(tab.api, [&] { return blocks.state() != client::LoginBlocks::State::loading; }));
    REQUIRE(blocks.state() == client::LoginBlocks::State::loaded);
    const auto found = std::find_if(blocks.blocks().begin(), blocks.blocks().end(),
                                    [](const client::LoginBlock& b) { return b.key == "login:clumsy"; });
    REQUIRE(found != blocks.blocks().end());
    CHECK(found->failures >= 5);
    CHECK(client::describe_block_key(found->key, Language::ja) == "ログインID clumsy");

    blocks.clear(tab.api, "login:clumsy");
    REQUIRE(testing::drain_until(tab.api, [&] { return blocks.take_cleared(); }));
    REQUIRE(testing::drain_until(tab.api, [&] { return blocks.state() == client::LoginBlocks::State::loaded; }));
    CHECK(std::none_of(blocks.blocks().begin(), blocks.blocks().end(),
                       [](const client::LoginBlock& b) { return b.key == "login:clumsy"; }));
}

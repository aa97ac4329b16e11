// Administering accounts over the API: adding, finding, changing roles, disabling, setting
// passwords; each change audited with what it was before and after.
#include <catch2/catch.hpp>

#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

json new_user(const std::string& login, json roles = {"staff"}) {
    return {{"login", login}, {"name", "山田 花子"}, {"division_code", test_division}, {"roles", std::move(roles)}};
}

std::string user_path(const json& user) { return "/api/v1/users/" + std::to_string(user["id"].get<int>()); }

}  // namespace

TEST_CASE("an admin adds a user who can then sign in, the addition is audited", "[identity][users]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    auto body = new_user("Yamada.Hanako", {"staff", "manager"});
    body["email"] = "yamada@example.go.jp";
    body["password"] = "はなこの長い合言葉です";
    const auto created = audited(server, [&] { return admin.client->Post("/api/v1/users", body.dump(), "application/json"); });
    REQUIRE(created->status == 201);
    const auto user = json_of(created)["user"];
    CHECK(user["login"] == "yamada.hanako");
    CHECK(user["roles"] == json{"staff", "manager"});
    CHECK(user["has_password"] == true);
    CHECK(admin.client->Get(user_path(user).c_str())->status == 200);
    CHECK(sign_in(server, "yamada.hanako", "はなこの長い合言葉です").user["name"] == "山田 花子");
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'user.created' AND actor = "
                                             "'admin1' AND after_json ->> '$.login' = 'yamada.hanako'") == 1);
}

TEST_CASE("a user that cannot be added is refused with every field named, and nothing is written", "[identity][users]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    const auto post = [&](const json& body) { return admin.client->Post("/api/v1/users", body.dump(), "application/json"); };
    const auto users_before = count_rows(server.database_path(), "SELECT count(*) FROM users");

    const auto taken = post(new_user("ADMIN1"));
    CHECK(taken->status == 422);
    CHECK(error_fields(taken) == std::vector<std::string>{"login"});
    CHECK(json_of(taken)["error"]["fields"]["login"] == "is already taken");

    auto invalid = new_user("-bad login-");
    invalid["name"] = "";
    invalid["division_code"] = "NO-SUCH";
    invalid["roles"] = json::array();
    invalid["email"] = "not-an-address";
    const auto refused = post(invalid);
    CHECK(refused->status == 422);
    CHECK(error_fields(refused) == std::vector<std::string>{"division_code", "email", "login", "name", "roles"});

    auto vendor = new_user("vendor1", {"vendor"});
    CHECK(error_fields(post(vendor)) == std::vector<std::string>{"vendor_company"});
    CHECK(error_fields(post(new_user("someone", {"staff", "root"}))) == std::vector<std::string>{"roles"});
    auto short_password = new_user("someone");
    short_password["password"] = "short";
    CHECK(error_fields(post(short_password)) == std::vector<std::string>{"password"});

    const auto wrong_types = post(json{{"login", 5}, {"name", "x"}, {"division_code", test_division}, {"roles", "staff"}, {"admin", true}});
    CHECK(wrong_types->status == 400);
    CHECK(error_fields(wrong_types) == std::vector<std::string>{"admin", "login", "roles"});
    const auto as_form = admin.client->Post("/api/v1/users", "login=x", "application/x-www-form-urlencoded");
    CHECK(as_form->status == 415);

    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM users") == users_before);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'user.created'") == 0);
}

TEST_CASE("users are found by text, role, division and state, in pages with the total", "[identity][users]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    for (int index = 0; index < 12; ++index) add_user(server, {"staff" + std::to_string(100 + index), {Role::staff}, "D-SOUMU"});
    add_user(server, {"desk1", {Role::desk_operator}, "D-DESK"});
    const auto page = [&](const std::string& query) { return json_of(admin.client->Get(("/api/v1/users" + query).c_str())); };

    CHECK(page("")["total"] == 14);
    CHECK(page("?role=staff")["total"] == 12);
    CHECK(page("?division=D-DESK")["users"][0]["login"] == "desk1");
    CHECK(page("?q=staff11")["total"] == 2);  // staff110, staff111
    CHECK(page("?q=%25")["total"] == 0);      // a '%' is taken literally
    const auto second = page("?role=staff&limit=5&offset=5");
    CHECK(second["total"] == 12);
    REQUIRE(second["users"].size() == 5);
    CHECK(second["users"][0]["login"] == "staff105");
    CHECK(page("?disabled=false")["total"] == 14);
    CHECK(error_fields(admin.client->Get("/api/v1/users?role=root&disabled=maybe")) ==
          std::vector<std::string>{"disabled", "role"});
}

TEST_CASE("changing roles and disabling are audited with before and after, disabling signs the user out", "[identity][users]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    auto suzuki = signed_in_user(server, {"suzuki", {Role::staff}});
    const auto user = json_of(admin.client->Get("/api/v1/users?q=suzuki"))["users"][0];

    const auto promoted = audited(server, [&] {
        return admin.client->Patch(user_path(user).c_str(), R"({"roles":["staff","manager"],"name":"鈴木 一郎"})",
                                   "application/json");
    });
    REQUIRE(promoted->status == 200);
    CHECK(json_of(promoted)["user"]["roles"] == json{"staff", "manager"});
    // Roles count from the next request on: no sign-in again needed.
    CHECK(json_of(suzuki.client->Get("/api/v1/me"))["user"]["roles"] == json{"staff", "manager"});
    CHECK(count_rows(server.database_path(),
                     "SELECT count(*) FROM audit_log WHERE action = 'user.updated' AND before_json ->> '$.name' = '試験 suzuki' "
                     "AND after_json ->> '$.name' = '鈴木 一郎'") == 1);

    const auto disabled = audited(server, [&] {
        return admin.client->Patch(user_path(user).c_str(), R"({"disabled":true})", "application/json");
    });
    CHECK(json_of(disabled)["user"]["disabled"] == true);
    CHECK(suzuki.client->Get("/api/v1/me")->status == 401);
    CHECK(admin.client->Patch("/api/v1/users/999999", R"({"disabled":true})", "application/json")->status == 404);
    CHECK(admin.client->Patch(user_path(user).c_str(), R"({"login":"other"})", "application/json")->status == 400);
}

TEST_CASE("the last enabled admin can be neither disabled nor stripped of the role", "[identity][users]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    const auto self = admin.user;
    const auto disable_self = admin.client->Patch(user_path(self).c_str(), R"({"disabled":true})", "application/json");
    CHECK(disable_self->status == 409);
    CHECK(json_of(disable_self)["error"]["code"] == "last_admin");
    CHECK(admin.client->Patch(user_path(self).c_str(), R"({"roles":["staff"]})", "application/json")->status == 409);

    add_user(server, {"admin2", {Role::admin}});
    CHECK(audited(server, [&] {
              return admin.client->Patch(user_path(self).c_str(), R"({"roles":["staff"]})", "application/json");
          })->status == 200);
    // admin1 is staff now: the admin routes refuse at once.
    CHECK(admin.client->Get("/api/v1/users")->status == 403);
}

TEST_CASE("an admin sets a password: the user's sessions end and the new password works", "[identity][users]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    auto suzuki = signed_in_user(server, {"suzuki", {Role::staff}});
    const auto user = json_of(admin.client->Get("/api/v1/users?q=suzuki"))["users"][0];
    const auto path = user_path(user) + "/password";
    CHECK(error_fields(admin.client->Put(path.c_str(), R"({"password":"short"})", "application/json")) ==
          std::vector<std::string>{"password"});
    const auto set = audited(server, [&] {
        return admin.client->Put(path.c_str(), R"({"password":"窓口で渡す仮パスワード"})", "application/json");
    });
    CHECK(set->status == 204);
    CHECK(suzuki.client->Get("/api/v1/me")->status == 401);
    CHECK(sign_in(server, "suzuki", "窓口で渡す仮パスワード").user["login"] == "suzuki");
    // The audit record never holds the password or its hash.
    CHECK(count_rows(server.database_path(),
                     "SELECT count(*) FROM audit_log WHERE coalesce(after_json, '') || coalesce(before_json, '') LIKE "
                     "'%argon2%' OR coalesce(after_json, '') LIKE '%仮パスワード%'") == 0);
}

TEST_CASE("divisions come as a tree, parents before their children", "[identity][users]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"suzuki", {Role::staff}, "D-B"});
    add_user(server, {"sato", {Role::staff}, "D-A"});
    const auto divisions = json_of(staff.client->Get("/api/v1/divisions"))["divisions"];
    REQUIRE(divisions.size() == 3);
    CHECK(divisions[0]["code"] == "B-TEST");
    CHECK(divisions[0]["parent_code"].is_null());
    CHECK(divisions[1]["code"] == "D-A");
    CHECK(divisions[1]["parent_code"] == "B-TEST");
    CHECK(divisions[2]["code"] == "D-B");
}

#include "test_accounts.hpp"

#include <catch2/catch.hpp>

#include <cstdio>

#include "calendar/tokyo_time.hpp"
#include "identity/division_store.hpp"
#include "identity/password.hpp"
#include "identity/user_store.hpp"
#include "store/database.hpp"

namespace madoguchi::testing {
namespace {

namespace store = server::store;

// Hashing costs tens of milliseconds; every test account shares one hash.
const std::string& password_hash() {
    static const std::string hash = server::identity::hash_password(account_password).value();
    return hash;
}

store::Database open_database(const ServerProcess& server) {
    auto opened = store::Database::open(server.data_dir() / "madoguchi.db");
    REQUIRE(opened);
    return std::move(opened.value());
}

store::Status ensure_division(store::Database& database, const std::string& code) {
    if (auto bureau = server::identity::upsert_division(database, {"B-TEST", "", "試験局", "Test bureau"}); !bureau) {
        return bureau;
    }
    auto existing = server::identity::find_division(database, code);
    if (!existing) return store::Error{existing.error()};
    if (existing.value()) return store::success();
    std::string name = code;
    name += "課";
    return server::identity::upsert_division(database, {code, "B-TEST", name, code});
}

}  // namespace

std::int64_t add_account(const ServerProcess& server, const std::string& login, const std::vector<identity::Role>& roles,
                         const std::string& division, const std::string& email) {
    auto database = open_database(server);
    std::int64_t id = 0;
    auto committed = database.transaction([&]() -> store::Status {
        if (auto added = ensure_division(database, division); !added) return added;
        identity::UserFields fields;
        fields.login = login;
        fields.name = "試験 ";
        fields.name += login;
        fields.division_code = division;
        fields.roles = roles;
        fields.email = email;
        if (identity::has_role(roles, identity::Role::vendor)) fields.vendor_company = "試験ベンダー株式会社";
        REQUIRE(identity::validate(fields).empty());
        auto inserted = server::identity::insert_user(database, fields, password_hash(), calendar::now());
        if (!inserted) return store::Error{inserted.error()};
        id = inserted.value();
        return store::success();
    });
    if (!committed) FAIL(committed.error());
    return id;
}

void add_many_accounts(const ServerProcess& server, const std::string& prefix, int count) {
    auto database = open_database(server);
    auto committed = database.transaction([&]() -> store::Status {
        if (auto division = ensure_division(database, "D-TEST"); !division) return division;
        for (int i = 1; i <= count; ++i) {
            char number[16];
            std::snprintf(number, sizeof number, "%03d", i);
            identity::UserFields fields;
            fields.login = prefix;
            fields.login += number;
            fields.name = "試験 ";
            fields.name += fields.login;
            fields.division_code = "D-TEST";
            fields.roles = {identity::Role::staff};
            auto inserted = server::identity::insert_user(database, fields, password_hash(), calendar::now());
            if (!inserted) return store::Error{inserted.error()};
        }
        return store::success();
    });
    if (!committed) FAIL(committed.error());
}

void add_division(const ServerProcess& server, const std::string& code, const std::string& parent,
                  const std::string& name_ja) {
    auto database = open_database(server);
    auto added = server::identity::upsert_division(database, {code, parent, name_ja, ""});
    if (!added) FAIL(added.error());
}

}  // namespace madoguchi::testing

#include "identity/user_store.hpp"

#include <functional>
#include <unordered_map>

namespace madoguchi::server::identity {
namespace {

constexpr const char* user_columns =
    "id, login, name, division_code, vendor_company, email, password_hash IS NOT NULL, disabled, created_at, "
    "updated_at, name_kana, coalesce(staff_card, '')";

UserRecord read_user(const store::Statement& row) {
    UserRecord user;
    user.id = row.column_int(0);
    user.fields.login = row.column_text(1);
    user.fields.name = row.column_text(2);
    user.fields.division_code = row.column_text(3);
    user.fields.vendor_company = row.column_text(4);
    user.fields.email = row.column_text(5);
    user.has_password = row.column_int(6) != 0;
    user.disabled = row.column_int(7) != 0;
    user.created_at = row.column_text(8);
    user.updated_at = row.column_text(9);
    user.fields.name_kana = row.column_text(10);
    user.staff_card = row.column_text(11);
    return user;
}

store::Status load_roles(store::Database& database, UserRecord& user) {
    auto select = database.prepare("SELECT role FROM user_roles WHERE user_id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, user.id);
    std::vector<bool> held(madoguchi::identity::all_roles().size(), false);
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        if (const auto role = madoguchi::identity::parse_role(select.value().column_text(0))) {
            held[static_cast<std::size_t>(*role)] = true;
        }
    }
    user.fields.roles.clear();
    for (const auto role : madoguchi::identity::all_roles()) {
        if (held[static_cast<std::size_t>(role)]) user.fields.roles.push_back(role);
    }
    return store::success();
}

store::Status replace_roles(store::Database& database, std::int64_t id, const std::vector<Role>& roles) {
    auto removed = database.prepare("DELETE FROM user_roles WHERE user_id = ?1");
    if (!removed) return store::Error{removed.error()};
    removed.value().bind(1, id);
    if (auto done = removed.value().step(); !done) return store::Error{done.error()};
    for (const auto role : roles) {
        auto insert = database.prepare("INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)");
        if (!insert) return store::Error{insert.error()};
        insert.value().bind(1, id).bind(2, madoguchi::identity::role_name(role));
        if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    }
    return store::success();
}

store::Result<std::optional<UserRecord>> find_one(store::Database& database, const std::string& where,
                                                  const std::function<void(store::Statement&)>& bind) {
    auto select = database.prepare(std::string("SELECT ") + user_columns + " FROM users WHERE " + where);
    if (!select) return store::Error{select.error()};
    bind(select.value());
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<UserRecord>();
    auto user = read_user(select.value());
    if (auto loaded = load_roles(database, user); !loaded) return store::Error{loaded.error()};
    return std::optional<UserRecord>(std::move(user));
}

store::Status run(store::Statement& statement) {
    if (auto done = statement.step(); !done) return store::Error{done.error()};
    return store::success();
}

// LIKE with the user's text taken literally.
std::string like_pattern(std::string_view text) {
    std::string pattern = "%";
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

}  // namespace

nlohmann::json to_json(const UserRecord& user) {
    auto roles = nlohmann::json::array();
    for (const auto role : user.fields.roles) roles.push_back(madoguchi::identity::role_name(role));
    return {{"id", user.id},
            {"login", user.fields.login},
            {"name", user.fields.name},
            {"name_kana", user.fields.name_kana},
            {"division_code", user.fields.division_code},
            {"vendor_company", user.fields.vendor_company},
            {"email", user.fields.email},
            {"roles", roles},
            {"disabled", user.disabled},
            {"has_password", user.has_password},
            {"staff_card", user.staff_card.empty() ? nlohmann::json() : nlohmann::json(user.staff_card)},
            {"created_at", user.created_at},
            {"updated_at", user.updated_at}};
}

store::Result<std::optional<UserRecord>> find_user(store::Database& database, std::int64_t id) {
    return find_one(database, "id = ?1", [id](store::Statement& statement) { statement.bind(1, id); });
}

store::Result<std::optional<UserRecord>> find_user_by_login(store::Database& database, std::string_view login) {
    const auto normalised = madoguchi::identity::normalise_login(login);
    return find_one(database, "login = ?1",
                    [&normalised](store::Statement& statement) { statement.bind(1, normalised); });
}

store::Result<std::string> password_hash_of(store::Database& database, std::int64_t id) {
    auto select = database.prepare("SELECT coalesce(password_hash, '') FROM users WHERE id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    return row.value() ? select.value().column_text(0) : std::string();
}

store::Result<std::int64_t> insert_user(store::Database& database, const UserFields& fields,
                                        const std::optional<std::string>& password_hash, calendar::Instant now) {
    const auto stamp = calendar::format_iso8601_utc(now);
    auto insert = database.prepare(
        "INSERT INTO users (login, name, division_code, vendor_company, email, password_hash, created_at, updated_at, "
        "name_kana) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8) RETURNING id");
    if (!insert) return store::Error{insert.error()};
    auto& statement = insert.value();
    statement.bind(1, madoguchi::identity::normalise_login(fields.login))
        .bind(2, fields.name)
        .bind(3, fields.division_code)
        .bind(4, fields.vendor_company)
        .bind(5, fields.email)
        .bind(7, stamp)
        .bind(8, fields.name_kana);
    if (password_hash) statement.bind(6, *password_hash);
    auto row = statement.step();
    if (!row) return store::Error{row.error()};
    const auto id = statement.column_int(0);
    if (auto done = statement.step(); !done) return store::Error{done.error()};
    if (auto roles = replace_roles(database, id, fields.roles); !roles) return store::Error{roles.error()};
    return id;
}

store::Status update_user(store::Database& database, std::int64_t id, const UserFields& fields, calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE users SET name = ?2, division_code = ?3, vendor_company = ?4, email = ?5, updated_at = ?6, "
        "name_kana = ?7 WHERE id = ?1");
    if (!update) return store::Error{update.error()};
    update.value()
        .bind(1, id)
        .bind(2, fields.name)
        .bind(3, fields.division_code)
        .bind(4, fields.vendor_company)
        .bind(5, fields.email)
        .bind(6, calendar::format_iso8601_utc(now))
        .bind(7, fields.name_kana);
    if (auto done = run(update.value()); !done) return done;
    return replace_roles(database, id, fields.roles);
}

store::Status set_password_hash(store::Database& database, std::int64_t id, const std::string& hash,
                                calendar::Instant now) {
    auto update = database.prepare("UPDATE users SET password_hash = ?2, updated_at = ?3 WHERE id = ?1");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, id).bind(2, hash).bind(3, calendar::format_iso8601_utc(now));
    return run(update.value());
}

store::Status set_disabled(store::Database& database, std::int64_t id, bool disabled, calendar::Instant now) {
    auto update = database.prepare("UPDATE users SET disabled = ?2, updated_at = ?3 WHERE id = ?1");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, id).bind(2, std::int64_t{disabled ? 1 : 0}).bind(3, calendar::format_iso8601_utc(now));
    return run(update.value());
}

store::Result<UserPage> list_users(store::Database& database, const UserQuery& query) {
    // ?1 text pattern or NULL, ?2 role or NULL, ?3 division or NULL, ?4 disabled or NULL.
    const std::string where =
        " FROM users u WHERE (?1 IS NULL OR u.login LIKE ?1 ESCAPE '\\' OR u.name LIKE ?1 ESCAPE '\\')"
        " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = ?2))"
        " AND (?3 IS NULL OR u.division_code = ?3) AND (?4 IS NULL OR u.disabled = ?4)";
    const auto bind_filters = [&](store::Statement& statement) {
        if (!query.text.empty()) statement.bind(1, like_pattern(query.text));
        if (query.role) statement.bind(2, madoguchi::identity::role_name(*query.role));
        if (!query.division_code.empty()) statement.bind(3, query.division_code);
        if (query.disabled) statement.bind(4, std::int64_t{*query.disabled ? 1 : 0});
    };
    UserPage page;
    auto count = database.prepare("SELECT count(*)" + where);
    if (!count) return store::Error{count.error()};
    bind_filters(count.value());
    if (auto row = count.value().step(); !row) return store::Error{row.error()};
    page.total = count.value().column_int(0);

    auto select = database.prepare(
        "SELECT u.id, u.login, u.name, u.division_code, u.vendor_company, u.email, u.password_hash IS NOT NULL, "
        "u.disabled, u.created_at, u.updated_at, u.name_kana, coalesce(u.staff_card, '')" +
        where + " ORDER BY u.login LIMIT ?5 OFFSET ?6");
    if (!select) return store::Error{select.error()};
    bind_filters(select.value());
    select.value().bind(5, std::int64_t{query.limit}).bind(6, std::int64_t{query.offset});
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        page.users.push_back(read_user(select.value()));
    }
    for (auto& user : page.users) {
        if (auto loaded = load_roles(database, user); !loaded) return store::Error{loaded.error()};
    }
    return page;
}

store::Result<std::int64_t> count_enabled_with_role(store::Database& database, Role role) {
    auto count = database.prepare(
        "SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = ?1 AND u.disabled = 0");
    if (!count) return store::Error{count.error()};
    count.value().bind(1, madoguchi::identity::role_name(role));
    if (auto row = count.value().step(); !row) return store::Error{row.error()};
    return count.value().column_int(0);
}

}  // namespace madoguchi::server::identity

namespace madoguchi::server::identity {

store::Result<std::vector<UserRecord>> all_users(store::Database& database) {
    auto select = database.prepare(std::string("SELECT ") + user_columns + " FROM users ORDER BY login");
    if (!select) return store::Error{select.error()};
    std::vector<UserRecord> users;
    std::unordered_map<std::int64_t, std::size_t> index_of;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        users.push_back(read_user(select.value()));
        index_of.emplace(users.back().id, users.size() - 1);
    }
    auto roles = database.prepare("SELECT user_id, role FROM user_roles");
    if (!roles) return store::Error{roles.error()};
    std::vector<std::vector<bool>> held(users.size(), std::vector<bool>(madoguchi::identity::all_roles().size(), false));
    while (true) {
        auto row = roles.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        const auto found = index_of.find(roles.value().column_int(0));
        const auto role = madoguchi::identity::parse_role(roles.value().column_text(1));
        if (found != index_of.end() && role) held[found->second][static_cast<std::size_t>(*role)] = true;
    }
    for (std::size_t index = 0; index < users.size(); ++index) {
        for (const auto role : madoguchi::identity::all_roles()) {
            if (held[index][static_cast<std::size_t>(role)]) users[index].fields.roles.push_back(role);
        }
    }
    return users;
}

store::Result<UserBatch> UserBatch::prepare(store::Database& database) {
    auto insert = database.prepare(
        "INSERT INTO users (login, name, division_code, vendor_company, email, created_at, updated_at, name_kana) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7) RETURNING id");
    if (!insert) return store::Error{insert.error()};
    auto update = database.prepare(
        "UPDATE users SET name = ?2, division_code = ?3, vendor_company = ?4, email = ?5, updated_at = ?6, "
        "name_kana = ?7 WHERE id = ?1");
    if (!update) return store::Error{update.error()};
    auto clear_roles = database.prepare("DELETE FROM user_roles WHERE user_id = ?1");
    if (!clear_roles) return store::Error{clear_roles.error()};
    auto add_role = database.prepare("INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)");
    if (!add_role) return store::Error{add_role.error()};
    return UserBatch(std::move(insert.value()), std::move(update.value()), std::move(clear_roles.value()),
                     std::move(add_role.value()));
}

UserBatch::UserBatch(store::Statement insert, store::Statement update, store::Statement clear_roles,
                     store::Statement add_role)
    : insert_(std::move(insert)),
      update_(std::move(update)),
      clear_roles_(std::move(clear_roles)),
      add_role_(std::move(add_role)) {}

store::Status UserBatch::replace_roles(std::int64_t id, const std::vector<Role>& roles) {
    clear_roles_.reset().bind(1, id);
    if (auto done = clear_roles_.step(); !done) return store::Error{done.error()};
    for (const auto role : roles) {
        add_role_.reset().bind(1, id).bind(2, madoguchi::identity::role_name(role));
        if (auto done = add_role_.step(); !done) return store::Error{done.error()};
    }
    return store::success();
}

store::Result<std::int64_t> UserBatch::insert(const UserFields& fields, calendar::Instant now) {
    insert_.reset()
        .bind(1, madoguchi::identity::normalise_login(fields.login))
        .bind(2, fields.name)
        .bind(3, fields.division_code)
        .bind(4, fields.vendor_company)
        .bind(5, fields.email)
        .bind(6, calendar::format_iso8601_utc(now))
        .bind(7, fields.name_kana);
    auto row = insert_.step();
    if (!row) return store::Error{row.error()};
    const auto id = insert_.column_int(0);
    if (auto done = insert_.step(); !done) return store::Error{done.error()};
    if (auto roles = replace_roles(id, fields.roles); !roles) return store::Error{roles.error()};
    return id;
}

store::Status UserBatch::update(std::int64_t id, const UserFields& fields, calendar::Instant now) {
    update_.reset()
        .bind(1, id)
        .bind(2, fields.name)
        .bind(3, fields.division_code)
        .bind(4, fields.vendor_company)
        .bind(5, fields.email)
        .bind(6, calendar::format_iso8601_utc(now))
        .bind(7, fields.name_kana);
    if (auto done = update_.step(); !done) return store::Error{done.error()};
    return replace_roles(id, fields.roles);
}

store::Result<std::optional<UserRecord>> find_user_by_staff_card(store::Database& database, std::string_view card) {
    return find_one(database, "staff_card = ?1", [&](store::Statement& s) { s.bind(1, card); });
}

store::Result<bool> set_staff_card(store::Database& database, std::int64_t id, const std::string& card) {
    if (!card.empty()) {
        auto holder = find_user_by_staff_card(database, card);
        if (!holder) return store::Error{holder.error()};
        if (holder.value() && holder.value()->id != id) return false;
    }
    auto update = database.prepare("UPDATE users SET staff_card = nullif(?1, '') WHERE id = ?2");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, card).bind(2, id);
    if (auto done = run(update.value()); !done) return store::Error{done.error()};
    return true;
}

}  // namespace madoguchi::server::identity

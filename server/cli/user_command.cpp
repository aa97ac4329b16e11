#include "cli/user_command.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>

#include "calendar/tokyo_time.hpp"
#include "cli/cli_support.hpp"
#include "cli/password_input.hpp"
#include "identity/division_store.hpp"
#include "identity/password.hpp"
#include "identity/session_store.hpp"
#include "identity/user_changes.hpp"
#include "identity/user_import.hpp"
#include "identity/user_store.hpp"

namespace madoguchi::server::cli {
namespace {

using identity::UserFields;
using identity::UserRecord;
using madoguchi::identity::Role;

constexpr std::string_view group_help =
    "Usage: madoguchi user <subcommand> --db FILE [options]\n"
    "\n"
    "Manages user accounts. Passwords are read from standard input, never from the\n"
    "command line: on a terminal you are asked twice without echo; otherwise the first\n"
    "line of standard input is read. Every change is recorded in the audit log (actor 'cli').\n"
    "\n"
    "Subcommands:\n"
    "  add           add an account\n"
    "  set-password  set an account's password (signs its sessions out)\n"
    "  set-roles     replace an account's roles\n"
    "  disable       disable an account (signs its sessions out)\n"
    "  enable        enable a disabled account\n"
    "  list          list accounts\n"
    "  import        add and update accounts from a CSV file\n"
    "\n"
    "Roles: staff, manager, operator, it_office, vendor, auditor, admin.\n"
    "Run 'madoguchi user <subcommand> --help' for its options.\n";

// A refusal found inside a transaction: printed, exit 1, nothing written.
struct Refusal {
    std::optional<std::string> message;
    store::Status refuse(std::string text) {
        message = std::move(text);
        return store::Error{*message};
    }
};

// Runs the change in one transaction; prints the refusal or the database's error.
int commit(store::Database& database, Refusal& refusal, const std::function<store::Status()>& change) {
    auto done = database.transaction(change);
    if (refusal.message) return fail(*refusal.message + "; nothing was changed");
    if (!done) return fail(done.error());
    return exit_ok;
}

std::optional<std::vector<Role>> roles_from(const std::string& text) {
    auto roles = madoguchi::identity::parse_role_list(text);
    if (auto* error = std::get_if<madoguchi::identity::RoleListError>(&roles)) {
        std::fprintf(stderr, "error: roles: %s\n", error->message.c_str());
        return std::nullopt;
    }
    return std::get<std::vector<Role>>(roles);
}

// The account with this login, or empty after saying there is none.
std::optional<UserRecord> existing_user(store::Database& database, const std::string& login) {
    auto found = identity::find_user_by_login(database, login);
    if (!found) {
        fail(found.error());
        return std::nullopt;
    }
    if (!found.value()) {
        fail("login: there is no user '" + madoguchi::identity::normalise_login(login) + "'");
        return std::nullopt;
    }
    return *found.value();
}

// A validated password to store, "" for none (when `allow_empty`), or empty on failure.
std::optional<std::string> new_password_hash(bool allow_empty) {
    auto input = read_new_password();
    if (auto* error = std::get_if<PasswordInputError>(&input)) {
        fail(error->message);
        return std::nullopt;
    }
    const auto& password = std::get<std::string>(input);
    if (password.empty()) {
        if (allow_empty) return std::string();
        fail("password: an empty password is not accepted (give one on standard input)");
        return std::nullopt;
    }
    if (const auto problems = madoguchi::identity::validate_password(password); !problems.empty()) {
        fail(describe(problems.front()));
        return std::nullopt;
    }
    auto hash = identity::hash_password(password);
    if (!hash) {
        fail("cannot hash the password (out of memory)");
        return std::nullopt;
    }
    return *hash;
}

bool report_problems(const std::vector<validation::FieldProblem>& problems) {
    for (const auto& problem : problems) std::fprintf(stderr, "error: %s\n", describe(problem).c_str());
    return !problems.empty();
}

int add(std::span<const std::string_view> arguments) {
    const CommandSpec spec{
        "user add",
        "Usage: madoguchi user add --db FILE --login NAME --name 氏名 --division CODE --roles r1,r2\n"
        "                          [--vendor-company COMPANY] [--email ADDRESS]\n"
        "\n"
        "Adds an account. The password is read from standard input (twice without echo on a\n"
        "terminal); an empty one creates the account without a password: it cannot sign in\n"
        "until 'madoguchi user set-password' gives it one.\n"
        "\n"
        "Options:\n"
        "  --db FILE                SQLite database file\n"
        "  --login NAME             2-64 of a-z 0-9 . _ - (stored in lower case)\n"
        "  --name 氏名              the person's name\n"
        "  --division CODE          the code of an existing division (madoguchi division list)\n"
        "  --roles r1,r2            staff, manager, operator, it_office, vendor, auditor, admin\n"
        "  --vendor-company NAME    the company, required for the vendor role\n"
        "  --email ADDRESS          optional e-mail address\n"
        "  -h, --help               show this help\n",
        {"--db", "--login", "--name", "--division", "--roles", "--vendor-company", "--email"},
        {},
        {"--db", "--login", "--name", "--division", "--roles"}};
    ParsedOptions options;
    if (auto done = read_options(spec, arguments, options)) return *done;
    UserFields fields;
    fields.login = madoguchi::identity::normalise_login(options.value("--login"));
    fields.name = options.value("--name");
    fields.division_code = options.value("--division");
    fields.vendor_company = options.value("--vendor-company");
    fields.email = options.value("--email");
    const auto roles = roles_from(options.value("--roles"));
    if (!roles) return exit_failed;
    fields.roles = *roles;
    if (report_problems(madoguchi::identity::validate(fields))) return exit_failed;

    auto database = open_database(options.value("--db"));
    if (!database) return exit_failed;
    auto division = identity::find_division(*database, fields.division_code);
    if (!division) return fail(division.error());
    if (!division.value()) {
        return fail("division: '" + fields.division_code + "' is not a registered division code (see madoguchi division list)");
    }
    auto taken = identity::find_user_by_login(*database, fields.login);
    if (!taken) return fail(taken.error());
    if (taken.value()) return fail("login: '" + fields.login + "' is already taken");

    const auto hash = new_password_hash(true);
    if (!hash) return exit_failed;
    Refusal refusal;
    std::int64_t id = 0;
    const int outcome = commit(*database, refusal, [&]() -> store::Status {
        // Checked again inside the transaction: another operator may have been quicker.
        auto again = identity::find_user_by_login(*database, fields.login);
        if (!again) return store::Error{again.error()};
        if (again.value()) return refusal.refuse("login: '" + fields.login + "' is already taken");
        const auto stored_hash = hash->empty() ? std::nullopt : std::optional<std::string>(*hash);
        auto inserted = identity::insert_user(*database, fields, stored_hash, calendar::now());
        if (!inserted) return store::Error{inserted.error()};
        id = inserted.value();
        auto stored = identity::find_user(*database, id);
        if (!stored || !stored.value()) return store::Error{"the new user cannot be read back"};
        return audit::record(*database, {command_line_actor, "user.created", "user", std::to_string(id), std::nullopt,
                                         identity::to_json(*stored.value())});
    });
    if (outcome != exit_ok) return outcome;
    std::printf("user %s created (id %lld, division %s, roles %s)\n", fields.login.c_str(), static_cast<long long>(id),
                fields.division_code.c_str(), madoguchi::identity::join_roles(fields.roles).c_str());
    if (hash->empty()) {
        std::printf("user %s has no password and cannot sign in until one is set: madoguchi user set-password --login %s\n",
                    fields.login.c_str(), fields.login.c_str());
    }
    return exit_ok;
}

int set_password(std::span<const std::string_view> arguments) {
    const CommandSpec spec{"user set-password",
                           "Usage: madoguchi user set-password --db FILE --login NAME\n"
                           "\n"
                           "Sets the account's password, read from standard input (twice without echo on a\n"
                           "terminal), and signs out all of the account's sessions.\n"
                           "\n"
                           "Options:\n"
                           "  --db FILE     SQLite database file\n"
                           "  --login NAME  the account\n"
                           "  -h, --help    show this help\n",
                           {"--db", "--login"},
                           {},
                           {"--db", "--login"}};
    ParsedOptions options;
    if (auto done = read_options(spec, arguments, options)) return *done;
    auto database = open_database(options.value("--db"));
    if (!database) return exit_failed;
    const auto user = existing_user(*database, options.value("--login"));
    if (!user) return exit_failed;
    const auto hash = new_password_hash(false);
    if (!hash) return exit_failed;
    Refusal refusal;
    std::int64_t ended = 0;
    const int outcome = commit(*database, refusal, [&]() -> store::Status {
        if (auto set = identity::set_password_hash(*database, user->id, *hash, calendar::now()); !set) return set;
        if (auto removed = identity::delete_user_sessions(*database, user->id, ""); !removed) return removed;
        ended = database->changes();
        return audit::record(*database, {command_line_actor, "user.password_set", "user", std::to_string(user->id),
                                         std::nullopt, std::nullopt});
    });
    if (outcome != exit_ok) return outcome;
    std::printf("password of %s set; %lld session(s) signed out\n", user->fields.login.c_str(), static_cast<long long>(ended));
    return exit_ok;
}

int set_roles(std::span<const std::string_view> arguments) {
    const CommandSpec spec{"user set-roles",
                           "Usage: madoguchi user set-roles --db FILE --login NAME --roles r1,r2 [--force]\n"
                           "\n"
                           "Replaces the account's roles. Taking the admin role from the last enabled\n"
                           "administrator is refused unless --force is given.\n"
                           "\n"
                           "Options:\n"
                           "  --db FILE      SQLite database file\n"
                           "  --login NAME   the account\n"
                           "  --roles r1,r2  staff, manager, operator, it_office, vendor, auditor, admin\n"
                           "  --force        allow leaving no enabled administrator\n"
                           "  -h, --help     show this help\n",
                           {"--db", "--login", "--roles"},
                           {"--force"},
                           {"--db", "--login", "--roles"}};
    ParsedOptions options;
    if (auto done = read_options(spec, arguments, options)) return *done;
    const auto roles = roles_from(options.value("--roles"));
    if (!roles) return exit_failed;
    auto database = open_database(options.value("--db"));
    if (!database) return exit_failed;
    const auto login = madoguchi::identity::normalise_login(options.value("--login"));
    Refusal refusal;
    bool changed = false;
    const int outcome = commit(*database, refusal, [&]() -> store::Status {
        auto found = identity::find_user_by_login(*database, login);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return refusal.refuse("login: there is no user '" + login + "'");
        const auto& before = *found.value();
        auto after = before.fields;
        after.roles = *roles;
        if (after.roles == before.fields.roles) return store::success();
        if (const auto problems = madoguchi::identity::validate(after); !problems.empty()) {
            return refusal.refuse(describe(problems.front()));
        }
        auto last_admin = identity::removes_last_admin(*database, before, after, before.disabled);
        if (!last_admin) return store::Error{last_admin.error()};
        if (last_admin.value() && !options.has("--force")) {
            return refusal.refuse(login + " is the last enabled administrator; taking the admin role would leave no one "
                                          "to manage users (add --force to do it anyway)");
        }
        if (auto updated = identity::update_user(*database, before.id, after, calendar::now()); !updated) return updated;
        auto stored = identity::find_user(*database, before.id);
        if (!stored || !stored.value()) return store::Error{"the user cannot be read back"};
        changed = true;
        return audit::record(*database, {command_line_actor, "user.updated", "user", std::to_string(before.id),
                                         identity::to_json(before), identity::to_json(*stored.value())});
    });
    if (outcome != exit_ok) return outcome;
    std::printf(changed ? "roles of %s set to %s\n" : "roles of %s unchanged (%s)\n", login.c_str(),
                madoguchi::identity::join_roles(*roles).c_str());
    return exit_ok;
}

int set_disabled(std::span<const std::string_view> arguments, bool disable) {
    const std::string name = disable ? "user disable" : "user enable";
    const std::string help =
        disable ? "Usage: madoguchi user disable --db FILE --login NAME [--force]\n"
                  "\n"
                  "Disables the account and signs out its sessions; it can no longer sign in.\n"
                  "Disabling the last enabled administrator is refused unless --force is given.\n"
                  "\n"
                  "Options:\n"
                  "  --db FILE     SQLite database file\n"
                  "  --login NAME  the account\n"
                  "  --force       allow leaving no enabled administrator\n"
                  "  -h, --help    show this help\n"
                : "Usage: madoguchi user enable --db FILE --login NAME\n"
                  "\n"
                  "Enables a disabled account.\n"
                  "\n"
                  "Options:\n"
                  "  --db FILE     SQLite database file\n"
                  "  --login NAME  the account\n"
                  "  -h, --help    show this help\n";
    const CommandSpec spec{name, help, {"--db", "--login"}, disable ? std::vector<std::string>{"--force"} : std::vector<std::string>{},
                           {"--db", "--login"}};
    ParsedOptions options;
    if (auto done = read_options(spec, arguments, options)) return *done;
    auto database = open_database(options.value("--db"));
    if (!database) return exit_failed;
    const auto login = madoguchi::identity::normalise_login(options.value("--login"));
    Refusal refusal;
    bool changed = false;
    std::int64_t ended = 0;
    const int outcome = commit(*database, refusal, [&]() -> store::Status {
        auto found = identity::find_user_by_login(*database, login);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return refusal.refuse("login: there is no user '" + login + "'");
        const auto& before = *found.value();
        if (before.disabled == disable) return store::success();
        if (disable) {
            auto last_admin = identity::removes_last_admin(*database, before, before.fields, true);
            if (!last_admin) return store::Error{last_admin.error()};
            if (last_admin.value() && !options.has("--force")) {
                return refusal.refuse(login + " is the last enabled administrator; disabling it would leave no one to "
                                              "manage users (add --force to do it anyway)");
            }
        }
        if (auto set = identity::set_disabled(*database, before.id, disable, calendar::now()); !set) return set;
        if (disable) {
            if (auto removed = identity::delete_user_sessions(*database, before.id, ""); !removed) return removed;
            ended = database->changes();
        }
        auto stored = identity::find_user(*database, before.id);
        if (!stored || !stored.value()) return store::Error{"the user cannot be read back"};
        changed = true;
        return audit::record(*database, {command_line_actor, disable ? "user.disabled" : "user.enabled", "user",
                                         std::to_string(before.id), identity::to_json(before),
                                         identity::to_json(*stored.value())});
    });
    if (outcome != exit_ok) return outcome;
    if (!changed) {
        std::printf("%s is already %s\n", login.c_str(), disable ? "disabled" : "enabled");
    } else if (disable) {
        std::printf("%s disabled; %lld session(s) signed out\n", login.c_str(), static_cast<long long>(ended));
    } else {
        std::printf("%s enabled\n", login.c_str());
    }
    return exit_ok;
}

int disable(std::span<const std::string_view> arguments) { return set_disabled(arguments, true); }
int enable(std::span<const std::string_view> arguments) { return set_disabled(arguments, false); }

int list(std::span<const std::string_view> arguments) {
    const CommandSpec spec{"user list",
                           "Usage: madoguchi user list --db FILE [--role ROLE] [--division CODE]\n"
                           "\n"
                           "Lists accounts by login: login, name, division, roles, and whether the account is\n"
                           "disabled or has no password yet.\n"
                           "\n"
                           "Options:\n"
                           "  --db FILE        SQLite database file\n"
                           "  --role ROLE      only accounts holding this role\n"
                           "  --division CODE  only accounts of this division (not its sub-divisions)\n"
                           "  -h, --help       show this help\n",
                           {"--db", "--role", "--division"},
                           {},
                           {"--db"}};
    ParsedOptions options;
    if (auto done = read_options(spec, arguments, options)) return *done;
    identity::UserQuery query;
    if (options.has("--role")) {
        query.role = madoguchi::identity::parse_role(options.value("--role"));
        if (!query.role) {
            return fail("role: unknown role '" + options.value("--role") +
                        "' (roles: staff, manager, operator, it_office, vendor, auditor, admin)");
        }
    }
    query.division_code = options.value("--division");
    query.limit = 10'000'000;
    auto database = open_database(options.value("--db"));
    if (!database) return exit_failed;
    auto page = identity::list_users(*database, query);
    if (!page) return fail(page.error());
    std::size_t login_width = 5;
    std::size_t name_width = 4;
    std::size_t division_width = 8;
    std::size_t roles_width = 5;
    for (const auto& user : page.value().users) {
        login_width = std::max(login_width, display_width(user.fields.login));
        name_width = std::max(name_width, display_width(user.fields.name));
        division_width = std::max(division_width, display_width(user.fields.division_code));
        roles_width = std::max(roles_width, madoguchi::identity::join_roles(user.fields.roles).size());
    }
    const auto row = [&](std::string_view login, std::string_view name, std::string_view division, std::string_view roles,
                         std::string_view status) {
        auto line = pad(login, login_width) + "  " + pad(name, name_width) + "  " + pad(division, division_width) + "  " +
                    (status.empty() ? std::string(roles) : pad(roles, roles_width) + "  " + std::string(status));
        std::printf("%s\n", line.c_str());
    };
    row("login", "name", "division", "roles", "status");
    for (const auto& user : page.value().users) {
        std::string status = user.disabled ? "disabled" : "";
        if (!user.has_password) status += status.empty() ? "no password" : ", no password";
        row(user.fields.login, user.fields.name, user.fields.division_code,
            madoguchi::identity::join_roles(user.fields.roles), status);
    }
    std::fprintf(stderr, "%lld user(s)\n", static_cast<long long>(page.value().total));
    return exit_ok;
}

int import(std::span<const std::string_view> arguments) {
    const CommandSpec spec{
        "user import",
        "Usage: madoguchi user import --db FILE [--dry-run] [--encoding auto|utf-8|cp932] FILE.csv\n"
        "\n"
        "Adds and updates accounts from a CSV file with a header row (columns in any order):\n"
        "  login, name, division_code, roles      required\n"
        "  email, vendor_company                  optional (left out: stored values are kept)\n"
        "Roles in one cell are separated by ';' or spaces, e.g. \"staff;manager\".\n"
        "New logins are added without a password (set one with 'madoguchi user set-password');\n"
        "existing logins are updated; accounts not in the file are not touched. Every row is\n"
        "checked first and every problem is listed as 'line N: field: problem'; when there is\n"
        "any, nothing is written. Otherwise all rows are written in one transaction.\n"
        "\n"
        "Options:\n"
        "  --db FILE        SQLite database file\n"
        "  --dry-run        check and report, write nothing\n"
        "  --encoding ENC   auto (default: UTF-8 when the file is valid UTF-8, else CP932),\n"
        "                   utf-8 or cp932 (Shift_JIS as Excel writes it)\n"
        "  -h, --help       show this help\n",
        {"--db", "--encoding"},
        {"--dry-run"},
        {"--db"},
        1};
    ParsedOptions options;
    if (auto done = read_options(spec, arguments, options)) return *done;
    const auto started = std::chrono::steady_clock::now();
    auto file = read_import_file(spec, options);
    if (const auto* status = std::get_if<int>(&file)) return *status;
    const auto& [path, encoding, text] = std::get<ImportFile>(file);
    auto database = open_database(options.value("--db"));
    if (!database) return exit_failed;
    auto plan = identity::plan_user_import(*database, text);
    if (!plan) return fail(plan.error());
    if (const auto refused = report_import_problems(path, plan.value().problems)) return *refused;
    const auto& checked = plan.value();
    const auto summary = std::to_string(checked.added.size()) + " added, " + std::to_string(checked.updated.size()) +
                         " updated, " + std::to_string(checked.unchanged) + " unchanged";
    if (options.has("--dry-run")) {
        std::printf("dry run of %s (%s): %s; nothing was written\n", path.c_str(), encoding.c_str(), summary.c_str());
        return exit_ok;
    }
    const bool long_file = checked.added.size() + checked.updated.size() >= 2000;
    auto written = database->transaction([&] {
        return identity::apply_user_import(*database, checked, command_line_actor, path,
                                           [long_file](std::size_t done, std::size_t total) {
                                               if (long_file) std::fprintf(stderr, "written %zu of %zu\n", done, total);
                                           });
    });
    if (!written) return fail(written.error() + "; nothing was written");
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("imported %s (%s): %s\n", path.c_str(), encoding.c_str(), summary.c_str());
    if (!checked.added.empty()) {
        std::printf("the %zu added account(s) have no password and cannot sign in until one is set "
                    "(madoguchi user set-password)\n",
                    checked.added.size());
    }
    std::fprintf(stderr, "took %.2f s\n", seconds);
    return exit_ok;
}

constexpr Subcommand subcommands[] = {{"add", add},         {"set-password", set_password}, {"set-roles", set_roles},
                                      {"disable", disable}, {"enable", enable},             {"list", list},
                                      {"import", import}};

}  // namespace

int run_user_command(std::span<const std::string_view> arguments) {
    return dispatch("user", group_help, subcommands, arguments);
}

}  // namespace madoguchi::server::cli

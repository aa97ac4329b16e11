#include "cli/seed_command.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "calendar/tokyo_time.hpp"
#include "cli/cli_support.hpp"
#include "http/query_params.hpp"
#include "identity/demo_organisation.hpp"
#include "configuration/demo_configuration.hpp"
#include "inventory/demo_fleet.hpp"
#include "knowledge/demo_knowledge.hpp"
#include "placement/demo_requests.hpp"
#include "telemetry/demo_model_speeds.hpp"
#include "tickets/demo_tickets.hpp"

namespace madoguchi::server::cli {
namespace {

constexpr std::string_view help =
    "Usage: madoguchi seed-demo --db FILE [--credentials-file FILE] [--seed N] [--if-no-users]\n"
    "\n"
    "Creates a demo organisation (大臣官房, bureaus, the Patent Office, regional bureaus)\n"
    "and accounts of every role with random passwords, and prints them: login, name,\n"
    "roles, password. Adds the demo fleet: the contract's device counts (複合機 573, floor\n"
    "printers 86 + 64, mobile printers 57, scanners 45, business PCs 159, GSS terminals\n"
    "12,780, tablets 170) in the ministry's buildings, the printer and MFP models' rated\n"
    "speeds, and 11,300 staff (u00001…, no password) holding GSS terminals; a dozen\n"
    "published knowledge articles (FAQ). For\n"
    "demonstrations and trials only. Refuses a database that already has users.\n"
    "\n"
    "Options:\n"
    "  --db FILE                SQLite database file\n"
    "  --credentials-file FILE  also write the sign-in details to FILE (mode 0600)\n"
    "  --seed N                 the fleet's random seed (default 1): the same N, the same fleet\n"
    "  --if-no-users            when the database has users, do nothing and succeed\n"
    "  -h, --help               show this help\n";

std::string credentials_table(const std::vector<identity::DemoAccount>& accounts) {
    std::size_t login_width = 5;
    std::size_t name_width = 4;
    std::size_t roles_width = 5;
    for (const auto& account : accounts) {
        login_width = std::max(login_width, display_width(account.fields.login));
        name_width = std::max(name_width, display_width(account.fields.name));
        roles_width = std::max(roles_width, madoguchi::identity::join_roles(account.fields.roles).size());
    }
    const auto row = [&](std::string_view login, std::string_view name, std::string_view roles, std::string_view password) {
        return pad(login, login_width) + "  " + pad(name, name_width) + "  " + pad(roles, roles_width) + "  " +
               std::string(password) + "\n";
    };
    auto table = row("login", "name", "roles", "password");
    for (const auto& account : accounts) {
        table += row(account.fields.login, account.fields.name, madoguchi::identity::join_roles(account.fields.roles),
                     account.password);
    }
    return table;
}

// Readable by the owner only, also when the file was there before with wider permissions.
bool write_private_file(const std::string& path, const std::string& content) {
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    bool written = fchmod(fd, 0600) == 0;
    std::size_t offset = 0;
    while (written && offset < content.size()) {
        const auto count = write(fd, content.data() + offset, content.size() - offset);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) written = false;
        else offset += static_cast<std::size_t>(count);
    }
    return close(fd) == 0 && written;
}

}  // namespace

int run_seed_command(std::span<const std::string_view> arguments) {
    const CommandSpec spec{
        "seed-demo", std::string(help), {"--db", "--credentials-file", "--seed"}, {"--if-no-users"}, {"--db"}};
    ParsedOptions options;
    if (auto done = read_options(spec, arguments, options)) return *done;
    std::uint64_t seed = 1;
    if (options.has("--seed")) {
        const auto parsed = http::parse_integer(options.value("--seed"));
        if (!parsed || *parsed < 0) {
            std::fprintf(stderr, "madoguchi seed-demo: --seed must be a whole number of 0 or more, not '%s'\n",
                         options.value("--seed").c_str());
            return exit_bad_usage;
        }
        seed = static_cast<std::uint64_t>(*parsed);
    }
    auto database = open_database(options.value("--db"));
    if (!database) return exit_failed;
    auto users = database->query_int("SELECT count(*) FROM users");
    if (!users) {
        std::fprintf(stderr, "error: %s\n", users.error().c_str());
        return exit_failed;
    }
    if (users.value().value_or(0) > 0) {
        if (options.has("--if-no-users")) {
            std::fprintf(stderr, "the database already has users; no demo organisation was added\n");
            return exit_ok;
        }
        std::fprintf(stderr,
                     "error: the database %s already has %lld user(s); seed-demo only fills an empty one "
                     "(nothing was changed)\n",
                     options.value("--db").c_str(), static_cast<long long>(*users.value()));
        return exit_failed;
    }
    const auto accounts = identity::demo_accounts();
    if (!accounts) {
        std::fprintf(stderr, "error: cannot hash the passwords (out of memory)\n");
        return exit_failed;
    }
    inventory::FleetCounts fleet;
    std::int64_t placement_requests = 0;
    std::int64_t ticket_count = 0;
    std::int64_t article_count = 0;
    auto seeded = database->transaction([&]() -> store::Status {
        // Checked again under the write lock: another process may have added users meanwhile.
        auto again = database->query_int("SELECT count(*) FROM users");
        if (!again) return store::Error{again.error()};
        if (again.value().value_or(0) > 0) return store::Error{"users were added meanwhile; nothing was changed"};
        if (auto organised = identity::seed_demo_organisation(*database, *accounts, command_line_actor); !organised) {
            return organised;
        }
        auto counts = inventory::seed_demo_fleet(*database, seed, command_line_actor);
        if (!counts) return store::Error{counts.error()};
        fleet = counts.value();
        auto speeds = telemetry::seed_demo_model_speeds(*database, command_line_actor);
        if (!speeds) return store::Error{speeds.error()};
        auto requests = placement::seed_demo_requests(*database, command_line_actor);
        if (!requests) return store::Error{requests.error()};
        placement_requests = requests.value();
        auto configured = configuration::seed_demo_configuration(*database, command_line_actor);
        if (!configured) return store::Error{configured.error()};
        auto demo_tickets = tickets::seed_demo_tickets(*database, {.seed = seed, .now = calendar::now()}, command_line_actor);
        if (!demo_tickets) return store::Error{demo_tickets.error()};
        ticket_count = demo_tickets.value();
        auto articles = knowledge::seed_demo_knowledge(*database, command_line_actor);
        if (!articles) return store::Error{articles.error()};
        article_count = articles.value();
        return store::success();
    });
    if (!seeded) {
        std::fprintf(stderr, "error: %s\n", seeded.error().c_str());
        return exit_failed;
    }
    std::fprintf(stderr, "demo fleet (seed %llu): %lld devices, %lld staff holding GSS terminals, %lld locations, %lld models\n",
                 static_cast<unsigned long long>(seed), static_cast<long long>(fleet.devices),
                 static_cast<long long>(fleet.staff), static_cast<long long>(fleet.locations),
                 static_cast<long long>(fleet.models));
    std::fprintf(stderr, "demo install / move / remove requests: %lld\n", static_cast<long long>(placement_requests));
    std::fprintf(stderr, "demo tickets (every kind, half a year): %lld\n", static_cast<long long>(ticket_count));
    std::fprintf(stderr, "demo knowledge articles (published): %lld\n", static_cast<long long>(article_count));
    const auto table = credentials_table(*accounts);
    std::fputs(table.c_str(), stdout);
    std::fflush(stdout);
    if (options.has("--credentials-file")) {
        const auto path = options.value("--credentials-file");
        std::string content = "# Madoguchi demo sign-in details, created ";
        content += calendar::format_iso8601_utc(calendar::now());
        content += " (demo accounts only)\n";
        content += table;
        if (!write_private_file(path, content)) {
            std::fprintf(stderr, "error: cannot write %s: %s (the accounts were created; the table above has them)\n",
                         path.c_str(), std::strerror(errno));
            return exit_failed;
        }
        std::fprintf(stderr, "sign-in details written to %s (readable by you only)\n", path.c_str());
    }
    return exit_ok;
}

}  // namespace madoguchi::server::cli

#include "cli/restore_command.hpp"

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "backup/restore.hpp"
#include "cli/option_reader.hpp"

namespace madoguchi::server::cli {
namespace {

constexpr std::string_view restore_help =
    "Usage: madoguchi restore FROM [--db PATH]\n"
    "\n"
    "Replaces the database with the backup FROM (a file written by 'madoguchi backup' or the\n"
    "daily backup of 'madoguchi serve --backup-dir'). Stop the server first: a database a\n"
    "server has open is refused. FROM must pass SQLite's integrity check and have a schema\n"
    "version this madoguchi knows. The replaced database is kept as PATH.before-restore-<UTC time>\n"
    "(move it back to undo). The next 'madoguchi serve' migrates the restored database if needed.\n"
    "\n"
    "Options:\n"
    "  --db PATH   SQLite database file to replace (default var/madoguchi.db)\n"
    "  -h, --help  show this help\n";

constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

}  // namespace

int run_restore_command(std::span<const std::string_view> arguments) {
    std::filesystem::path database = default_database_path;
    std::optional<std::filesystem::path> from;
    OptionReader reader("restore", arguments);
    while (!reader.done()) {
        const auto name = reader.next_name();
        if (is_help(name)) {
            std::fputs(std::string(restore_help).c_str(), stdout);
            return 0;
        }
        if (!name.starts_with('-') && !from) {
            from = name;
            continue;
        }
        if (name != "--db") {
            std::fprintf(stderr, "%s\n", reader.unknown(name).message.c_str());
            return exit_usage;
        }
        const auto value = reader.value();
        if (!value || value->empty()) {
            std::fprintf(stderr, "%s\n", reader.missing_value(name).message.c_str());
            return exit_usage;
        }
        database = *value;
    }
    if (!from) {
        std::fprintf(stderr, "madoguchi restore: which backup? (madoguchi restore FROM --db PATH)\n");
        return exit_usage;
    }
    const auto restored = backup::restore(*from, database, calendar::now());
    if (!restored) {
        std::fprintf(stderr, "error: restore of %s failed: %s\n", database.c_str(), restored.error().c_str());
        return exit_failure;
    }
    const auto& outcome = restored.value();
    std::printf("restored %s into %s (schema version %d, %ju bytes)\n", from->c_str(), database.c_str(),
                outcome.schema_version, outcome.bytes);
    if (outcome.kept) {
        std::printf("the replaced database is kept as %s\n", outcome.kept->c_str());
    }
    return 0;
}

}  // namespace madoguchi::server::cli

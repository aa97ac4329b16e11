#include "cli/backup_command.hpp"

#include <cstdio>
#include <filesystem>
#include <string>

#include "backup/online_backup.hpp"
#include "cli/option_reader.hpp"

namespace madoguchi::server::cli {
namespace {

constexpr std::string_view backup_help =
    "Usage: madoguchi backup --to DIR [--db PATH]\n"
    "\n"
    "Copies the database into DIR/madoguchi-YYYYMMDDTHHMMSSZ.db (UTC), with SQLite's online\n"
    "backup: safe while 'madoguchi serve' runs and writes, and the copy is one consistent\n"
    "moment. The file appears under that name only after SQLite's integrity check passed and\n"
    "it is on disk; an existing file is never overwritten. Prints the file and its size.\n"
    "Restore it with 'madoguchi restore'.\n"
    "\n"
    "Options:\n"
    "  --to DIR    folder for the backup (must exist)\n"
    "  --db PATH   SQLite database file (default var/madoguchi.db)\n"
    "  -h, --help  show this help\n";

constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

}  // namespace

int run_backup_command(std::span<const std::string_view> arguments) {
    std::filesystem::path database = default_database_path;
    std::filesystem::path folder;
    OptionReader reader("backup", arguments);
    while (!reader.done()) {
        const auto name = reader.next_name();
        if (is_help(name)) {
            std::fputs(std::string(backup_help).c_str(), stdout);
            return 0;
        }
        if (name != "--db" && name != "--to") {
            std::fprintf(stderr, "%s\n", reader.unknown(name).message.c_str());
            return exit_usage;
        }
        const auto value = reader.value();
        if (!value || value->empty()) {
            std::fprintf(stderr, "%s\n", reader.missing_value(name).message.c_str());
            return exit_usage;
        }
        (name == "--db" ? database : folder) = *value;
    }
    if (folder.empty()) {
        std::fprintf(stderr, "madoguchi backup: --to DIR is required (see madoguchi backup --help)\n");
        return exit_usage;
    }
    const auto written = backup::back_up(database, folder, calendar::now());
    if (!written) {
        std::fprintf(stderr, "error: backup of %s failed: %s\n", database.c_str(), written.error().c_str());
        return exit_failure;
    }
    std::printf("%s (%ju bytes)\n", written.value().path.c_str(), written.value().bytes);
    return 0;
}

}  // namespace madoguchi::server::cli

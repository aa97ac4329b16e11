#include "cli/division_command.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "cli/cli_support.hpp"
#include "identity/division.hpp"
#include "identity/division_import.hpp"

namespace madoguchi::server::cli {
namespace {

constexpr std::string_view group_help =
    "Usage: madoguchi division <subcommand> --db FILE [options]\n"
    "\n"
    "Manages the divisions (課室) users belong to: bureaus at the top, their divisions\n"
    "below. Every change is recorded in the audit log (actor 'cli').\n"
    "\n"
    "Subcommands:\n"
    "  add     add a division\n"
    "  import  add and update divisions from a CSV file\n"
    "  list    show the divisions as a tree\n"
    "\n"
    "Run 'madoguchi division <subcommand> --help' for its options.\n";

int add(std::span<const std::string_view> arguments) {
    const CommandSpec spec{"division add",
                           "Usage: madoguchi division add --db FILE --code CODE --name-ja 名前 [--name-en NAME]\n"
                           "                              [--parent CODE]\n"
                           "\n"
                           "Adds a division; without --parent it is at the top of the tree (a bureau).\n"
                           "\n"
                           "Options:\n"
                           "  --db FILE        SQLite database file\n"
                           "  --code CODE      1-32 of A-Z a-z 0-9 _ -, e.g. MIN-SOM\n"
                           "  --name-ja 名前   the Japanese name\n"
                           "  --name-en NAME   the English name\n"
                           "  --parent CODE    the code of an existing division above it\n"
                           "  -h, --help       show this help\n",
                           {"--db", "--code", "--name-ja", "--name-en", "--parent"},
                           {},
                           {"--db", "--code", "--name-ja"}};
    ParsedOptions options;
    if (auto done = read_options(spec, arguments, options)) return *done;
    const identity::Division division{options.value("--code"), options.value("--parent"), options.value("--name-ja"),
                                      options.value("--name-en")};
    const auto problems = madoguchi::identity::validate_division(division.code, division.parent_code, division.name_ja,
                                                                 division.name_en);
    for (const auto& problem : problems) std::fprintf(stderr, "error: %s\n", describe(problem).c_str());
    if (!problems.empty()) return exit_failed;
    auto database = open_database(options.value("--db"));
    if (!database) return exit_failed;
    std::optional<std::string> refusal;
    auto done = database->transaction([&]() -> store::Status {
        auto existing = identity::find_division(*database, division.code);
        if (!existing) return store::Error{existing.error()};
        if (existing.value()) {
            refusal = "code: division '" + division.code + "' exists already (change it with madoguchi division import)";
            return store::Error{*refusal};
        }
        if (!division.parent_code.empty()) {
            auto parent = identity::find_division(*database, division.parent_code);
            if (!parent) return store::Error{parent.error()};
            if (!parent.value()) {
                refusal = "parent: '" + division.parent_code + "' is not a registered division code";
                return store::Error{*refusal};
            }
        }
        return identity::apply_division_changes(*database, {{0, std::nullopt, division}}, command_line_actor);
    });
    if (refusal) return fail(*refusal + "; nothing was changed");
    if (!done) return fail(done.error());
    if (division.parent_code.empty()) {
        std::printf("division %s %s added at the top\n", division.code.c_str(), division.name_ja.c_str());
    } else {
        std::printf("division %s %s added under %s\n", division.code.c_str(), division.name_ja.c_str(),
                    division.parent_code.c_str());
    }
    return exit_ok;
}

int import(std::span<const std::string_view> arguments) {
    const CommandSpec spec{
        "division import",
        "Usage: madoguchi division import --db FILE [--dry-run] [--encoding auto|utf-8|cp932] FILE.csv\n"
        "\n"
        "Adds and updates divisions from a CSV file with a header row (columns in any order):\n"
        "  code, name_ja          required\n"
        "  parent_code, name_en   optional (an empty parent_code: a division at the top)\n"
        "A parent may come later in the file than its children. Every problem is listed as\n"
        "'line N: field: problem'; when there is any, nothing is written.\n"
        "\n"
        "Options:\n"
        "  --db FILE        SQLite database file\n"
        "  --dry-run        check and report, write nothing\n"
        "  --encoding ENC   auto (default), utf-8 or cp932\n"
        "  -h, --help       show this help\n",
        {"--db", "--encoding"},
        {"--dry-run"},
        {"--db"},
        1};
    ParsedOptions options;
    if (auto done = read_options(spec, arguments, options)) return *done;
    auto file = read_import_file(spec, options);
    if (const auto* status = std::get_if<int>(&file)) return *status;
    const auto& [path, encoding, text] = std::get<ImportFile>(file);
    auto database = open_database(options.value("--db"));
    if (!database) return exit_failed;
    auto plan = identity::plan_division_import(*database, text);
    if (!plan) return fail(plan.error());
    if (const auto refused = report_import_problems(path, plan.value().problems)) return *refused;
    std::size_t added = 0;
    for (const auto& change : plan.value().changes) added += change.before ? 0 : 1;
    const auto summary = std::to_string(added) + " added, " + std::to_string(plan.value().changes.size() - added) +
                         " updated, " + std::to_string(plan.value().unchanged) + " unchanged";
    if (options.has("--dry-run")) {
        std::printf("dry run of %s (%s): %s; nothing was written\n", path.c_str(), encoding.c_str(), summary.c_str());
        return exit_ok;
    }
    auto written = database->transaction(
        [&] { return identity::apply_division_changes(*database, plan.value().changes, command_line_actor); });
    if (!written) return fail(written.error() + "; nothing was written");
    std::printf("imported %s (%s): %s\n", path.c_str(), encoding.c_str(), summary.c_str());
    return exit_ok;
}

int list(std::span<const std::string_view> arguments) {
    const CommandSpec spec{"division list",
                           "Usage: madoguchi division list --db FILE\n"
                           "\n"
                           "Shows the divisions as a tree, each under its parent: code, Japanese name,\n"
                           "English name.\n"
                           "\n"
                           "Options:\n"
                           "  --db FILE   SQLite database file\n"
                           "  -h, --help  show this help\n",
                           {"--db"},
                           {},
                           {"--db"}};
    ParsedOptions options;
    if (auto done = read_options(spec, arguments, options)) return *done;
    auto database = open_database(options.value("--db"));
    if (!database) return exit_failed;
    auto divisions = identity::list_divisions(*database);
    if (!divisions) return fail(divisions.error());
    std::map<std::string, std::size_t> depth_of;
    std::size_t code_width = 0;
    for (const auto& division : divisions.value()) {
        const auto parent = depth_of.find(division.parent_code);
        const auto depth = parent == depth_of.end() ? 0 : parent->second + 1;
        depth_of[division.code] = depth;
        code_width = std::max(code_width, depth * 2 + division.code.size());
    }
    for (const auto& division : divisions.value()) {
        const std::string indent(depth_of[division.code] * 2, ' ');
        auto line = pad(indent + division.code, code_width) + "  " + division.name_ja;
        if (!division.name_en.empty()) line += "  (" + division.name_en + ")";
        std::printf("%s\n", line.c_str());
    }
    std::fprintf(stderr, "%zu division(s)\n", divisions.value().size());
    return exit_ok;
}

constexpr Subcommand subcommands[] = {{"add", add}, {"import", import}, {"list", list}};

}  // namespace

int run_division_command(std::span<const std::string_view> arguments) {
    return dispatch("division", group_help, subcommands, arguments);
}

}  // namespace madoguchi::server::cli

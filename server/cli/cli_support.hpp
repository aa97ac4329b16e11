#pragma once
// What the operators' commands (user, division, seed-demo) share: their option parsing,
// opening the database, and English messages for field problems.
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "audit/audit_log.hpp"
#include "identity/import_problem.hpp"
#include "store/database.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::server::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failed = 1;
inline constexpr int exit_bad_usage = 2;

// Changes made from the command line are audited as this actor.
inline const audit::Actor command_line_actor{"cli", "", ""};

struct ParsedOptions {
    std::map<std::string, std::string, std::less<>> values;  // "--db" → "var/madoguchi.db"
    std::set<std::string, std::less<>> flags;                // "--dry-run"
    std::vector<std::string> positional;

    std::string value(std::string_view name) const;
    bool has(std::string_view name) const { return values.contains(name) || flags.contains(name); }
};

struct CommandSpec {
    std::string name;                       // "user add", for messages
    std::string help;                       // printed for -h / --help
    std::vector<std::string> value_options; // take a value: "--db"
    std::vector<std::string> flag_options;  // stand alone: "--dry-run"
    std::vector<std::string> required;      // value options that must be given
    std::size_t positional = 0;             // how many plain arguments it takes (exactly)
};

struct ShowHelp {};
struct BadUsage {
    std::string message;
};

// "--name value" and "--name=value" forms; the usage message names the command.
std::variant<ParsedOptions, ShowHelp, BadUsage> parse_options(const CommandSpec& spec,
                                                              std::span<const std::string_view> arguments);

// Parses the options and, on help or a usage error, prints what fits and gives the exit
// code; otherwise empty and `options` is filled in.
std::optional<int> read_options(const CommandSpec& spec, std::span<const std::string_view> arguments,
                                ParsedOptions& options);

// A group of subcommands ("user add", "user list"): the help text when none or --help is
// given, a usage error for an unknown one.
struct Subcommand {
    std::string_view name;
    int (*run)(std::span<const std::string_view> arguments);
};
int dispatch(std::string_view group, std::string_view help, std::span<const Subcommand> subcommands,
             std::span<const std::string_view> arguments);

// Opens the database and brings its schema up to date; prints the reason and gives empty
// when it cannot.
std::optional<store::Database> open_database(const std::string& path);

// The file's text as UTF-8, decoded from `encoding` ("auto", "utf-8", "cp932"); prints the
// reason ("line 7: encoding: byte 0x82 cannot be read as UTF-8") and gives empty when it
// cannot. `used` names the encoding read.
std::optional<std::string> read_text_file(const std::string& path, const std::string& encoding, std::string& used);

// "error: <message>" on standard error; the failure exit status.
int fail(const std::string& message);

// An import's file (the command's one positional argument) read in its --encoding.
struct ImportFile {
    std::string path;
    std::string encoding;  // the one read: "utf-8" or "cp932"
    std::string text;      // UTF-8
};
// The file, or the exit status after the reason was printed (2 for an unknown --encoding).
std::variant<ImportFile, int> read_import_file(const CommandSpec& spec, const ParsedOptions& options);
// Prints each problem as "FILE: line N: field: message"; the failure exit status when there
// is any (nothing may then be written), empty when there is none.
std::optional<int> report_import_problems(const std::string& path, const std::vector<identity::ImportProblem>& problems);

// "name: must be at most 100 characters" from the English catalog text.
std::string describe(const validation::FieldProblem& problem);

// Width of the text in a terminal's columns: 2 for wide (CJK) characters, 1 otherwise.
std::size_t display_width(std::string_view text);
// The text followed by spaces up to `width` columns.
std::string pad(std::string_view text, std::size_t width);

}  // namespace madoguchi::server::cli

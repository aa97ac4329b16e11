#include "cli/audit_command.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include "audit/audit_export.hpp"
#include "audit/audit_verify.hpp"
#include "cli/command_line.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace madoguchi::server::cli {
namespace {

constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

// The first schema version with the hash chain.
constexpr int chained_schema_version = 6;

constexpr std::string_view audit_help =
    "Usage: madoguchi audit <verify|export> [options]\n"
    "\n"
    "The audit trail (監査ログ): every change, sign-in, denial and export, each record chained\n"
    "to the one before by a SHA-256 hash.\n"
    "\n"
    "Commands:\n"
    "  verify   check the hash chain; report the first broken link\n"
    "  export   write a period's records as CSV for auditors\n"
    "\n"
    "Run 'madoguchi audit <command> --help' for a command's options.\n";

constexpr std::string_view verify_help =
    "Usage: madoguchi audit verify [--db FILE]\n"
    "\n"
    "Walks the audit trail's hash chain from the first record to the last. Prints\n"
    "'N records, chain intact (last hash …)' and exits 0, or names the first broken link:\n"
    "the record's id and time and what is wrong (its content changed; a record removed or\n"
    "inserted before it; ids not consecutive), and exits 1. Write the last hash down: a later\n"
    "run that still passes through it proves the records up to it unchanged. Only reads.\n"
    "\n"
    "Options:\n"
    "  --db FILE   SQLite database file (default var/madoguchi.db)\n"
    "  -h, --help  show this help\n";

constexpr std::string_view export_help =
    "Usage: madoguchi audit export --from YYYY-MM-DD --to YYYY-MM-DD [--db FILE] [--out FILE.csv]\n"
    "\n"
    "Writes the audit records of the days from --from to --to (both included, Asia/Tokyo\n"
    "dates) as CSV: RFC 4180, UTF-8 with a byte order mark (Excel on Japanese Windows opens\n"
    "it as is), a header row, columns id, occurred_at (UTC), occurred_at_tokyo, actor,\n"
    "actor_roles, source_address, action, object_type, object_id, before_json, after_json,\n"
    "hash. A text cell starting with = + - @ gets a leading ' so Excel does not run it.\n"
    "The export is itself recorded in the audit trail (action audit.exported, actor cli).\n"
    "\n"
    "Options:\n"
    "  --from DATE  first day (Asia/Tokyo)\n"
    "  --to DATE    last day (Asia/Tokyo), not before --from\n"
    "  --db FILE    SQLite database file (default var/madoguchi.db)\n"
    "  --out FILE   where to write the CSV (default: standard output)\n"
    "  -h, --help   show this help\n";

struct Usage {
    std::string message;  // empty: help was asked for and printed
};

// "--name value" and "--name=value"; every option takes a value.
std::variant<std::map<std::string, std::string, std::less<>>, Usage> read_options(
    std::string_view command, std::span<const std::string_view> arguments, std::initializer_list<std::string_view> known,
    std::string_view help) {
    std::map<std::string, std::string, std::less<>> options;
    for (std::size_t index = 0; index < arguments.size(); ++index) {
        auto name = arguments[index];
        if (name == "-h" || name == "--help") {
            std::fputs(std::string(help).c_str(), stdout);
            return Usage{};
        }
        std::optional<std::string_view> value;
        if (const auto equals = name.find('='); name.starts_with("--") && equals != std::string_view::npos) {
            value = name.substr(equals + 1);
            name = name.substr(0, equals);
        }
        const std::string prefix = "madoguchi audit " + std::string(command);
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            return Usage{prefix + ": unknown option '" + std::string(name) + "' (see " + prefix + " --help)"};
        }
        if (!value && index + 1 < arguments.size()) value = arguments[++index];
        if (!value || value->empty()) return Usage{prefix + ": option " + std::string(name) + " needs a value"};
        options[std::string(name)] = std::string(*value);
    }
    return options;
}

std::filesystem::path database_option(const std::map<std::string, std::string, std::less<>>& options) {
    const auto found = options.find("--db");
    return found == options.end() ? std::filesystem::path(default_database_path) : std::filesystem::path(found->second);
}

// Opens an existing database whose schema has the chain; never creates or migrates one.
std::optional<store::Database> open_chained(const std::filesystem::path& path) {
    std::error_code failure;
    if (!std::filesystem::is_regular_file(path, failure)) {
        std::fprintf(stderr, "error: no database file at %s\n", path.c_str());
        return std::nullopt;
    }
    auto database = store::Database::open(path);
    if (!database) {
        std::fprintf(stderr, "error: %s\n", database.error().c_str());
        return std::nullopt;
    }
    auto version = store::schema_version(database.value());
    if (!version) {
        std::fprintf(stderr, "error: %s\n", version.error().c_str());
        return std::nullopt;
    }
    if (version.value() < chained_schema_version) {
        std::fprintf(stderr,
                     "error: %s has schema version %d, before the audit hash chain (version %d); run "
                     "'madoguchi migrate --db %s' first\n",
                     path.c_str(), version.value(), chained_schema_version, path.c_str());
        return std::nullopt;
    }
    if (version.value() > store::latest_schema_version()) {
        std::fprintf(stderr, "error: %s has schema version %d, newer than this madoguchi %s knows (up to %d); use a newer madoguchi\n",
                     path.c_str(), version.value(), MADOGUCHI_VERSION, store::latest_schema_version());
        return std::nullopt;
    }
    return std::move(database.value());
}

int verify(std::span<const std::string_view> arguments) {
    auto options = read_options("verify", arguments, {"--db"}, verify_help);
    if (const auto* usage = std::get_if<Usage>(&options)) {
        if (usage->message.empty()) return 0;
        std::fprintf(stderr, "%s\n", usage->message.c_str());
        return exit_usage;
    }
    auto database = open_chained(database_option(std::get<0>(options)));
    if (!database) return exit_failure;
    const auto report = audit::verify_chain(*database);
    if (!report) {
        std::fprintf(stderr, "error: %s\n", report.error().c_str());
        return exit_failure;
    }
    const auto& result = report.value();
    if (result.intact()) {
        std::printf("%lld records, chain intact (last hash %s)\n", static_cast<long long>(result.records),
                    result.records == 0 ? "none: the trail is empty" : result.last_hash.c_str());
        return 0;
    }
    const auto& broken = *result.first_broken;
    std::printf("chain broken at record %lld (%s): %s\n%lld records checked\n", static_cast<long long>(broken.id),
                broken.occurred_at.c_str(), broken.detail.c_str(), static_cast<long long>(result.records));
    return exit_failure;
}

std::optional<calendar::Date> date_option(const std::map<std::string, std::string, std::less<>>& options,
                                          std::string_view name) {
    const auto found = options.find(name);
    if (found == options.end()) {
        std::fprintf(stderr, "madoguchi audit export: %s is required (see madoguchi audit export --help)\n",
                     std::string(name).c_str());
        return std::nullopt;
    }
    auto date = calendar::parse_date(found->second);
    if (!date) {
        std::fprintf(stderr, "madoguchi audit export: %s must be a date YYYY-MM-DD that exists, not '%s'\n",
                     std::string(name).c_str(), found->second.c_str());
    }
    return date;
}

int export_records(std::span<const std::string_view> arguments) {
    auto parsed = read_options("export", arguments, {"--db", "--from", "--to", "--out"}, export_help);
    if (const auto* usage = std::get_if<Usage>(&parsed)) {
        if (usage->message.empty()) return 0;
        std::fprintf(stderr, "%s\n", usage->message.c_str());
        return exit_usage;
    }
    const auto& options = std::get<0>(parsed);
    const auto from = date_option(options, "--from");
    const auto to = date_option(options, "--to");
    if (!from || !to) return exit_usage;
    if (*from > *to) {
        std::fprintf(stderr, "madoguchi audit export: --from %s is after --to %s\n", calendar::format_date(*from).c_str(),
                     calendar::format_date(*to).c_str());
        return exit_usage;
    }
    // Opened before the export is recorded, so an unwritable path costs no audit record.
    std::ofstream file;
    const auto out = options.find("--out");
    if (out != options.end()) {
        file.open(out->second, std::ios::binary | std::ios::trunc);
        if (!file) {
            std::fprintf(stderr, "error: cannot write %s\n", out->second.c_str());
            return exit_failure;
        }
    }
    auto database = open_chained(database_option(options));
    if (!database) return exit_failure;
    const auto exported = audit::export_records(*database, *from, *to, {"cli", "", ""});
    if (!exported) {
        std::fprintf(stderr, "error: %s\n", exported.error().c_str());
        return exit_failure;
    }
    const auto& csv = exported.value().csv;
    const bool written = file.is_open() ? static_cast<bool>(file.write(csv.data(), static_cast<std::streamsize>(csv.size())).flush())
                                        : std::fwrite(csv.data(), 1, csv.size(), stdout) == csv.size() && std::fflush(stdout) == 0;
    if (!written) {
        std::fprintf(stderr, "error: cannot write the CSV to %s\n", file.is_open() ? out->second.c_str() : "standard output");
        return exit_failure;
    }
    std::fprintf(stderr, "exported %lld records of %s..%s (Asia/Tokyo) to %s\n",
                 static_cast<long long>(exported.value().records), calendar::format_date(*from).c_str(),
                 calendar::format_date(*to).c_str(), file.is_open() ? out->second.c_str() : "standard output");
    return 0;
}

}  // namespace

int run_audit_command(std::span<const std::string_view> arguments) {
    if (arguments.empty()) {
        std::fprintf(stderr, "madoguchi audit: missing command\n\n%s", std::string(audit_help).c_str());
        return exit_usage;
    }
    const auto command = arguments.front();
    if (command == "-h" || command == "--help") {
        std::fputs(std::string(audit_help).c_str(), stdout);
        return 0;
    }
    if (command == "verify") return verify(arguments.subspan(1));
    if (command == "export") return export_records(arguments.subspan(1));
    std::fprintf(stderr, "madoguchi audit: unknown command '%s' (see madoguchi audit --help)\n",
                 std::string(command).c_str());
    return exit_usage;
}

}  // namespace madoguchi::server::cli

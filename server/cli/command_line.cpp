#include "cli/command_line.hpp"

#include <optional>
#include <system_error>
#include <utility>

#include "http/query_params.hpp"

namespace madoguchi::server::cli {
namespace {

constexpr std::string_view program_help =
    "Usage: madoguchi <command> [options]\n"
    "\n"
    "Madoguchi (窓口): the operations-desk server.\n"
    "\n"
    "Commands:\n"
    "  serve     serve the API and the web app over HTTP\n"
    "  migrate   bring the database schema up to date, then exit\n"
    "  version   print the version\n"
    "\n"
    "Options:\n"
    "  -h, --help  show this help\n"
    "\n"
    "Run 'madoguchi <command> --help' for a command's options.\n";

constexpr std::string_view serve_help =
    "Usage: madoguchi serve [options]\n"
    "\n"
    "Serves the API and the web app until SIGINT or SIGTERM. Brings the database schema\n"
    "up to date first.\n"
    "\n"
    "Options:\n"
    "  --port N       TCP port (default 8080; 0 picks a free one, printed at start)\n"
    "  --bind ADDR    address to listen on (default 127.0.0.1)\n"
    "  --db PATH      SQLite database file (default var/madoguchi.db; the folder is created)\n"
    "  --web-dir DIR  folder of the built web app (default: ../web beside the executable)\n"
    "  --secure-cookies  mark the session cookie Secure (when users reach the server over\n"
    "                 HTTPS through a TLS-terminating proxy)\n"
    "  -h, --help     show this help\n";

constexpr std::string_view migrate_help =
    "Usage: madoguchi migrate [options]\n"
    "\n"
    "Applies the schema migrations the database lacks, then exits. Refuses a database\n"
    "written by a newer madoguchi.\n"
    "\n"
    "Options:\n"
    "  --db PATH   SQLite database file (default var/madoguchi.db; the folder is created)\n"
    "  -h, --help  show this help\n";

constexpr std::string_view version_help =
    "Usage: madoguchi version\n"
    "\n"
    "Prints the version.\n";

bool is_help(std::string_view argument) { return argument == "-h" || argument == "--help"; }

// Reads "--name value" and "--name=value" forms, one option per call.
class OptionReader {
public:
    OptionReader(std::string_view command, std::span<const std::string_view> arguments)
        : command_(command), arguments_(arguments) {}

    bool done() const { return index_ >= arguments_.size(); }

    // The option's name ("--port"), advancing past it; its inline value is kept for value().
    std::string_view next_name() {
        const auto argument = arguments_[index_++];
        const auto equals = argument.find('=');
        if (argument.starts_with("--") && equals != std::string_view::npos) {
            inline_value_ = argument.substr(equals + 1);
            return argument.substr(0, equals);
        }
        inline_value_.reset();
        return argument;
    }

    std::optional<std::string_view> value() {
        if (inline_value_) return std::exchange(inline_value_, std::nullopt);
        if (done()) return std::nullopt;
        return arguments_[index_++];
    }

    UsageError missing_value(std::string_view name) const {
        return {"madoguchi " + std::string(command_) + ": option " + std::string(name) + " needs a value"};
    }
    UsageError unknown(std::string_view name) const {
        return {"madoguchi " + std::string(command_) + ": unknown option '" + std::string(name) + "' (see madoguchi " +
                std::string(command_) + " --help)"};
    }

private:
    std::string_view command_;
    std::span<const std::string_view> arguments_;
    std::size_t index_ = 0;
    std::optional<std::string_view> inline_value_;
};

Command parse_serve(std::span<const std::string_view> arguments, const std::filesystem::path& default_web_dir) {
    ServeOptions options;
    options.web_dir = default_web_dir;
    OptionReader reader("serve", arguments);
    while (!reader.done()) {
        const auto name = reader.next_name();
        if (is_help(name)) return HelpRequest{std::string(serve_help)};
        if (name == "--secure-cookies") {
            options.secure_cookies = true;
            continue;
        }
        if (name != "--port" && name != "--bind" && name != "--db" && name != "--web-dir") return reader.unknown(name);
        const auto value = reader.value();
        if (!value || value->empty()) return reader.missing_value(name);
        if (name == "--port") {
            const auto port = http::parse_integer(*value);
            if (!port || *port < 0 || *port > 65535) {
                return UsageError{"madoguchi serve: --port must be a number from 0 to 65535, not '" + std::string(*value) + "'"};
            }
            options.port = static_cast<int>(*port);
        } else if (name == "--bind") {
            options.bind = *value;
        } else if (name == "--db") {
            options.database = *value;
        } else {
            options.web_dir = *value;
        }
    }
    return options;
}

Command parse_migrate(std::span<const std::string_view> arguments) {
    MigrateOptions options;
    OptionReader reader("migrate", arguments);
    while (!reader.done()) {
        const auto name = reader.next_name();
        if (is_help(name)) return HelpRequest{std::string(migrate_help)};
        if (name != "--db") return reader.unknown(name);
        const auto value = reader.value();
        if (!value || value->empty()) return reader.missing_value(name);
        options.database = *value;
    }
    return options;
}

Command parse_version(std::span<const std::string_view> arguments) {
    OptionReader reader("version", arguments);
    if (reader.done()) return VersionRequest{};
    const auto name = reader.next_name();
    if (is_help(name)) return HelpRequest{std::string(version_help)};
    return reader.unknown(name);
}

}  // namespace

Command parse_command_line(std::span<const std::string_view> arguments, const std::filesystem::path& default_web_dir) {
    if (arguments.empty()) return UsageError{"madoguchi: missing command\n\n" + std::string(program_help)};
    const auto command = arguments.front();
    const auto options = arguments.subspan(1);
    if (is_help(command)) return HelpRequest{std::string(program_help)};
    if (command == "serve") return parse_serve(options, default_web_dir);
    if (command == "migrate") return parse_migrate(options);
    if (command == "version") return parse_version(options);
    if (command.starts_with('-')) {
        return UsageError{"madoguchi: unknown option '" + std::string(command) + "' (see madoguchi --help)"};
    }
    return UsageError{"madoguchi: unknown command '" + std::string(command) + "' (see madoguchi --help)"};
}

std::filesystem::path web_dir_beside_executable(const char* argv0) {
    std::error_code failure;
    auto executable = std::filesystem::read_symlink("/proc/self/exe", failure);
    if (failure) executable = std::filesystem::absolute(argv0, failure);
    return (executable.parent_path() / ".." / "web").lexically_normal();
}

}  // namespace madoguchi::server::cli

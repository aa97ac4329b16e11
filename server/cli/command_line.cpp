#include "cli/command_line.hpp"

#include <optional>
#include <system_error>

#include "cli/backup_options.hpp"
#include "cli/notification_options.hpp"
#include "cli/option_reader.hpp"
#include "cli/telemetry_options.hpp"
#include "cli/chatbot_options.hpp"
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
    "  audit     verify the audit trail's hash chain, export it as CSV\n"
    "  backup    copy the database into a folder, also while it is being served\n"
    "  restore   replace the database with a backup (the server must be stopped)\n"
    "  version   print the version\n"
    "  user      add, change, list and import user accounts\n"
    "  division  add, import and list divisions (課室)\n"
    "  seed-demo create a demo organisation with accounts of every role\n"
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
    "  --trusted-proxy ADDR  a reverse proxy (192.0.2.10) or network of them (10.0.0.0/8)\n"
    "                 whose X-Forwarded-For names the client; repeat for several\n"
    "  --log-file PATH  log each request as a JSON line to PATH instead of standard error\n"
    "                 (rotated at 10 MB; PATH.1 … PATH.5 kept)\n"
    "  --backup-dir DIR   back the database up into DIR every day (see madoguchi backup)\n"
    "  --backup-at HH:MM  time of the daily backup, Asia/Tokyo (default 02:00)\n"
    "  --backup-keep N    keep the N newest backups in DIR, delete older ones (default 14)\n"
    "  --smtp-host HOST   send e-mail notifications through the SMTP relay HOST (default:\n"
    "                 none; e-mail then waits in the outbox)\n"
    "  --smtp-port N      the relay's port (default 25)\n"
    "  --mail-from ADDR   the notifications' sender address (default madoguchi@localhost)\n"
    "  --slack-webhook NAME=URL  a Slack incoming webhook that notifications for NAME are\n"
    "                 posted to; repeat for several\n"
    "  --escalation-every SECONDS  how often overdue tickets are checked for escalation\n"
    "                 (default 60)\n"
    "  --reminders-every SECONDS  how often loans on loan are checked for return reminders\n"
    "                 due (default 300)\n"
    "  --telemetry-schedule KIND=MINUTES,…  poll the printers over SNMP, storing status,\n"
    "                 supplies, counters and firmware at these intervals (default: no polling;\n"
    "                 e.g. status=5,supplies=5,counters=60,firmware=1440)\n"
    "  --snmp-agent HOST:PORT[,…]  send every SNMP request to this agent, or spread the\n"
    "                 devices over these agents (the simulated fleet)\n"
    "  --chatbot-url URL  probe the chatbot service's health check URL (http or https) and\n"
    "                 record its availability (default: not probed)\n"
    "  --chatbot-every SECONDS  how often the chatbot is probed (default 60)\n"
    "  --chatbot-timeout SECONDS  how long an answer may take before it counts as down\n"
    "                 (default 5)\n"
    "  --chatbot-ca FILE  PEM certificate authorities an https chatbot's certificate must chain\n"
    "                 to (default: the system's)\n"
    "  -h, --help     show this help\n"
    "\n"
    "A second server on the same database is refused (the lock file is PATH.lock).\n";

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
        if (is_backup_option(name)) {
            const auto value = reader.value();
            if (!value || value->empty()) return reader.missing_value(name);
            if (auto rejected = read_backup_option(name, *value, options.daily_backup)) return *rejected;
            continue;
        }
        if (is_notification_option(name)) {
            const auto value = reader.value();
            if (!value || value->empty()) return reader.missing_value(name);
            if (auto rejected = read_notification_option(name, *value, options.notifications)) return *rejected;
            continue;
        }
        if (is_telemetry_option(name)) {
            const auto value = reader.value();
            if (!value || value->empty()) return reader.missing_value(name);
            if (auto rejected = read_telemetry_option(name, *value, options)) return *rejected;
            continue;
        }
        if (is_chatbot_option(name)) {
            const auto value = reader.value();
            if (!value || value->empty()) return reader.missing_value(name);
            if (auto rejected = read_chatbot_option(name, *value, options)) return *rejected;
            continue;
        }
        if (name != "--port" && name != "--bind" && name != "--db" && name != "--web-dir" && name != "--log-file" &&
            name != "--trusted-proxy" && name != "--escalation-every" &&
            name != "--reminders-every") {
            return reader.unknown(name);
        }
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
        } else if (name == "--escalation-every") {
            const auto seconds = http::parse_integer(*value);
            if (!seconds || *seconds < 1 || *seconds > 3600) {
                return UsageError{"madoguchi serve: --escalation-every must be a number of seconds from 1 to 3600, not '" +
                                  std::string(*value) + "'"};
            }
            options.escalation_interval = std::chrono::seconds(*seconds);
        } else if (name == "--reminders-every") {
            const auto seconds = http::parse_integer(*value);
            if (!seconds || *seconds < 1 || *seconds > 3600) {
                return UsageError{"madoguchi serve: --reminders-every must be a number of seconds from 1 to 3600, not '" +
                                  std::string(*value) + "'"};
            }
            options.reminder_interval = std::chrono::seconds(*seconds);
        } else if (name == "--log-file") {
            options.log_file = *value;
        } else if (name == "--trusted-proxy") {
            const auto network = http::ProxyNetwork::parse(*value);
            if (!network) {
                return UsageError{"madoguchi serve: --trusted-proxy must be an IP address or a network such as "
                                  "10.0.0.0/8, not '" + std::string(*value) + "'"};
            }
            options.trusted_proxies.push_back(*network);
        } else {
            options.web_dir = *value;
        }
    }
    if (auto incomplete = check_backup_options(options.daily_backup)) return *incomplete;
    if (auto incomplete = check_chatbot_options(options)) return *incomplete;
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

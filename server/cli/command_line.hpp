#pragma once
// The program's command line: madoguchi <serve|migrate|version> [options]. The backup and
// restore commands read their own (cli/backup_command.hpp, cli/restore_command.hpp).
#include <chrono>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "backup/backup_schedule.hpp"
#include "http/client_address.hpp"
#include "lending/reminder_job.hpp"
#include "notifications/notification_config.hpp"
#include "telemetry/poll_schedule.hpp"
#include "chatbot/probe_settings.hpp"
#include "tickets/ticket_escalation_job.hpp"

namespace madoguchi::server::cli {

inline constexpr const char* default_database_path = "var/madoguchi.db";

struct ServeOptions {
    int port = 8080;
    std::string bind = "127.0.0.1";
    std::filesystem::path database = default_database_path;
    std::filesystem::path web_dir;
    // Behind a TLS-terminating proxy: the session cookie gets Secure.
    bool secure_cookies = false;
    std::filesystem::path log_file;  // empty: one line per request on stderr
    // --trusted-proxy, each an address or a network: their X-Forwarded-For is believed.
    std::vector<http::ProxyNetwork> trusted_proxies;
    // --backup-dir and friends; empty: no scheduled backups.
    std::optional<backup::DailyBackupSettings> daily_backup;
    // --smtp-host, --slack-webhook and friends; no channel configured: nothing is sent.
    notifications::NotificationConfig notifications;
    // --escalation-every: how often the escalation sweep runs.
    std::chrono::milliseconds escalation_interval = tickets::default_escalation_interval;
    // --reminders-every: how often the lending reminder run looks for reminders due.
    std::chrono::milliseconds reminder_interval = lending::default_reminder_interval;
    // --telemetry-schedule; empty: no scheduled polling.
    std::optional<telemetry::PollSchedule> telemetry_schedule;
    // --snmp-agent: every SNMP request (scheduled or "poll now") goes to this one agent.
    std::string snmp_agent;
    // --chatbot-url and friends; empty: the chatbot's availability is not probed.
    std::optional<chatbot::ProbeSettings> chatbot_probe;
};

struct MigrateOptions {
    std::filesystem::path database = default_database_path;
};

struct VersionRequest {};

// --help of the program or of a command: print the text, exit 0.
struct HelpRequest {
    std::string text;
};

// A command line that cannot run: print the message, exit 2.
struct UsageError {
    std::string message;
};

using Command = std::variant<ServeOptions, MigrateOptions, VersionRequest, HelpRequest, UsageError>;

// `arguments` excludes the program name. `default_web_dir` is used when --web-dir is not given.
Command parse_command_line(std::span<const std::string_view> arguments, const std::filesystem::path& default_web_dir);

// <folder of the running executable>/../web: where the build puts the web app.
std::filesystem::path web_dir_beside_executable(const char* argv0);

}  // namespace madoguchi::server::cli

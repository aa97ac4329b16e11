#include "cli/commands.hpp"

#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "backup/backup_scheduler.hpp"
#include "backup/database_lock.hpp"
#include "chatbot/probe_job.hpp"
#include "cli/audit_command.hpp"
#include "cli/backup_command.hpp"
#include "cli/command_line.hpp"
#include "cli/poll_command.hpp"
#include "cli/restore_command.hpp"
#include "cli/division_command.hpp"
#include "cli/seed_command.hpp"
#include "cli/user_command.hpp"
#include "cli/stop_signals.hpp"
#include "http/app.hpp"
#include "lending/reminder_job.hpp"
#include "lending/stock_check_job.hpp"
#include "notifications/outbox_worker.hpp"
#include "telemetry/anomaly_job.hpp"
#include "telemetry/poll_job.hpp"
#include "telemetry/retention_job.hpp"
#include "tickets/ticket_escalation_job.hpp"
#include "store/migrations.hpp"

namespace madoguchi::server::cli {
namespace {

constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

void report_migration(const std::filesystem::path& database, const store::MigrationOutcome& outcome) {
    if (outcome.from_version == outcome.to_version) {
        std::fprintf(stderr, "database %s: schema version %d, up to date\n", database.c_str(), outcome.to_version);
    } else {
        std::fprintf(stderr, "database %s: schema migrated from version %d to %d\n", database.c_str(),
                     outcome.from_version, outcome.to_version);
    }
}

int serve(const ServeOptions& options) {
    auto lock = backup::DatabaseLock::acquire(options.database, backup::DatabaseUse::serving);
    if (!lock) {
        std::fprintf(stderr, "error: %s\n", lock.error().c_str());
        return exit_failure;
    }
    http::AppConfig config;
    config.database_path = options.database;
    config.web_dir = options.web_dir;
    config.identity.secure_cookies = options.secure_cookies;
    config.log_file.path = options.log_file;
    config.trusted_proxies = options.trusted_proxies;
    config.telemetry.agent_override = options.snmp_agent;
    auto created = http::App::create(config);
    if (!created) {
        std::fprintf(stderr, "error: %s\n", created.error().c_str());
        return exit_failure;
    }
    auto& app = *created.value();
    report_migration(options.database, app.migration());
    if (!app.static_files().is_available()) {
        std::fprintf(stderr, "warning: web app folder %s not found; serving the API only (run scripts/build)\n",
                     options.web_dir.c_str());
    }
    StopSignals stop_signals([&app] { app.stop(); });
    if (!app.bind(options.bind, options.port)) {
        std::fprintf(stderr, "error: cannot listen on %s port %d (address in use or not available)\n",
                     options.bind.c_str(), options.port);
        return exit_failure;
    }
    // After StopSignals: the thread inherits the blocked signals.
    std::optional<backup::BackupScheduler> daily_backup;
    if (options.daily_backup) daily_backup.emplace(options.database, *options.daily_backup);
    std::optional<notifications::OutboxWorker> outbox_worker;
    if (!options.notifications.channels().empty()) outbox_worker.emplace(options.database, options.notifications);
    const tickets::EscalationJob escalations(options.database, options.escalation_interval);
    const lending::ReminderJob reminders(options.database, options.reminder_interval);
    const lending::StockCheckJob stock_check(options.database);
    std::optional<telemetry::PollJob> telemetry_polling;
    std::optional<telemetry::RetentionJob> telemetry_retention;
    if (options.telemetry_schedule) {
        telemetry_polling.emplace(options.database,
                                  telemetry::PollJobSettings{*options.telemetry_schedule, {}, options.snmp_agent});
        telemetry_retention.emplace(options.database);
    }
    const telemetry::AnomalyJob anomalies(options.database);
    std::optional<chatbot::ProbeJob> chatbot_probe;
    if (options.chatbot_probe) chatbot_probe.emplace(options.database, *options.chatbot_probe);
    std::printf("Madoguchi listening on http://%s/\n", app.address().c_str());
    std::fflush(stdout);
    if (!app.listen()) {
        std::fprintf(stderr, "error: the server stopped unexpectedly\n");
        return exit_failure;
    }
    std::fprintf(stderr, "stopped\n");
    return 0;
}

int migrate(const MigrateOptions& options) {
    auto database = store::Database::open(options.database);
    if (!database) {
        std::fprintf(stderr, "error: %s\n", database.error().c_str());
        return exit_failure;
    }
    auto outcome = store::migrate(database.value());
    if (!outcome) {
        std::fprintf(stderr, "error: %s\n", outcome.error().c_str());
        return exit_failure;
    }
    report_migration(options.database, outcome.value());
    return 0;
}

}  // namespace

int run(int argc, char** argv) {
    const std::vector<std::string_view> arguments(argv + 1, argv + argc);
    const auto rest = std::span(arguments).subspan(arguments.empty() ? 0 : 1);
    if (!arguments.empty() && arguments.front() == "audit") return run_audit_command(rest);
    if (!arguments.empty() && arguments.front() == "backup") return run_backup_command(rest);
    if (!arguments.empty() && arguments.front() == "restore") return run_restore_command(rest);
    if (!arguments.empty() && arguments.front() == "user") return run_user_command(rest);
    if (!arguments.empty() && arguments.front() == "division") return run_division_command(rest);
    if (!arguments.empty() && arguments.front() == "seed-demo") return run_seed_command(rest);
    if (!arguments.empty() && arguments.front() == "poll") return run_poll_command(rest);
    const auto command = parse_command_line(arguments, web_dir_beside_executable(argv[0]));
    if (const auto* help = std::get_if<HelpRequest>(&command)) {
        std::fputs(help->text.c_str(), stdout);
        return 0;
    }
    if (const auto* error = std::get_if<UsageError>(&command)) {
        std::fprintf(stderr, "%s\n", error->message.c_str());
        return exit_usage;
    }
    if (std::holds_alternative<VersionRequest>(command)) {
        std::printf("madoguchi %s\n", MADOGUCHI_VERSION);
        return 0;
    }
    if (const auto* options = std::get_if<MigrateOptions>(&command)) return migrate(*options);
    return serve(std::get<ServeOptions>(command));
}

}  // namespace madoguchi::server::cli

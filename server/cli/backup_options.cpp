#include "cli/backup_options.hpp"

#include <string>

#include "http/query_params.hpp"

namespace madoguchi::server::cli {
namespace {

// Far more than any folder needs; the bound keeps a typo (140000) from meaning "never prune".
constexpr int max_backup_keep = 3660;

UsageError rejected(std::string_view option, std::string_view expected, std::string_view value) {
    std::string message = "madoguchi serve: ";
    message += option;
    message += " must be ";
    message += expected;
    message += ", not '";
    message += value;
    message += "'";
    return {message};
}

}  // namespace

bool is_backup_option(std::string_view name) {
    return name == "--backup-dir" || name == "--backup-at" || name == "--backup-keep";
}

std::optional<UsageError> read_backup_option(std::string_view name, std::string_view value,
                                             std::optional<backup::DailyBackupSettings>& settings) {
    if (!settings) settings.emplace();
    if (name == "--backup-dir") {
        settings->folder = value;
    } else if (name == "--backup-at") {
        const auto at = backup::parse_time_of_day(value);
        if (!at) return rejected(name, "a time of day HH:MM (Asia/Tokyo), e.g. 02:00", value);
        settings->at = *at;
    } else {
        const auto keep = http::parse_integer(value);
        if (!keep || *keep < 1 || *keep > max_backup_keep) {
            return rejected(name, "a number of backups from 1 to " + std::to_string(max_backup_keep), value);
        }
        settings->keep = static_cast<int>(*keep);
    }
    return std::nullopt;
}

std::optional<UsageError> check_backup_options(const std::optional<backup::DailyBackupSettings>& settings) {
    if (settings && settings->folder.empty()) {
        return UsageError{"madoguchi serve: --backup-at and --backup-keep need --backup-dir DIR"};
    }
    return std::nullopt;
}

}  // namespace madoguchi::server::cli

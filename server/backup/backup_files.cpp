#include "backup/backup_files.hpp"

#include <algorithm>
#include <functional>

namespace madoguchi::server::backup {
namespace {

constexpr std::string_view prefix = "madoguchi-";
constexpr std::string_view suffix = ".db";
constexpr std::size_t stamp_length = 16;  // 20261125T235951Z

bool is_digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string compact_utc_stamp(calendar::Instant instant) {
    // 2026-11-25T23:59:51Z → 20261125T235951Z
    std::string stamp;
    for (const char c : calendar::format_iso8601_utc(instant)) {
        if (c != '-' && c != ':') stamp += c;
    }
    return stamp;
}

std::string backup_file_name(calendar::Instant taken_at) {
    std::string name(prefix);
    name += compact_utc_stamp(taken_at);
    name += suffix;
    return name;
}

bool is_backup_file_name(std::string_view name) {
    if (name.size() != prefix.size() + stamp_length + suffix.size()) return false;
    if (!name.starts_with(prefix) || !name.ends_with(suffix)) return false;
    const auto stamp = name.substr(prefix.size(), stamp_length);
    return is_digits(stamp.substr(0, 8)) && stamp[8] == 'T' && is_digits(stamp.substr(9, 6)) && stamp[15] == 'Z';
}

std::vector<std::string> backups_beyond(std::vector<std::string> names, std::size_t keep) {
    std::erase_if(names, [](const std::string& name) { return !is_backup_file_name(name); });
    // Fixed-width stamps: the names sort in time order.
    std::sort(names.begin(), names.end(), std::greater<>());
    if (names.size() <= keep) return {};
    return {names.begin() + static_cast<std::ptrdiff_t>(keep), names.end()};
}

store::Result<Retention> remove_old_backups(const std::filesystem::path& folder, std::size_t keep) {
    std::error_code failure;
    std::vector<std::string> names;
    for (std::filesystem::directory_iterator entry(folder, failure), end; !failure && entry != end;
         entry.increment(failure)) {
        if (entry->is_regular_file()) names.push_back(entry->path().filename().string());
    }
    if (failure) return store::Error{"cannot list backup folder " + folder.string() + ": " + failure.message()};
    Retention retention;
    for (const auto& name : backups_beyond(std::move(names), keep)) {
        const auto path = folder / name;
        if (std::filesystem::remove(path, failure)) {
            retention.removed.push_back(path);
        } else if (failure) {
            retention.failures.push_back("cannot remove " + path.string() + ": " + failure.message());
        }
    }
    return retention;
}

}  // namespace madoguchi::server::backup

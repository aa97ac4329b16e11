#include "backup/online_backup.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "backup/backup_files.hpp"
#include "backup/database_copy.hpp"
#include "backup/file_sync.hpp"

namespace madoguchi::server::backup {
namespace {

namespace fs = std::filesystem;

store::Status check_folder(const fs::path& folder) {
    std::error_code failure;
    const auto status = fs::status(folder, failure);
    if (!fs::exists(status)) return store::Error{"backup folder " + folder.string() + " does not exist"};
    if (!fs::is_directory(status)) return store::Error{"backup folder " + folder.string() + " is not a folder"};
    if (::access(folder.c_str(), W_OK | X_OK) != 0) {
        return store::Error{"cannot write to backup folder " + folder.string() + ": " + std::strerror(errno)};
    }
    return store::success();
}

}  // namespace

store::Result<BackupFile> back_up(const fs::path& database, const fs::path& folder, calendar::Instant taken_at,
                                  std::stop_token stop) {
    if (auto usable = check_folder(folder); !usable) return store::Error{usable.error()};
    const auto name = backup_file_name(taken_at);
    const auto final_path = folder / name;
    if (fs::exists(final_path)) return store::Error{final_path.string() + " already exists; it was not overwritten"};
    // Hidden and without the backup's name: retention never counts it, and a copy cut off
    // by a crash is recognisable as unfinished.
    std::string partial_name = ".";
    partial_name += name;
    partial_name += ".partial";
    const auto partial = folder / partial_name;
    if (auto copied = copy_database(database, partial, stop); !copied) return store::Error{copied.error()};
    if (auto renamed = rename_without_replacing(partial, final_path); !renamed) {
        remove_database_files(partial);
        return store::Error{renamed.error()};
    }
    if (auto synced = sync_folder(folder); !synced) return store::Error{synced.error()};
    std::error_code failure;
    const auto bytes = fs::file_size(final_path, failure);
    return BackupFile{final_path, failure ? 0 : bytes};
}

}  // namespace madoguchi::server::backup

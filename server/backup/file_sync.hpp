#pragma once
// Durable file operations for backups and restores: a file's bytes and a folder's entries
// reach the disk before anything depends on them.
#include <filesystem>

#include "store/result.hpp"

namespace madoguchi::server::backup {

store::Status sync_file(const std::filesystem::path& file);
// Makes a rename or a new file in `folder` itself durable.
store::Status sync_folder(const std::filesystem::path& folder);

// Renames `from` to `to` atomically, failing (and leaving both alone) when `to` exists.
store::Status rename_without_replacing(const std::filesystem::path& from, const std::filesystem::path& to);

// Removes `file` and the files SQLite keeps beside it (-journal, -wal, -shm); ignores missing ones.
void remove_database_files(const std::filesystem::path& file);

}  // namespace madoguchi::server::backup

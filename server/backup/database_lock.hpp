#pragma once
// Who has a database file to themselves: `serve` for as long as it runs, `restore` while it
// swaps the file. An exclusive advisory lock (flock) on FILE.lock beside the database, which
// holds the holder's process id for the message the next one sees. The kernel drops the lock
// when the holder exits, however it exits, so a crashed server never leaves it stale.
#include <sys/types.h>

#include <filesystem>

#include "store/result.hpp"

namespace madoguchi::server::backup {

enum class DatabaseUse { serving, restoring };

class DatabaseLock {
public:
    // Takes the lock without waiting. When another process holds it, the error says which
    // ("a server is running on FILE (pid N)").
    static store::Result<DatabaseLock> acquire(const std::filesystem::path& database, DatabaseUse use);

    DatabaseLock(DatabaseLock&& other) noexcept;
    DatabaseLock& operator=(DatabaseLock&& other) noexcept;
    DatabaseLock(const DatabaseLock&) = delete;
    DatabaseLock& operator=(const DatabaseLock&) = delete;
    ~DatabaseLock();

    static std::filesystem::path lock_file_of(const std::filesystem::path& database);

private:
    explicit DatabaseLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace madoguchi::server::backup

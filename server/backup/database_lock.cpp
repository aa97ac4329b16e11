#include "backup/database_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

namespace madoguchi::server::backup {
namespace {

// The lock file's content: "<pid> serving" or "<pid> restoring".
std::string holder_text(DatabaseUse use) {
    return std::to_string(::getpid()) + (use == DatabaseUse::serving ? " serving\n" : " restoring\n");
}

std::string read_holder(int fd) {
    char buffer[64] = {};
    const auto count = ::pread(fd, buffer, sizeof buffer - 1, 0);
    return count > 0 ? std::string(buffer, static_cast<std::size_t>(count)) : std::string();
}

store::Error refusal(const std::filesystem::path& database, const std::string& holder) {
    const auto space = holder.find(' ');
    const auto pid = holder.substr(0, space);
    const bool known = !pid.empty() && pid.find_first_not_of("0123456789") == std::string::npos;
    std::string who;
    if (known) {
        who = " (pid ";
        who += pid;
        who += ')';
    }
    if (space != std::string::npos && holder.compare(space + 1, 9, "restoring") == 0) {
        return {"a restore is in progress on " + database.string() + who};
    }
    return {"a server is running on " + database.string() + who};
}

}  // namespace

std::filesystem::path DatabaseLock::lock_file_of(const std::filesystem::path& database) {
    auto path = database;
    path += ".lock";
    return path;
}

store::Result<DatabaseLock> DatabaseLock::acquire(const std::filesystem::path& database, DatabaseUse use) {
    const auto path = lock_file_of(database);
    if (path.has_parent_path()) {
        std::error_code failure;
        std::filesystem::create_directories(path.parent_path(), failure);
        if (failure) return store::Error{"cannot create folder " + path.parent_path().string() + ": " + failure.message()};
    }
    // O_CLOEXEC: a child process (a test's server, a shell-out) must not inherit the lock.
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return store::Error{"cannot open lock file " + path.string() + ": " + std::strerror(errno)};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int reason = errno;
        const auto holder = read_holder(fd);
        ::close(fd);
        if (reason == EWOULDBLOCK) return refusal(database, holder);
        return store::Error{"cannot lock " + path.string() + ": " + std::strerror(reason)};
    }
    const auto text = holder_text(use);
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size())) {
        const int reason = errno;
        ::close(fd);
        return store::Error{"cannot write lock file " + path.string() + ": " + std::strerror(reason)};
    }
    return DatabaseLock(fd);
}

DatabaseLock::DatabaseLock(DatabaseLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

DatabaseLock& DatabaseLock::operator=(DatabaseLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

DatabaseLock::~DatabaseLock() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace madoguchi::server::backup

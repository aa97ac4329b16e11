#include "backup/file_sync.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace madoguchi::server::backup {
namespace {

store::Status sync_path(const std::filesystem::path& path, int flags, const char* what) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return store::Error{std::string("cannot open ") + what + " " + path.string() + ": " + std::strerror(errno)};
    const int synced = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    if (synced != 0) return store::Error{std::string("cannot sync ") + what + " " + path.string() + ": " + std::strerror(saved)};
    return store::success();
}

}  // namespace

store::Status sync_file(const std::filesystem::path& file) { return sync_path(file, O_RDONLY, "file"); }

store::Status sync_folder(const std::filesystem::path& folder) {
    return sync_path(folder.empty() ? std::filesystem::path(".") : folder, O_RDONLY | O_DIRECTORY, "folder");
}

store::Status rename_without_replacing(const std::filesystem::path& from, const std::filesystem::path& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return store::success();
    if (errno == EEXIST) return store::Error{to.string() + " already exists; it was not overwritten"};
    // Some file systems lack RENAME_NOREPLACE; a hard link refuses an existing name too.
    if (errno == EINVAL && ::link(from.c_str(), to.c_str()) == 0) {
        ::unlink(from.c_str());
        return store::success();
    }
    if (errno == EEXIST) return store::Error{to.string() + " already exists; it was not overwritten"};
    return store::Error{"cannot rename " + from.string() + " to " + to.string() + ": " + std::strerror(errno)};
}

void remove_database_files(const std::filesystem::path& file) {
    std::error_code ignored;
    for (const char* companion : {"", "-journal", "-wal", "-shm"}) {
        auto path = file;
        path += companion;
        std::filesystem::remove(path, ignored);
    }
}

}  // namespace madoguchi::server::backup

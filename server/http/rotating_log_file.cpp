#include "http/rotating_log_file.hpp"

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

namespace madoguchi::server::http {
namespace {

std::filesystem::path numbered(const std::filesystem::path& path, int number) {
    auto name = path;
    name += '.';
    name += std::to_string(number);
    return name;
}

}  // namespace

store::Result<std::unique_ptr<RotatingLogFile>> RotatingLogFile::open(const LogFileConfig& config) {
    if (config.path.has_parent_path()) {
        std::error_code failure;
        std::filesystem::create_directories(config.path.parent_path(), failure);
        if (failure) return store::Error{"cannot create folder " + config.path.parent_path().string() + ": " + failure.message()};
    }
    std::FILE* file = std::fopen(config.path.c_str(), "a");
    if (!file) return store::Error{"cannot open log file " + config.path.string() + ": " + std::strerror(errno)};
    std::error_code failure;
    const auto size = std::filesystem::file_size(config.path, failure);
    return std::unique_ptr<RotatingLogFile>(new RotatingLogFile(config, file, failure ? 0 : size));
}

RotatingLogFile::RotatingLogFile(LogFileConfig config, std::FILE* file, std::uintmax_t size)
    : config_(std::move(config)), file_(file), size_(size) {}

RotatingLogFile::~RotatingLogFile() {
    if (file_) std::fclose(file_);
}

void RotatingLogFile::write_line(std::string_view line) {
    std::scoped_lock lock(mutex_);
    if (size_ > 0 && size_ + line.size() + 1 > config_.max_bytes) rotate();
    if (!file_) return warn("reopen");
    const bool written = std::fwrite(line.data(), 1, line.size(), file_) == line.size() && std::fputc('\n', file_) != EOF &&
                         std::fflush(file_) == 0;
    if (!written) return warn("write");
    size_ += line.size() + 1;
    warned_ = false;
}

void RotatingLogFile::rotate() {
    if (file_) std::fclose(file_);
    std::error_code ignored;  // a missing PATH.n is normal until the files have filled up
    for (int number = config_.keep - 1; number >= 1; --number) {
        std::filesystem::rename(numbered(config_.path, number), numbered(config_.path, number + 1), ignored);
    }
    if (config_.keep > 0) {
        std::filesystem::rename(config_.path, numbered(config_.path, 1), ignored);
    } else {
        std::filesystem::remove(config_.path, ignored);
    }
    file_ = std::fopen(config_.path.c_str(), "a");
    size_ = 0;
}

void RotatingLogFile::warn(const char* doing) {
    if (warned_) return;
    warned_ = true;
    std::fprintf(stderr, "warning: cannot %s log file %s: %s\n", doing, config_.path.c_str(), std::strerror(errno));
}

}  // namespace madoguchi::server::http

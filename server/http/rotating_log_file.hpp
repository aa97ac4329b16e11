#pragma once
// An append-only log file rotated by size: when the next line would take PATH past the limit,
// PATH becomes PATH.1, PATH.1 becomes PATH.2 … and the oldest beyond `keep` is dropped.
// Lines from any number of threads; each line is written and flushed whole.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string_view>

#include "store/result.hpp"

namespace madoguchi::server::http {

struct LogFileConfig {
    std::filesystem::path path;  // empty: no log file
    std::uintmax_t max_bytes = 10 * 1024 * 1024;
    int keep = 5;  // rotated files kept: PATH.1 … PATH.5
};

class RotatingLogFile {
public:
    // Opens (creating its folder) for appending; fails with a message naming the file.
    static store::Result<std::unique_ptr<RotatingLogFile>> open(const LogFileConfig& config);
    ~RotatingLogFile();
    RotatingLogFile(const RotatingLogFile&) = delete;
    RotatingLogFile& operator=(const RotatingLogFile&) = delete;

    // `line` without its newline.
    void write_line(std::string_view line);

private:
    RotatingLogFile(LogFileConfig config, std::FILE* file, std::uintmax_t size);
    void rotate();
    void warn(const char* doing);

    LogFileConfig config_;
    std::mutex mutex_;
    std::FILE* file_;
    std::uintmax_t size_;
    bool warned_ = false;  // one warning per run of failures, not one per request
};

}  // namespace madoguchi::server::http

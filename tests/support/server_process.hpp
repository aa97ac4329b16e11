#pragma once
// Runs the real `madoguchi serve` binary on an ephemeral loopback port with a fresh SQLite
// file in a temporary folder, for tests that need a whole server. Stopped on destruction.
#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/child_process.hpp"

namespace madoguchi::testing {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

class ServerProcess {
public:
    // Starts `binary serve --port PORT --db <tmp>/madoguchi.db [extra…]` and waits for its URL
    // line; port 0 takes a free one.
    explicit ServerProcess(const std::string& binary, std::vector<std::string> extra_arguments = {}, int port = 0);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    std::string host() const { return "127.0.0.1"; }
    const std::filesystem::path& data_dir() const { return temp_.path(); }

private:
    TempDir temp_;
    std::unique_ptr<ChildProcess> process_;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::thread output_drain_;  // keeps reading so the server never blocks on a full pipe
};

}  // namespace madoguchi::testing

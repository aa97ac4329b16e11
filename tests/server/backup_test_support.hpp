#pragma once
// For the backup and restore tests: databases read without touching them, bulk rows written
// directly, and clients that keep writing inquiries to a running server.
#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/child_process.hpp"

namespace madoguchi::testing {

// `madoguchi serve --port 0 --db DATABASE [extra…]` as a child process whose output is
// drained meanwhile; stopped with SIGTERM on destruction unless signalled before.
class ServingProcess {
public:
    explicit ServingProcess(const std::filesystem::path& database, const std::vector<std::string>& extra = {});
    ~ServingProcess();
    ServingProcess(const ServingProcess&) = delete;
    ServingProcess& operator=(const ServingProcess&) = delete;

    int port() const { return port_; }
    // Sends the signal and waits for the process to end; its standard error.
    std::string end_with(int signal_number);

private:
    std::unique_ptr<ChildProcess> process_;
    int port_ = 0;
    std::atomic<bool> draining_ = true;
    std::thread drain_;
    bool ended_ = false;
};

// The first column of the first row, read over a read-only connection (the file is not
// switched to WAL or migrated, unlike with store::Database::open).
std::int64_t read_only_int(const std::filesystem::path& database, const std::string& sql);
std::string read_only_text(const std::filesystem::path& database, const std::string& sql);

// Inserts `count` inquiries numbered INQ-<year>-… straight into the table (no audit rows),
// each with a body of about `body_bytes`, in one transaction.
void insert_inquiries(const std::filesystem::path& database, int count, int year, std::size_t body_bytes);

// `threads` clients, each signed in as `login` (with the test password), POSTing inquiries to
// 127.0.0.1:port in a loop until stop(); each id the server acknowledged (2xx) is recorded.
class InquiryWriters {
public:
    InquiryWriters(int port, int threads, const std::string& login);
    ~InquiryWriters();
    InquiryWriters(const InquiryWriters&) = delete;
    InquiryWriters& operator=(const InquiryWriters&) = delete;

    std::set<std::int64_t> acknowledged() const;
    // Waits until at least `count` writes have been acknowledged in total (up to 30 s).
    bool wait_for(std::size_t count) const;
    void stop();
    // Requests that got no answer or an error status, for the failure message.
    std::size_t failures() const { return failures_; }

private:
    void write_until_stopped(httplib::Client& client, int writer);

    mutable std::mutex mutex_;
    std::set<std::int64_t> acknowledged_;
    std::atomic<bool> stopping_ = false;
    std::atomic<std::size_t> failures_ = 0;
    std::vector<std::unique_ptr<httplib::Client>> clients_;
    std::vector<std::thread> threads_;
};

}  // namespace madoguchi::testing

#include "backup_test_support.hpp"

#include <httplib.h>
#include <sqlite3.h>

#include <signal.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <stdexcept>

#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"

namespace madoguchi::testing {
namespace {

std::string first_column(const std::filesystem::path& database, const std::string& sql) {
    sqlite3* connection = nullptr;
    const int opened = sqlite3_open_v2(database.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr);
    // A server or the scheduler may be writing at that moment.
    sqlite3_busy_timeout(connection, 5000);
    sqlite3_stmt* statement = nullptr;
    if (opened != SQLITE_OK || sqlite3_prepare_v2(connection, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
        const std::string reason = sqlite3_errmsg(connection);
        sqlite3_close_v2(connection);
        throw std::runtime_error(database.string() + ": " + reason);
    }
    std::string value;
    if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0)) {
        value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
    sqlite3_close_v2(connection);
    return value;
}

}  // namespace

std::int64_t read_only_int(const std::filesystem::path& database, const std::string& sql) {
    return std::stoll(first_column(database, sql));
}

std::string read_only_text(const std::filesystem::path& database, const std::string& sql) {
    return first_column(database, sql);
}

void insert_inquiries(const std::filesystem::path& database, int count, int year, std::size_t body_bytes) {
    sqlite3* connection = nullptr;
    if (sqlite3_open_v2(database.c_str(), &connection, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(connection);
        throw std::runtime_error("cannot open " + database.string());
    }
    sqlite3_busy_timeout(connection, 5000);
    sqlite3_exec(connection, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(connection,
                       "INSERT INTO inquiries (number, number_year, number_sequence, requester_name, division, contact, "
                       "category, subject, body, status, received_at) VALUES (printf('INQ-%04d-%06d', ?1, ?2), ?1, ?2, "
                       "'山田 太郎', '総務課', '内線 1234', 'device', '過去の問い合わせ', ?3, 'received', "
                       "'2020-04-01T00:00:00Z')",
                       -1, &insert, nullptr);
    const std::string body(body_bytes, 'x');
    bool failed = insert == nullptr;
    for (int sequence = 1; !failed && sequence <= count; ++sequence) {
        sqlite3_bind_int(insert, 1, year);
        sqlite3_bind_int(insert, 2, sequence);
        sqlite3_bind_text(insert, 3, body.c_str(), static_cast<int>(body.size()), SQLITE_STATIC);
        failed = sqlite3_step(insert) != SQLITE_DONE;
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    const std::string reason = sqlite3_errmsg(connection);
    sqlite3_exec(connection, failed ? "ROLLBACK" : "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close_v2(connection);
    if (failed) throw std::runtime_error("inserting inquiries failed: " + reason);
}

ServingProcess::ServingProcess(const std::filesystem::path& database, const std::vector<std::string>& extra) {
    std::vector<std::string> command{MADOGUCHI_BINARY, "serve", "--port", "0", "--db", database.string()};
    command.insert(command.end(), extra.begin(), extra.end());
    process_ = std::make_unique<ChildProcess>(command);
    const std::regex url(R"(http://127\.0\.0\.1:(\d+))");
    const auto line = process_->read_line();
    if (std::smatch match; std::regex_search(line, match, url)) port_ = std::stoi(match[1]);
    if (port_ == 0) throw std::runtime_error("madoguchi serve did not start: " + line + process_->wait().err);
    // Each request is logged to stderr: a full pipe would stall the server.
    drain_ = std::thread([this] {
        while (draining_ && process_->collect_output(50)) {
        }
    });
}

ServingProcess::~ServingProcess() {
    if (!ended_) end_with(SIGTERM);
}

std::string ServingProcess::end_with(int signal_number) {
    draining_ = false;
    drain_.join();
    process_->send_signal(signal_number);
    ended_ = true;
    return process_->wait().err;
}

InquiryWriters::InquiryWriters(int port, int threads, const std::string& login) {
    // Signed in here, on the test's thread: Catch's assertions are not for other threads.
    for (int writer = 0; writer < threads; ++writer) {
        auto signed_in = sign_in(port, login);
        signed_in.client->set_connection_timeout(2, 0);
        clients_.push_back(std::move(signed_in.client));
    }
    for (int writer = 0; writer < threads; ++writer) {
        threads_.emplace_back([this, writer] { write_until_stopped(*clients_[writer], writer); });
    }
}

InquiryWriters::~InquiryWriters() { stop(); }

void InquiryWriters::write_until_stopped(httplib::Client& client, int writer) {
    const auto body = sample_inquiry("書き込み担当 " + std::to_string(writer)).dump();
    while (!stopping_) {
        const auto answer = post_inquiry(client, body);
        if (!answer || answer->status / 100 != 2) {
            ++failures_;
            // A killed server refuses connections at once; do not spin.
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            continue;
        }
        const auto document = nlohmann::json::parse(answer->body, nullptr, false);
        std::scoped_lock lock(mutex_);
        acknowledged_.insert(document["inquiry"]["id"].get<std::int64_t>());
    }
}

std::set<std::int64_t> InquiryWriters::acknowledged() const {
    std::scoped_lock lock(mutex_);
    return acknowledged_;
}

bool InquiryWriters::wait_for(std::size_t count) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        if (acknowledged().size() >= count) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

void InquiryWriters::stop() {
    stopping_ = true;
    for (auto& thread : threads_) {
        if (thread.joinable()) thread.join();
    }
}

}  // namespace madoguchi::testing

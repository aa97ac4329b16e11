// Figures for scripts/bench on identity and the audit trail (prints, asserts nothing):
// the cost of one Argon2id hash and check, sign-ins per second over HTTP, signed-in GET
// requests per second next to the unauthenticated /health, and what the audit record adds
// to a write.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "audit/audit_log.hpp"
#include "bench_support.hpp"
#include "calendar/tokyo_time.hpp"
#include "http/app.hpp"
#include "identity/division_store.hpp"
#include "identity/password.hpp"
#include "identity/user_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "tickets/inquiry_store.hpp"
#include "tickets/ticket_store.hpp"

namespace {

using namespace madoguchi;
using bench::Clock;
using bench::milliseconds_since;
using bench::percentile;

void bench_hashing() {
    std::vector<double> hashes;
    std::vector<double> checks;
    std::string stored;
    for (int run = 0; run < 5; ++run) {
        auto start = Clock::now();
        stored = server::identity::hash_password("correct horse battery").value();
        hashes.push_back(milliseconds_since(start));
        start = Clock::now();
        server::identity::verify_password(stored, "correct horse battery");
        checks.push_back(milliseconds_since(start));
    }
    std::printf("== Argon2id (libsodium interactive: 2 passes, 64 MiB)\n");
    std::printf("hash: median %.1f ms; check: median %.1f ms\n", percentile(hashes, 0.5), percentile(checks, 0.5));
}

struct Server {
    std::filesystem::path folder;
    std::unique_ptr<server::http::App> app;
    std::thread serving;
    int port = 0;

    Server() : folder(std::filesystem::temp_directory_path() / ("madoguchi-bench-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(folder);
        server::http::AppConfig config;
        config.database_path = folder / "bench.db";
        config.web_dir = folder / "no-web";
        config.log_requests = false;
        auto created = server::http::App::create(config);
        if (!created) throw std::runtime_error(created.error());
        app = std::move(created.value());
        port = *app->bind("127.0.0.1", 0);
        serving = std::thread([this] { app->listen(); });
        while (!app->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~Server() {
        app->stop();
        serving.join();
        app.reset();
        std::filesystem::remove_all(folder);
    }
};

server::store::Database open_migrated(const std::filesystem::path& path) {
    auto opened = server::store::Database::open(path);
    if (!opened) throw std::runtime_error(opened.error());
    if (auto migrated = server::store::migrate(opened.value()); !migrated) throw std::runtime_error(migrated.error());
    return std::move(opened.value());
}

void add_users(const std::filesystem::path& database_path, int count) {
    auto database = open_migrated(database_path);
    const auto hash = server::identity::hash_password("correct horse battery").value();
    auto committed = database.transaction([&]() -> server::store::Status {
        if (auto added = server::identity::upsert_division(database, {"D-BENCH", "", "計測課", "Bench"}); !added) return added;
        for (int index = 0; index < count; ++index) {
            identity::UserFields fields{"bench" + std::to_string(index), "計測 太郎", "ケイソク タロウ", "D-BENCH", {identity::Role::staff}, "", ""};
            auto inserted = server::identity::insert_user(database, fields, hash, calendar::now());
            if (!inserted) return server::store::Error{inserted.error()};
        }
        return server::store::success();
    });
    if (!committed) throw std::runtime_error(committed.error());
}

struct Session {
    std::string cookie;
    std::string csrf_token;
};

Session sign_in(int port, const std::string& login) {
    httplib::Client client("127.0.0.1", port);
    // Sign-ins queue for the few password-hashing slots; on a busy machine that takes seconds.
    client.set_read_timeout(60, 0);
    const auto response = client.Post("/api/v1/session",
                                      nlohmann::json{{"login", login}, {"password", "correct horse battery"}}.dump(),
                                      "application/json");
    if (!response || response->status != 200) throw std::runtime_error("cannot sign in for the benchmark");
    const auto header = response->get_header_value("Set-Cookie");
    return {header.substr(0, header.find(';')),
            nlohmann::json::parse(response->body)["csrf_token"].get<std::string>()};
}

std::string session_cookie(int port, const std::string& login) { return sign_in(port, login).cookie; }

void bench_sign_ins(const Server& server, int threads, int per_thread) {
    std::vector<std::vector<double>> latencies(threads);
    const auto start = Clock::now();
    std::vector<std::thread> workers;
    for (int thread = 0; thread < threads; ++thread) {
        workers.emplace_back([&, thread] {
            for (int run = 0; run < per_thread; ++run) {
                const auto begun = Clock::now();
                session_cookie(server.port, "bench" + std::to_string(thread));
                latencies[thread].push_back(milliseconds_since(begun));
            }
        });
    }
    for (auto& worker : workers) worker.join();
    const double seconds = milliseconds_since(start) / 1000;
    std::vector<double> all;
    for (const auto& list : latencies) all.insert(all.end(), list.begin(), list.end());
    std::printf("== sign-in over HTTP, %d clients x %d\n", threads, per_thread);
    std::printf("%.1f sign-ins/s; latency p50 %.0f ms, p95 %.0f ms\n", all.size() / seconds, percentile(all, 0.5),
                percentile(all, 0.95));
}

// `connections` keep-alive clients on as many threads, each repeating GET `path` for `seconds`.
void bench_gets(const Server& server, const std::string& path, const std::string& cookie, int connections, int seconds) {
    std::atomic<bool> running = true;
    std::vector<std::vector<double>> latencies(connections);
    std::atomic<long> failures = 0;
    std::vector<std::thread> workers;
    const auto start = Clock::now();
    for (int index = 0; index < connections; ++index) {
        workers.emplace_back([&, index] {
            httplib::Client client("127.0.0.1", server.port);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);
            if (!cookie.empty()) client.set_default_headers({{"Cookie", cookie}});
            while (running) {
                const auto begun = Clock::now();
                const auto response = client.Get(path.c_str());
                if (!response || response->status != 200) ++failures;
                latencies[index].push_back(milliseconds_since(begun));
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    running = false;
    for (auto& worker : workers) worker.join();
    const double elapsed = milliseconds_since(start) / 1000;
    std::vector<double> all;
    for (const auto& list : latencies) all.insert(all.end(), list.begin(), list.end());
    std::printf("GET %-22s %8.0f requests/s; p50 %.2f ms, p99 %.2f ms%s\n", path.c_str(), all.size() / elapsed,
                percentile(all, 0.5), percentile(all, 0.99), failures ? " (some failed!)" : "");
}

// `clients` signed-in staff submitting inquiries as fast as they are answered; returns the
// microseconds of server time each write costs (elapsed time / writes).
double bench_writes(const Server& server, int clients, int seconds) {
    std::atomic<bool> running = true;
    std::vector<std::vector<double>> latencies(clients);
    std::atomic<long> failures = 0;
    std::vector<Session> sessions;
    for (int index = 0; index < clients; ++index) sessions.push_back(sign_in(server.port, "bench" + std::to_string(index)));
    const auto body = nlohmann::json{{"requester_name", "計測 太郎"}, {"division", "計測課"}, {"contact", "内線 1234"},
                                     {"category", "device"}, {"subject", "複合機が印刷できない"},
                                     {"body", "3階の複合機で紙詰まり表示が消えません。"}}.dump();
    std::vector<std::thread> workers;
    const auto start = Clock::now();
    for (int index = 0; index < clients; ++index) {
        workers.emplace_back([&, index] {
            httplib::Client client("127.0.0.1", server.port);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);
            client.set_default_headers({{"Cookie", sessions[index].cookie}, {"X-CSRF-Token", sessions[index].csrf_token}});
            while (running) {
                const auto begun = Clock::now();
                const auto response = client.Post("/api/v1/inquiries", body, "application/json");
                if (!response || response->status != 201) ++failures;
                latencies[index].push_back(milliseconds_since(begun));
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    running = false;
    for (auto& worker : workers) worker.join();
    const double elapsed = milliseconds_since(start);
    std::vector<double> all;
    for (const auto& list : latencies) all.insert(all.end(), list.begin(), list.end());
    std::printf("== write-heavy workload: %d signed-in clients submitting inquiries, %d s\n", clients, seconds);
    std::printf("POST /api/v1/inquiries %6.0f writes/s; p50 %.2f ms, p99 %.2f ms%s\n", all.size() * 1000 / elapsed,
                percentile(all, 0.5), percentile(all, 0.99), failures ? " (some failed!)" : "");
    return elapsed * 1000 / all.size();
}

// Inserts `count` inquiries (tickets of kind inquiry with the form's contact), one
// transaction each, with or without their audit record; microseconds per write.
double write_cost(server::store::Database& database, int count, bool with_audit) {
    const tickets::Inquiry inquiry{"計測 太郎", "計測課", "内線 1234", "device", "複合機が印刷できない",
                                   "3階の複合機で紙詰まり表示が消えません。"};
    const server::tickets::NewTicket ticket{tickets::TicketKind::inquiry, tickets::TicketState::received,
                                            inquiry.subject, inquiry.body, 1, "D-BENCH", inquiry.category,
                                            tickets::Priority::p4, "individual", "medium"};
    const auto start = Clock::now();
    for (int index = 0; index < count; ++index) {
        auto committed = database.transaction([&]() -> server::store::Status {
            auto stored = server::tickets::insert_ticket(database, ticket, calendar::now());
            if (!stored) return server::store::Error{stored.error()};
            if (auto contact = server::tickets::insert_inquiry_contact(database, stored.value(), inquiry); !contact) {
                return contact;
            }
            if (!with_audit) return server::store::success();
            return server::audit::record(database, {{"bench0", "staff", "127.0.0.1"}, "ticket.created", "ticket",
                                                    std::to_string(stored.value()), std::nullopt,
                                                    tickets::to_json(inquiry)});
        });
        if (!committed) throw std::runtime_error(committed.error());
    }
    return milliseconds_since(start) * 1000 / count;
}

void bench_audit_overhead(const std::filesystem::path& database_path, double microseconds_per_request) {
    add_users(database_path, 1);  // the requester of the inquiries
    auto database = open_migrated(database_path);
    std::vector<double> plain;
    std::vector<double> audited;
    // Alternating rounds, so the file's growth and the machine's noise hit both alike.
    for (int round = 0; round < 6; ++round) {
        plain.push_back(write_cost(database, 300, false));
        audited.push_back(write_cost(database, 300, true));
    }
    const double without = percentile(plain, 0.5);
    const double with = percentile(audited, 0.5);
    const double audit = with - without;
    std::printf("== audit record cost (insert an inquiry, one transaction each, WAL, synchronous=NORMAL)\n");
    std::printf("transaction without the audit record %.0f us, with it %.0f us: the record adds %.0f us (%.0f%% of the bare "
                "transaction)\n",
                without, with, audit, audit * 100 / without);
    std::printf("on the write-heavy workload above (%.0f us per request): audit overhead %.1f%%   (target < 20%%)\n",
                microseconds_per_request, audit * 100 / (microseconds_per_request - audit));
}

}  // namespace

int main(int argc, char** argv) {
    const int seconds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    bench_hashing();
    Server server;
    add_users(server.folder / "bench.db", 8);
    bench_sign_ins(server, 8, 4);
    std::printf("== requests with 16 keep-alive clients, %d s each\n", seconds);
    bench_gets(server, "/api/v1/health", "", 16, seconds);
    bench_gets(server, "/api/v1/me", session_cookie(server.port, "bench0"), 16, seconds);
    bench_gets(server, "/api/v1/inquiries?limit=20", session_cookie(server.port, "bench1"), 16, seconds);
    const double per_request = bench_writes(server, 8, seconds);
    bench_audit_overhead(server.folder / "audit.db", per_request);
    return 0;
}

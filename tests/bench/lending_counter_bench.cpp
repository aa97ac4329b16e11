// Figures for scripts/bench (prints, asserts nothing): the lending counter over HTTP with
// 20,000 active loans in a real SQLite file. Scan-to-confirmation (POST
// /api/v1/lending/counter/scan, the verdict on one tag, target ≤ 100 ms server time) and the
// handover (POST …/counter/handovers, one transaction moving the device and the request,
// answering the receipt), each timed round trip on the loopback, with the process's CPU
// time per request beside it: on a shared machine the CPU time is the steadier figure.
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "calendar/tokyo_time.hpp"
#include "identity/password.hpp"
#include "identity/user_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace {

using namespace madoguchi;
using bench::Clock;
using bench::check;
using bench::cpu_milliseconds;
using bench::milliseconds_since;
using bench::must;
using bench::report;

constexpr int loan_count = 20000;
constexpr int waiting_count = 300;  // approved loans starting today, kitted, for the handovers
constexpr const char* desk_password = "bench counter password";

struct Waiting {
    std::string card;
    std::string tag;
    std::int64_t request_id = 0;
};

// 20,000 printers out on loan (a fifth overdue), each handed over at the counter, and
// `waiting_count` more reserved for borrowers with staff cards, their kitting done.
std::vector<Waiting> prepare(server::store::Database& database, const calendar::Date& today) {
    std::mt19937 random(11);
    const auto stamp = calendar::format_iso8601_utc(calendar::now());
    std::vector<Waiting> waiting;
    check(database.transaction([&]() -> server::store::Status {
        check(database.execute("INSERT INTO divisions (code, parent_code, name_ja, name_en) VALUES ('D-BENCH', NULL, 'ベンチ課', 'Bench')"));
        check(database.execute("INSERT INTO locations (building, floor, room) VALUES ('経済産業省 別館', '1階', '貸出窓口')"));
        const auto counter = database.last_insert_id();
        const auto hash = server::identity::hash_password(desk_password);
        if (!hash) return server::store::Error{"cannot hash the desk's password"};
        auto desk = server::identity::insert_user(
            database, {"bench.desk", "窓口 担当", "", "D-BENCH", {identity::Role::desk_operator}, "", ""}, *hash, calendar::now());
        if (!desk) return server::store::Error{desk.error()};
        auto device = must(database.prepare("INSERT INTO devices (asset_tag, class, state, updated_at) VALUES (?1, 'mobile_printer', ?2, ?3)"));
        auto request = must(database.prepare(
            "INSERT INTO loan_requests (number, number_year, number_sequence, requester_login, requester_division, class, "
            "quantity, purpose, start_date, due_date, delivery, pickup_location_id, terms_form, terms_version, state, "
            "created_at, updated_at) VALUES (?1, 2026, ?2, ?3, 'D-BENCH', 'mobile_printer', 1, 'bench', ?4, ?5, 'pickup', "
            "?6, 'loan_request', 1, ?7, ?8, ?8)"));
        auto handover = must(database.prepare(
            "INSERT INTO loan_handovers (request_id, counter_location_id, operator_login, terms_version, handed_at) "
            "VALUES (?1, ?2, 'bench.desk', 1, ?3)"));
        auto allocation = must(database.prepare("INSERT INTO loan_allocations (request_id, device_id, handover_id) VALUES (?1, ?2, ?3)"));
        auto waiting_allocation = must(database.prepare("INSERT INTO loan_allocations (request_id, device_id) VALUES (?1, ?2)"));
        for (int number = 1; number <= loan_count + waiting_count; ++number) {
            char tag[16];
            std::snprintf(tag, sizeof tag, "MPR-%06d", number);
            const bool out = number <= loan_count;
            device.reset();
            device.bind(1, std::string(tag)).bind(2, std::string(out ? "on_loan" : "reserved")).bind(3, stamp);
            if (auto done = device.step(); !done) return server::store::Error{done.error()};
            const auto device_id = database.last_insert_id();
            const int start_offset = out ? -static_cast<int>(random() % 60) : 0;
            const int due_offset = out ? -10 + static_cast<int>(random() % 60) : 7;
            const auto login = std::string("u").append(std::to_string(number));
            char number_text[24];
            std::snprintf(number_text, sizeof number_text, "LND-2026-%05d", number);
            request.reset();
            request.bind(1, std::string(number_text)).bind(2, std::int64_t{number}).bind(3, login)
                .bind(4, calendar::format_date(calendar::add_days(today, start_offset)))
                .bind(5, calendar::format_date(calendar::add_days(today, std::max(start_offset, due_offset))))
                .bind(6, counter).bind(7, std::string(out ? "on_loan" : "approved")).bind(8, stamp);
            if (auto done = request.step(); !done) return server::store::Error{done.error()};
            const auto request_id = database.last_insert_id();
            if (out) {
                handover.reset();
                handover.bind(1, request_id).bind(2, counter).bind(3, stamp);
                if (auto done = handover.step(); !done) return server::store::Error{done.error()};
                allocation.reset();
                allocation.bind(1, request_id).bind(2, device_id).bind(3, database.last_insert_id());
                if (auto done = allocation.step(); !done) return server::store::Error{done.error()};
                continue;
            }
            waiting_allocation.reset();
            waiting_allocation.bind(1, request_id).bind(2, device_id);
            if (auto done = waiting_allocation.step(); !done) return server::store::Error{done.error()};
            auto user = server::identity::insert_user(database, {login, std::string("職員 ").append(std::to_string(number)), "", "D-BENCH",
                                                                 {identity::Role::staff}, "", ""},
                                                      std::nullopt, calendar::now());
            if (!user) return server::store::Error{user.error()};
            const auto card = std::string("BC").append(std::to_string(100000 + number));
            if (auto issued = server::identity::set_staff_card(database, user.value(), card); !issued) {
                return server::store::Error{issued.error()};
            }
            waiting.push_back({card, tag, request_id});
        }
        return server::store::success();
    }));
    return waiting;
}

// POSTs the body, timing it; throws unless the answer has `status`.
void timed_post(httplib::Client& client, const httplib::Headers& headers, const std::string& path,
                const nlohmann::json& body, int status, std::vector<double>& wall, std::vector<double>& cpu) {
    const auto start = Clock::now();
    const auto cpu_start = std::clock();
    const auto response = client.Post(path.c_str(), headers, body.dump(), "application/json");
    wall.push_back(milliseconds_since(start));
    cpu.push_back(cpu_milliseconds(cpu_start));
    if (!response || response->status != status) {
        throw std::runtime_error(path + " answered " + (response ? response->body : std::string("nothing")));
    }
}

}  // namespace

int main() {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const auto folder = std::filesystem::temp_directory_path() / ("madoguchi-counter-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    {
        std::vector<Waiting> waiting;
        {
            auto database = must(server::store::Database::open(folder / "bench.db"));
            if (auto migrated = server::store::migrate(database); !migrated) throw std::runtime_error(migrated.error());
            const auto prepared = Clock::now();
            waiting = prepare(database, calendar::to_tokyo(calendar::now()).date);
            std::printf("== Lending counter: %d active loans, %d loans waiting at the counter (setup %.1f s)\n", loan_count,
                        waiting_count, milliseconds_since(prepared) / 1000.0);
        }
        bench::LoopbackApp app(folder / "bench.db");
        httplib::Client client("127.0.0.1", app.port());
        const auto session = bench::sign_in(client, "bench.desk", desk_password);
        auto headers = session.headers;
        headers.emplace("X-CSRF-Token", session.answer["csrf_token"].get<std::string>());

        std::mt19937 random(5);
        std::vector<double> wall;
        std::vector<double> cpu;
        for (int run = 0; run < 1000; ++run) {
            const auto& loan = waiting[random() % waiting.size()];
            timed_post(client, headers, "/api/v1/lending/counter/scan",
                       {{"card", loan.card}, {"tag", loan.tag}, {"mode", "handover"}}, 200, wall, cpu);
        }
        report("scan verdict, handover (accepted)", wall, cpu);
        wall.clear();
        cpu.clear();
        for (int run = 0; run < 1000; ++run) {
            char tag[16];
            std::snprintf(tag, sizeof tag, "MPR-%06d", 1 + static_cast<int>(random() % loan_count));
            timed_post(client, headers, "/api/v1/lending/counter/scan", {{"tag", std::string(tag)}, {"mode", "return"}}, 200,
                       wall, cpu);
        }
        report("scan verdict, return (accepted)", wall, cpu);
        wall.clear();
        cpu.clear();
        for (const auto& loan : waiting) {
            timed_post(client, headers, "/api/v1/lending/counter/handovers",
                       {{"card", loan.card}, {"request_id", loan.request_id}, {"tags", {loan.tag}},
                        {"counter_location_id", 1}, {"version", 1}},
                       201, wall, cpu);
        }
        report("handover of one device, receipt (one transaction)", wall, cpu);
    }
    std::filesystem::remove_all(folder);
    return 0;
}

// Figures for scripts/bench on the ledger (prints, asserts nothing): how fast the demo fleet
// is written, and list and search latency over HTTP on loopback for the demo fleet with
// 100,000 history rows (issue 5's target: 20 ms server time).
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

#include "audit/audit_log.hpp"
#include "bench_support.hpp"
#include "http/app.hpp"
#include "identity/demo_organisation.hpp"
#include "inventory/demo_fleet.hpp"
#include "inventory/device_history.hpp"
#include "inventory/device_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace {

using namespace madoguchi;
using bench::Clock;
using bench::milliseconds_since;
using bench::check;
using bench::measure;
using bench::must;
using bench::percentile;

// The demo organisation and fleet, then state changes back and forth on loanable devices
// until the history holds `history_rows` records. The admin's password.
std::string prepare(const std::filesystem::path& path, std::int64_t history_rows) {
    auto database = must(server::store::Database::open(path));
    if (auto migrated = server::store::migrate(database); !migrated) throw std::runtime_error(migrated.error());
    const auto accounts = server::identity::demo_accounts().value();
    const server::audit::Actor actor{"bench", "", ""};
    auto start = Clock::now();
    server::inventory::FleetCounts counts;
    check(database.transaction([&]() -> server::store::Status {
        if (auto seeded = server::identity::seed_demo_organisation(database, accounts, actor); !seeded) return seeded;
        auto fleet = server::inventory::seed_demo_fleet(database, 1, actor);
        if (!fleet) return server::store::Error{fleet.error()};
        counts = fleet.value();
        return server::store::success();
    }));
    const auto seconds = milliseconds_since(start) / 1000.0;
    std::printf("== Ledger: demo fleet written in one transaction (each device audited, with its history link)\n");
    std::printf("%lld devices and %lld staff in %.2f s: %.0f devices/s\n", static_cast<long long>(counts.devices),
                static_cast<long long>(counts.staff), seconds, static_cast<double>(counts.devices) / seconds);

    start = Clock::now();
    const server::audit::Actor desk{"desk", "operator", "127.0.0.1"};
    check(database.transaction([&]() -> server::store::Status {
        auto ids = database.prepare("SELECT id, version FROM devices WHERE class = 'mobile_printer' OR class = 'tablet' "
                                          "OR class = 'business_pc' ORDER BY id");
        if (!ids) return server::store::Error{ids.error()};
        std::vector<std::pair<std::int64_t, std::int64_t>> devices;
        auto& statement = ids.value();
        while (must(statement.step())) devices.emplace_back(statement.column_int(0), statement.column_int(1));
        auto rows = must(database.query_int("SELECT count(*) FROM device_history")).value_or(0);
        for (std::size_t turn = 0; rows < history_rows; ++turn) {
            auto& [id, version] = devices[turn % devices.size()];
            const auto to = turn % 2 == 0 ? inventory::AssetState::in_repair : inventory::AssetState::in_stock;
            auto set = server::inventory::set_device_state(database, id, version, to, calendar::now());
            if (!set) return server::store::Error{set.error()};
            if (!set.value()) continue;
            ++version;
            const server::audit::AuditEntry entry{desk, "device.transitioned", "device", std::to_string(id),
                                                  nlohmann::json{{"state", "x"}}, nlohmann::json{{"state", "y"}}};
            if (auto recorded = server::inventory::record_device_change(database, id, entry, "点検"); !recorded) return recorded;
            ++rows;
        }
        return server::store::success();
    }));
    std::printf("history grown to %lld rows in %.1f s\n", static_cast<long long>(history_rows), milliseconds_since(start) / 1000.0);
    for (const auto& account : accounts) {
        if (account.fields.login == "admin") return account.password;
    }
    throw std::runtime_error("no admin account");
}

// A devices CSV of `rows` new devices naming the demo fleet's models and locations, as a
// kintone export would.
std::string import_file(httplib::Client& client, const httplib::Headers& headers, int rows) {
    const auto models = nlohmann::json::parse(client.Get("/api/v1/device-models", headers)->body)["models"];
    const auto locations = nlohmann::json::parse(client.Get("/api/v1/locations", headers)->body)["locations"];
    std::string file = "資産番号,機器分類,メーカー,機種名,設置場所,備考\r\n";
    for (int row = 0; row < rows; ++row) {
        const auto& model = models[static_cast<std::size_t>(row) % models.size()];
        const auto& location = locations[static_cast<std::size_t>(row) % locations.size()];
        char tag[16];
        std::snprintf(tag, sizeof tag, "IMP-%06d", row);
        file.append(tag).append(",").append(model["class"].get<std::string>()).append(",");
        file.append(model["maker"].get<std::string>()).append(",").append(model["name"].get<std::string>()).append(",");
        file.append(location["name"].get<std::string>()).append(",一括登録\r\n");
    }
    return file;
}

// CPU seconds of this process (the server's threads and the client's), which other work on
// the machine does not inflate as it does elapsed time.
double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// issue 5's target: 40,000 rows imported in under 3 s.
void measure_import(httplib::Client& client, const httplib::Headers& headers, int rows) {
    const auto file = import_file(client, headers, rows);
    client.set_read_timeout(120, 0);
    std::printf("== Ledger import over HTTP: %d new devices (%.1f MB CSV), each audited on commit\n", rows,
                static_cast<double>(file.size()) / (1024.0 * 1024.0));
    for (const char* dry_run : {"1", "0"}) {
        const auto start = Clock::now();
        const auto cpu_start = cpu_seconds();
        const auto response = client.Post((std::string("/api/v1/imports/devices?dry_run=") + dry_run).c_str(), headers,
                                          file, "text/csv");
        const auto elapsed = milliseconds_since(start);
        const auto cpu = cpu_seconds() - cpu_start;
        if (!response || response->status != 200) {
            throw std::runtime_error("import failed: " + (response ? response->body.substr(0, 300) : std::string("no answer")));
        }
        const auto body = nlohmann::json::parse(response->body);
        std::printf("%-44s %7.0f ms  %8.0f rows/s  CPU %5.2f s  (%lld to create, %zu errors)\n",
                    std::string(dry_run) == "1" ? "dry run (plan and preview)" : "commit (one transaction)", elapsed,
                    rows / (elapsed / 1000.0), cpu, static_cast<long long>(body["creates"].get<std::int64_t>()),
                    body["errors"].size());
    }
}

// A download's time and size over `runs` requests.
void measure_file(httplib::Client& client, const httplib::Headers& headers, const char* what, const std::string& path,
                  int runs) {
    std::vector<double> latencies;
    std::size_t bytes = 0;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        const auto response = client.Get(path.c_str(), headers);
        latencies.push_back(milliseconds_since(start));
        if (!response || response->status != 200) throw std::runtime_error(std::string("failed: ") + path);
        bytes = response->body.size();
    }
    std::printf("%-44s p50 %7.1f ms  max %7.1f ms  (%.1f MB)\n", what, percentile(latencies, 0.5), percentile(latencies, 1.0),
                static_cast<double>(bytes) / 1e6);
}

}  // namespace

int main() {
    const auto folder = std::filesystem::temp_directory_path() / ("madoguchi-inventory-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const auto database_path = folder / "bench.db";
    const auto password = prepare(database_path, 100000);

    bench::LoopbackApp app(database_path);
    httplib::Client client("127.0.0.1", app.port());
    const auto session = bench::sign_in(client, "admin", password);
    const auto& headers = session.headers;

    std::printf("== Ledger API on loopback (demo fleet, 100,000 history rows; 200 requests each)\n");
    measure(client, headers, "first page (100, by tag)", "/api/v1/devices", 200);
    measure(client, headers, "class and state filter (MFPs installed)", "/api/v1/devices?class=mfp&state=installed", 200);
    measure(client, headers, "search a tag (GSS-0123)", "/api/v1/devices?q=GSS-0123", 200);
    measure(client, headers, "search a custodian in kana (やまだ)", "/api/v1/devices?q=%E3%82%84%E3%81%BE%E3%81%A0", 200);
    measure(client, headers, "search a custodian in kanji (山田 花子)",
            "/api/v1/devices?q=%E5%B1%B1%E7%94%B0%20%E8%8A%B1%E5%AD%90", 200);
    measure(client, headers, "recently changed first (-updated_at)", "/api/v1/devices?sort=-updated_at", 200);
    measure(client, headers, "one device's history", "/api/v1/devices/13000/history", 200);

    // The client loads the whole fleet for its table: pages of 1000 by cursor.
    const auto start = Clock::now();
    std::string cursor;
    std::size_t loaded = 0;
    do {
        const auto page = client.Get(("/api/v1/devices?limit=1000" + (cursor.empty() ? "" : "&cursor=" + cursor)).c_str(), headers);
        if (!page || page->status != 200) throw std::runtime_error("paging failed");
        const auto body = nlohmann::json::parse(page->body);
        loaded += body["devices"].size();
        cursor = body["next_cursor"].is_null() ? "" : body["next_cursor"].get<std::string>();
    } while (!cursor.empty());
    std::printf("whole fleet by pages of 1000: %zu devices in %.0f ms\n", loaded, milliseconds_since(start));

    auto writer = headers;
    writer.emplace("X-CSRF-Token", session.answer["csrf_token"].get<std::string>());
    measure_import(client, writer, 40000);
    std::printf("== Ledger exports (whole demo fleet; 5 requests each)\n");
    measure_file(client, headers, "CSV export (every device)", "/api/v1/devices/export.csv", 5);
    measure_file(client, headers, "XLSX export (every device)", "/api/v1/devices/export.xlsx", 5);
    measure_file(client, headers, "CSV export (GSS terminals, by filter)", "/api/v1/devices/export.csv?class=gss_terminal", 5);
    measure_file(client, headers, "QR label sheet (1,000 devices, 42 pages)", "/api/v1/devices/labels.svg?ids=1-1000", 5);
    measure_file(client, headers, "QR label PDF (1,000 devices, 42 pages)", "/api/v1/devices/labels.pdf?ids=1-1000", 5);

    std::filesystem::remove_all(folder);
    return 0;
}

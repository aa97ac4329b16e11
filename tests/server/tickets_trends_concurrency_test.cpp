// The trends over a year read tens of thousands of tickets; while they are being computed the
// rest of the API keeps answering, as they run on a connection of their own.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "calendar/tokyo_time.hpp"
#include "identity_test_support.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"
#include "tickets/demo_tickets.hpp"

using namespace madoguchi::testing;
namespace calendar = madoguchi::calendar;
namespace store = madoguchi::server::store;
using Clock = std::chrono::steady_clock;

namespace {

double milliseconds(Clock::duration duration) { return std::chrono::duration<double, std::milli>(duration).count(); }

}  // namespace

TEST_CASE("other requests are answered while a year of trends is computed", "[tickets][trends]") {
    RunningApp server;
    add_user(server, {"staff1", {Role::staff}});
    add_user(server, {"desk1", {Role::desk_operator}});
    add_user(server, {"ito1", {Role::it_office}});
    const auto now = calendar::now();
    {
        auto database = store::Database::open(server.database_path());
        REQUIRE(database);
        REQUIRE(database.value().transaction([&]() -> store::Status {
            auto written = madoguchi::server::tickets::seed_demo_tickets(
                database.value(), {.count = 30000, .seed = 2, .now = now, .days = 365, .audited = false}, {"cli", "", ""});
            if (!written) return store::Error{written.error()};
            return store::success();
        }));
    }
    auto reporter = sign_in(server, "ito1");
    auto reader = sign_in(server, "desk1");
    const auto today = calendar::to_tokyo(now).date;
    const auto year = "/api/v1/tickets/trends?from=" + calendar::format_date(calendar::add_days(today, -364)) +
                      "&to=" + calendar::format_date(today);

    std::atomic<bool> running{true};
    int trends_status = 0;
    const auto started = Clock::now();
    std::thread trends([&] {
        const auto response = reporter.client->Get(year.c_str());
        trends_status = response ? response->status : 0;
        running = false;
    });
    // Ticket reads on the server's shared connection, one after another, until the trends answer.
    std::vector<double> latencies;
    while (running) {
        const auto asked = Clock::now();
        const auto response = reader.client->Get("/api/v1/tickets/1");
        REQUIRE(response);
        REQUIRE(response->status == 200);
        if (running) latencies.push_back(milliseconds(Clock::now() - asked));
    }
    trends.join();
    const auto trends_took = milliseconds(Clock::now() - started);
    REQUIRE(trends_status == 200);
    INFO("trends took " << trends_took << " ms; " << latencies.size() << " reads meanwhile, the slowest "
                        << (latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end())) << " ms");
    // On the shared connection a read would wait for the whole of the trends' reading.
    REQUIRE(trends_took > 200);
    REQUIRE(latencies.size() >= 3);
    CHECK(*std::max_element(latencies.begin(), latencies.end()) < trends_took / 2);
}

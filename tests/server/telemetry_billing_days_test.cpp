// Billing from the kept pages per day (server/telemetry/page_days.hpp) against billing the way it
// was done before the table: every device's counter samples of the fiscal year's window (from
// 40 days before 1 April) walked at once. Over resets, a Counter32 wrap, a jump, unreadable
// samples, gaps of days and a device silent across 1 April, before the days are kept, once
// kept, after late, removed and changed samples, and after a model's rated speed changes.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <thread>

#include "calendar/civil_date.hpp"
#include "store/migrations.hpp"
#include "support/server_process.hpp"
#include "telemetry/billing.hpp"
#include "telemetry/billing_store.hpp"
#include "telemetry/counter_samples.hpp"
#include "telemetry/model_speed_store.hpp"
#include "telemetry/page_days.hpp"
#include "telemetry/retention_job.hpp"
#include "telemetry/sample_retention.hpp"

using namespace madoguchi;
using server::store::Database;
namespace domain = madoguchi::telemetry;

namespace {

calendar::Instant tokyo(int year, int month, int day, int hour) {
    return calendar::from_tokyo({year, month, day}, hour * 3600);
}

struct Oracle {
    std::int64_t month_pages = 0;
    std::int64_t year_pages = 0;
    std::map<std::int64_t, std::pair<std::int64_t, int>> devices;  // pages, resets
    std::vector<domain::MonthlyPages> months;
};

// The bill as billing_report computed it before the day table, written out again here.
Oracle bill_from_samples(Database& database, domain::Month month, calendar::Instant now) {
    const calendar::Date year_start{month.month >= 4 ? month.year : month.year - 1, 4, 1};
    const calendar::Date next{month.month == 12 ? month.year + 1 : month.year, month.month == 12 ? 1 : month.month + 1, 1};
    const auto month_end = calendar::add_days(next, -1);
    const auto today = calendar::to_tokyo(now).date;
    const auto as_of = today < month_end ? today : month_end;
    auto limits = server::telemetry::device_page_limits(database);
    REQUIRE(limits);
    Oracle oracle;
    for (domain::Month m{year_start.year, 4}; m <= month; m = m.month == 12 ? domain::Month{m.year + 1, 1} : domain::Month{m.year, m.month + 1}) {
        oracle.months.push_back({m, 0});
    }
    const auto walked = server::telemetry::for_each_device_counters(
        database, calendar::from_tokyo(calendar::add_days(year_start, -40), 0), calendar::from_tokyo(next, 0),
        [&](std::int64_t device, std::span<const domain::CounterSample> samples) -> server::store::Status {
            domain::CounterRules rules;
            rules.max_pages_per_hour = server::telemetry::max_pages_per_hour(limits.value(), device);
            bool in_month = false;
            std::pair<std::int64_t, int> row{0, 0};
            for (const auto& day : domain::daily_pages(samples, rules)) {
                if (day.day < year_start || day.day > as_of) continue;
                oracle.year_pages += day.pages;
                oracle.months[static_cast<std::size_t>((day.day.year - year_start.year) * 12 + day.day.month - 4)].pages += day.pages;
                if (day.day < calendar::Date{month.year, month.month, 1}) continue;
                in_month = true;
                row.first += day.pages;
                if (day.reset) ++row.second;
            }
            if (in_month) {
                oracle.devices[device] = row;
                oracle.month_pages += row.first;
            }
            return server::store::success();
        });
    REQUIRE(walked);
    return oracle;
}

void same_bill(Database& database, domain::Month month, calendar::Instant now) {
    INFO("month " << month.year << "-" << month.month);
    const auto expected = bill_from_samples(database, month, now);
    const auto report = server::telemetry::billing_report(database, month, now);
    REQUIRE(report);
    CHECK(report.value().month_pages == expected.month_pages);
    CHECK(report.value().year_pages == expected.year_pages);
    CHECK(report.value().months == expected.months);
    std::map<std::int64_t, std::pair<std::int64_t, int>> devices;
    for (const auto& device : report.value().devices) devices[device.device_id] = {device.pages, device.resets};
    CHECK(devices == expected.devices);
}

struct Fleet {
    testing::TempDir folder;
    Database database = std::move(Database::open(folder.path() / "madoguchi.db").value());

    Fleet() {
        REQUIRE(server::store::migrate(database));
        REQUIRE(database.execute(
            "INSERT INTO divisions (code, name_ja) VALUES ('D-SOUMU', '総務課');"
            "INSERT INTO device_models (maker, name, class) VALUES ('RICOH', 'IM C3510F', 'mfp'), ('RICOH', 'SP C840', 'printer');"
            "INSERT INTO devices (asset_tag, class, model_id, division_code, network_address, snmp_profile, state, updated_at) "
            "VALUES ('MFP-1', 'mfp', 1, 'D-SOUMU', '10.0.0.1', 'ricoh-v2c', 'installed', '2025-01-01T00:00:00Z'), "
            "('MFP-2', 'mfp', 1, 'D-SOUMU', '10.0.0.2', 'ricoh-v2c', 'installed', '2025-01-01T00:00:00Z'), "
            "('MFP-3', 'mfp', 2, 'D-SOUMU', '10.0.0.3', 'ricoh-v2c', 'installed', '2025-01-01T00:00:00Z'), "
            "('MFP-4', 'mfp', 2, 'D-SOUMU', '10.0.0.4', 'ricoh-v2c', 'installed', '2025-01-01T00:00:00Z')"));
        // MFP-1: every 6 hours from February to 20 October, 50 pages each, with a Counter32
        // wrap and ten silent days in August, a reset on 10 September, 2,000 more pages on the
        // morning of 20 September and a sample in another unit every few days.
        std::int64_t value = 4'294'960'000 - 50 * 4 * 150;
        for (auto at = tokyo(2026, 2, 1, 0); at < tokyo(2026, 10, 20, 9); at.unix_seconds += 6 * 3600) {
            if (at >= tokyo(2026, 8, 5, 0) && at < tokyo(2026, 8, 15, 0)) continue;
            value = (value + 50) % (std::int64_t{1} << 32);
            if (at == tokyo(2026, 9, 10, 12)) value = 7;
            if (at == tokyo(2026, 9, 20, 12)) value += 2'000;  // a busy morning
            const bool other_unit = (at.unix_seconds / (6 * 3600)) % 13 == 0;
            sample(1, at, value, other_unit ? 3 : 7);
        }
        // MFP-2 is silent from 10 January to 20 April (more than 40 days before 1 April): its
        // first delta of the fiscal year is not billed.
        sample(2, tokyo(2026, 1, 10, 10), 10'000);
        sample(2, tokyo(2026, 4, 20, 10), 90'000);
        sample(2, tokyo(2026, 6, 1, 10), 91'000);
        // MFP-3 was last seen 15 March (within 40 days of 1 April): April bills from there.
        sample(3, tokyo(2026, 3, 15, 10), 5'000);
        sample(3, tokyo(2026, 4, 2, 10), 6'000);
        sample(3, tokyo(2026, 10, 19, 10), 8'000);
        sample(3, tokyo(2026, 10, 20, 8), 8'100);
        // MFP-4 jumps by more than its model prints in an hour.
        sample(4, tokyo(2026, 6, 1, 10), 1'000);
        sample(4, calendar::Instant{tokyo(2026, 6, 1, 10).unix_seconds + 1800}, 1'500);
        sample(4, tokyo(2026, 6, 1, 11), 40'000);
        sample(4, tokyo(2026, 6, 2, 11), 40'500);
    }

    void sample(std::int64_t device, calendar::Instant at, std::int64_t value, int unit = 7) {
        REQUIRE(database.execute("INSERT OR REPLACE INTO telemetry_samples (device_id, kind, at, payload) VALUES (" +
                                 std::to_string(device) + ", 3, " + std::to_string(at.unix_seconds) + ", '[" +
                                 std::to_string(value) + "," + std::to_string(unit) + ",[]]')"));
    }

    std::int64_t count(const std::string& sql) { return database.query_int(sql).value().value_or(0); }

    void same_bills(calendar::Instant now) {
        for (const auto month : {domain::Month{2026, 3}, domain::Month{2026, 4}, domain::Month{2026, 7}, domain::Month{2026, 8},
                                 domain::Month{2026, 9}, domain::Month{2026, 10}}) {
            same_bill(database, month, now);
        }
    }
};

const auto now = tokyo(2026, 10, 20, 12);

}  // namespace

TEST_CASE("a bill from kept days equals one walked from the samples over resets and gaps", "[telemetry][billing][page_days]") {
    Fleet fleet;
    // The fixture is what the test says it is: the reset, the wrap and the jump are there.
    const auto september = bill_from_samples(fleet.database, {2026, 9}, now);
    CHECK(september.devices.at(1).second == 1);
    const auto august = bill_from_samples(fleet.database, {2026, 8}, now);
    CHECK(august.devices.at(1).second == 0);  // the wrap is counted, not a reset
    CHECK(august.devices.at(1).first >= 50 * 4 * 20);
    CHECK(bill_from_samples(fleet.database, {2026, 6}, now).devices.at(4).second == 1);
    CHECK(bill_from_samples(fleet.database, {2026, 4}, now).devices.at(3).first == 1'000);
    CHECK(bill_from_samples(fleet.database, {2026, 4}, now).devices.count(2) == 0);

    SECTION("nothing kept yet: every day walked from the samples") {
        CHECK(fleet.count("SELECT count(*) FROM telemetry_page_days") == 0);
        fleet.same_bills(now);
    }
    SECTION("closed days kept a few devices at a time, the others walked meanwhile") {
        CHECK(server::telemetry::fill_page_days(fleet.database, now, 3).value().devices == 3);
        fleet.same_bills(now);
        CHECK(server::telemetry::fill_page_days(fleet.database, now, 3).value().devices == 1);
        CHECK(server::telemetry::fill_page_days(fleet.database, now, 3).value().devices == 0);
        CHECK(fleet.count("SELECT count(*) FROM telemetry_page_days_kept") == 4);
        fleet.same_bills(now);
    }
    SECTION("closed days kept, today walked") {
        const auto fill = server::telemetry::fill_page_days(fleet.database, now);
        REQUIRE(fill);
        CHECK(fill.value().devices == 4);
        CHECK(fill.value().days > 200);
        CHECK(fleet.count("SELECT count(*) FROM telemetry_page_days_kept WHERE first_day = " +
                          std::to_string(calendar::days_from_civil({2025, 4, 1})) + " AND last_day = " +
                          std::to_string(calendar::days_from_civil({2026, 10, 19}))) == 4);
        fleet.same_bills(now);
        // Filling again the same day changes nothing.
        CHECK(server::telemetry::fill_page_days(fleet.database, now).value().devices == 0);
        fleet.same_bills(now);

        // A late sample in a closed day drops that device's kept days from it on.
        fleet.sample(1, tokyo(2026, 9, 3, 2), 3);
        CHECK(fleet.count("SELECT last_day FROM telemetry_page_days_kept WHERE device_id = 1") ==
              calendar::days_from_civil({2026, 9, 2}));
        CHECK(fleet.count("SELECT count(*) FROM telemetry_page_days WHERE device_id = 1 AND day >= " +
                          std::to_string(calendar::days_from_civil({2026, 9, 3}))) == 0);
        fleet.same_bills(now);
        // A removed sample (as the compaction removes them) likewise; then kept again.
        REQUIRE(fleet.database.execute("DELETE FROM telemetry_samples WHERE device_id = 3 AND at = " +
                                       std::to_string(tokyo(2026, 4, 2, 10).unix_seconds)));
        fleet.same_bills(now);
        REQUIRE(server::telemetry::fill_page_days(fleet.database, now));
        fleet.same_bills(now);
        // The compaction folds raw samples older than 14 days into hourly ones (MFP-4's two in
        // one hour of 1 June become one): what it rewrites is walked again.
        REQUIRE(server::telemetry::fill_page_days(fleet.database, now));
        const auto compacted = server::telemetry::compact_samples(fleet.database, now, {});
        REQUIRE(compacted);
        CHECK(compacted.value().rows_folded > 0);
        CHECK(fleet.count("SELECT count(*) FROM telemetry_samples WHERE device_id = 4") == 3);
        fleet.same_bills(now);
        REQUIRE(server::telemetry::fill_page_days(fleet.database, now));
        fleet.same_bills(now);
        // A changed sample.
        REQUIRE(fleet.database.execute("UPDATE telemetry_samples SET payload = '[10,7,[]]' WHERE device_id = 2 AND at = " +
                                       std::to_string(tokyo(2026, 6, 1, 10).unix_seconds)));
        fleet.same_bills(now);

        // A slower rated speed for MFP-1's model turns some of its deltas into jumps: the days
        // kept at the old speed are not used.
        REQUIRE(server::telemetry::fill_page_days(fleet.database, now));
        REQUIRE(fleet.database.execute("INSERT INTO telemetry_model_speeds (model_id, pages_per_minute, updated_by, updated_at) "
                                       "VALUES (1, 1, 'admin', '2026-10-20T00:00:00Z')"));
        CHECK(bill_from_samples(fleet.database, {2026, 9}, now).devices.at(1).second > 1);
        fleet.same_bills(now);
        REQUIRE(server::telemetry::fill_page_days(fleet.database, now));
        fleet.same_bills(now);
    }
    SECTION("next day: yesterday's samples kept, the fiscal year before still walked where not kept") {
        REQUIRE(server::telemetry::fill_page_days(fleet.database, now));
        const auto tomorrow = tokyo(2026, 10, 21, 12);
        fleet.sample(3, tokyo(2026, 10, 21, 9), 8'400);
        REQUIRE(server::telemetry::fill_page_days(fleet.database, tomorrow));
        CHECK(fleet.count("SELECT last_day FROM telemetry_page_days_kept WHERE device_id = 3") ==
              calendar::days_from_civil({2026, 10, 20}));
        fleet.same_bills(tomorrow);
    }
}

TEST_CASE("a counter payload reads the same through the fast path as through JSON", "[telemetry][billing][page_days]") {
    // What the reader did before it had a fast path: the JSON document's first two members.
    const auto by_json = [](const std::string& payload) -> std::optional<std::int64_t> {
        const auto values = nlohmann::json::parse(payload, nullptr, false);
        if (!values.is_array() || values.empty() || !values[0].is_number_integer()) return std::nullopt;
        if (values.size() > 1 && values[1].is_number_integer() && !domain::counts_pages(values[1].get<std::int64_t>())) {
            return std::nullopt;
        }
        return values[0].get<std::int64_t>();
    };
    for (const std::string payload :
         {"[1234,7,[]]", "[1234,8,[[1,100],[2,-3]]]", "[1234,3,[]]", "[1234]", "[1234,7]", "[0,7,[]]", "[-5,7,[]]",
          "[1234,-1,[]]", "[007,7,[]]", "[1234,07,[]]", "[12.5,7,[]]", "[1234,7.0,[]]", "[1234, 7, []]", " [1234,7,[]]",
          "[1234,7,[]] ", "[1234,7,[]", "[1234,7,[}]", "[1234,7,[[1,2],]]", "[1234,7,[[1,2]],5]", "[1234,7,[[]]]",
          "[1234,\"7\",[]]", "[\"1234\",7,[]]", "[99999999999999999999,7,[]]", "[9223372036854775807,7,[]]", "[]", "[",
          "", "1234", "null", "[1e3,7,[]]", "[1234,7,[[1,2],[3,4]]]", "[1234,7,[[1,-0]]]", "[-0,7]", "[1234,7,{}]",
          "[1234,7,[[1,2],[3,4]]]]", "[1234,7,null]"}) {
        INFO(payload);
        CHECK(server::telemetry::page_count(payload) == by_json(payload));
    }
}

TEST_CASE("the retention job keeps the closed days right after its compaction", "[telemetry][billing][page_days]") {
    Fleet fleet;
    {
        const server::telemetry::RetentionJob job(fleet.folder.path() / "madoguchi.db", {}, std::chrono::hours{1});
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
        while (fleet.count("SELECT count(*) FROM telemetry_page_days_kept") < 4 && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds{50});
        }
    }
    CHECK(fleet.count("SELECT count(*) FROM telemetry_page_days_kept WHERE last_day = " +
                      std::to_string(calendar::days_from_civil(calendar::to_tokyo(calendar::now()).date) - 1)) == 4);
    // The compaction ran first (the samples are months old): the days kept are of its samples.
    CHECK(fleet.count("SELECT count(*) FROM telemetry_samples WHERE resolution = 1") > 0);
    fleet.same_bills(now);
}

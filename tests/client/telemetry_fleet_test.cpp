// テレメトリ's view-models against a real server and SQLite holding a small polled fleet: the
// fleet overview's state counts, filters (floor, model, state, text) and pages; a device's
// detail with its interpretation, charts in Tokyo time, toner orders and incidents; "今すぐ取得"
// against a real snmpsim agent, whose garbage answer shows as a data oddity, and against a
// device that does not answer; and the anomaly review's scan and acknowledgement.
#include <catch2/catch.hpp>

#include "telemetry/anomaly_review.hpp"
#include "telemetry/device_telemetry.hpp"
#include "telemetry/fleet_overview.hpp"
#include "telemetry/fleet_sim_support.hpp"
#include "store/database.hpp"
#include "telemetry_fixtures.hpp"
#include "test_accounts.hpp"
#include "ui/format.hpp"

using namespace madoguchi;
using client::FleetOverview;
using i18n::Language;
namespace column = client::fleet_overview_column;

namespace {

void load(client::ApiClient& api, FleetOverview& fleet, const client::FleetFilter& filter) {
    fleet.load(api, filter);
    REQUIRE(testing::drain_until(api, [&] { return fleet.state() != FleetOverview::State::loading; }));
    REQUIRE(fleet.state() == FleetOverview::State::loaded);
}

std::int64_t count_of(const FleetOverview& fleet, const std::string& state) {
    for (const auto& [name, count] : fleet.state_counts()) {
        if (name == state) return count;
    }
    return -1;
}

}  // namespace

TEST_CASE("the fleet overview shows each printer's state, toner and open work, with the counts per state",
          "[telemetry][client]") {
    testing::TelemetryServer fleet_server;
    testing::DeskTab tab(*fleet_server.server);
    FleetOverview fleet(Language::ja);
    load(tab.api, fleet, {});
    CHECK(fleet.total() == 3);
    CHECK(count_of(fleet, "error") == 1);
    CHECK(count_of(fleet, "attention") == 1);
    CHECK(count_of(fleet, "unreachable") == 1);
    CHECK(count_of(fleet, "ok") == 0);
    const auto& table = fleet.table();
    REQUIRE(table.total_rows() == 3);
    CHECK(table.cell_text(0, column::tag) == "MFP-000001");
    CHECK(table.cell_text(0, column::state) == "異常");
    CHECK(table.columns()[column::state].tone(0) == client::CellTone::error);
    CHECK(table.columns()[column::state].tone(1) == client::CellTone::warning);
    CHECK(table.cell_text(0, column::model) == "リコー IM C3010");
    CHECK(table.cell_text(0, column::place) == "本館 10 1001");
    CHECK(table.cell_text(0, column::toner) == "70%");
    CHECK(table.cell_text(1, column::toner) == "6%");
    CHECK(table.cell_text(0, column::last_seen) == "たった今");
    CHECK(table.cell_text(2, column::last_seen) == "応答なし（記録なし）");
    CHECK(table.cell_text(0, column::open) == "障害 1件");
    CHECK(table.cell_text(1, column::open) == "トナー手配 1件");
    auto both = fleet.devices()[0];
    both.open_toner_orders = 2;
    CHECK(client::open_work_text(both, Language::ja) == "障害 1件・トナー手配 2件");
    CHECK(client::open_work_text(both, Language::en) == "Incidents: 1, Toner orders: 2");
    CHECK(fleet.page_text(Language::ja) == "1〜3台目（全3台）");
    CHECK_FALSE(fleet.has_next());

    fleet.set_language(Language::en);
    CHECK(table.cell_text(0, column::state) == "Error");
    CHECK(table.cell_text(2, column::state) == "Not responding");
}

TEST_CASE("the fleet is filtered by floor, model, state and text, and read 50 devices a page", "[telemetry][client]") {
    testing::TelemetryServer fleet_server;
    fleet_server.add_unpolled(60);
    testing::DeskTab tab(*fleet_server.server);
    FleetOverview fleet(Language::ja);

    fleet.load_choices(tab.api);
    REQUIRE(testing::drain_until(tab.api, [&] { return fleet.floors().size() == 2 && !fleet.models().empty(); }));
    CHECK(fleet.floors() == std::vector<std::string>{"3", "10"});  // as floors are counted, not as text sorts
    CHECK(fleet.models().front().second == "リコー IM C3010");

    client::FleetFilter filter;
    filter.floor = "3";
    CHECK(client::fleet_path(filter, 50, 0) == "/api/v1/telemetry/devices?floor=3&limit=50");
    load(tab.api, fleet, filter);
    REQUIRE(fleet.devices().size() == 1);
    CHECK(fleet.devices()[0].asset_tag == "MFP-000003");
    CHECK(fleet.devices()[0].state == "unreachable");

    filter = {};
    filter.text = "mfp-000002";
    load(tab.api, fleet, filter);
    REQUIRE(fleet.devices().size() == 1);
    CHECK(fleet.devices()[0].asset_tag == "MFP-000002");
    CHECK(count_of(fleet, "attention") == 1);
    CHECK(count_of(fleet, "error") == 0);

    // As typed with the IME on: full-width letters and digits find the ASCII tag, hiragana the
    // maker's katakana, and spaces do not matter.
    filter.text = "ＭＦＰ－０００００３";
    load(tab.api, fleet, filter);
    REQUIRE(fleet.devices().size() == 1);
    CHECK(fleet.devices()[0].asset_tag == "MFP-000003");
    filter.text = "りこー im c3010";
    load(tab.api, fleet, filter);
    CHECK(fleet.total() == 63);
    filter.text = "ﾘｺｰ ＩＭ";
    load(tab.api, fleet, filter);
    CHECK(fleet.total() == 63);
    filter.text = "本館 301";
    load(tab.api, fleet, filter);
    REQUIRE(fleet.devices().size() == 1);
    CHECK(fleet.devices()[0].asset_tag == "MFP-000003");
    filter.text = "キヤノン";
    load(tab.api, fleet, filter);
    CHECK(fleet.total() == 0);

    filter = {};
    filter.state = "unknown";
    filter.model_id = fleet_server.model;
    load(tab.api, fleet, filter);
    CHECK(fleet.total() == 60);
    CHECK(fleet.devices().size() == 50);
    CHECK(fleet.page_text(Language::ja) == "1〜50台目（全60台）");
    REQUIRE(fleet.has_next());
    fleet.next_page(tab.api);
    REQUIRE(testing::drain_until(tab.api, [&] { return fleet.state() == FleetOverview::State::loaded; }));
    CHECK(fleet.devices().size() == 10);
    CHECK(fleet.devices().front().asset_tag == "PRN-000051");
    CHECK(fleet.page_text(Language::en) == "51–60 of 60");
    CHECK_FALSE(fleet.has_next());
    fleet.previous_page(tab.api);
    REQUIRE(testing::drain_until(tab.api, [&] { return fleet.state() == FleetOverview::State::loaded; }));
    CHECK(fleet.offset() == 0);
    CHECK(fleet.devices().front().asset_tag == "PRN-000001");

    // A row chosen opens once: coming back to the list does not open it again.
    fleet.table().click(2, {});
    CHECK(fleet.take_chosen() == fleet.devices()[2].device_id);
    CHECK_FALSE(fleet.take_chosen());
}

TEST_CASE("a reload keeps the page's rows while it waits, another filter or page shows its loading state",
          "[telemetry][client]") {
    testing::TelemetryServer fleet_server;
    fleet_server.add_unpolled(60);
    testing::DeskTab tab(*fleet_server.server);
    FleetOverview fleet(Language::ja);
    load(tab.api, fleet, {});
    REQUIRE(fleet.devices().size() == 50);

    fleet.reload(tab.api);
    CHECK(fleet.state() == FleetOverview::State::loading);
    CHECK(fleet.devices().size() == 50);  // a row can still be chosen meanwhile
    REQUIRE(testing::drain_until(tab.api, [&] { return fleet.state() == FleetOverview::State::loaded; }));
    CHECK(fleet.devices().size() == 50);

    fleet.next_page(tab.api);
    CHECK(fleet.devices().empty());
    REQUIRE(testing::drain_until(tab.api, [&] { return fleet.state() == FleetOverview::State::loaded; }));
    CHECK(fleet.devices().size() == 13);

    client::FleetFilter filter;
    filter.floor = "3";
    fleet.load(tab.api, filter);
    CHECK(fleet.state() == FleetOverview::State::loading);
    CHECK(fleet.devices().empty());
    REQUIRE(testing::drain_until(tab.api, [&] { return fleet.state() == FleetOverview::State::loaded; }));
    CHECK(fleet.devices().size() == 1);
}

TEST_CASE("a refused fleet request shows the server's message", "[telemetry][client]") {
    testing::TelemetryServer fleet_server;
    testing::DeskTab tab(*fleet_server.server);
    FleetOverview fleet(Language::ja);
    client::FleetFilter filter;
    filter.state = "purple";  // not a state: the server says so
    fleet.load(tab.api, filter);
    REQUIRE(testing::drain_until(tab.api, [&] { return fleet.state() != FleetOverview::State::loading; }));
    CHECK(fleet.state() == FleetOverview::State::failed);
    CHECK_FALSE(fleet.error_text().empty());
}

TEST_CASE("a device's detail has its conditions, toners, counter and toner charts, orders and incidents",
          "[telemetry][client]") {
    testing::TelemetryServer fleet_server;
    testing::DeskTab tab(*fleet_server.server);
    client::DeviceTelemetry device(Language::ja);
    device.open(tab.api, fleet_server.jammed);
    REQUIRE(testing::drain_until(tab.api, [&] { return device.state() != client::DeviceTelemetry::State::loading; }));
    REQUIRE(device.state() == client::DeviceTelemetry::State::loaded);
    const auto* jammed = device.record();
    REQUIRE(jammed != nullptr);
    CHECK(jammed->asset_tag == "MFP-000001");
    CHECK(jammed->printer_state == "error");
    REQUIRE(jammed->conditions.size() == 1);
    CHECK(jammed->conditions[0].condition == "jammed");
    CHECK(jammed->conditions[0].opens_vendor_incident);
    REQUIRE(jammed->incidents.size() == 1);
    CHECK(jammed->incidents[0].condition == "jammed");
    CHECK(jammed->incidents[0].ticket_number.starts_with("INC-"));
    CHECK_FALSE(jammed->incidents[0].cleared_at);
    CHECK(jammed->page_count == 82);
    // The last cycle read every kind: the count and firmware are as of that poll.
    REQUIRE(jammed->counters_read_at);
    CHECK(jammed->counters_read_at == jammed->polled_at);
    CHECK(jammed->firmware_read_at == jammed->polled_at);
    CHECK(client::as_of_text("82", jammed->counters_read_at, Language::ja, false) ==
          "82（" + client::format_display_time(*jammed->polled_at, Language::ja, false) + " 時点）");
    CHECK(client::as_of_text("82", jammed->counters_read_at, Language::en, false).starts_with("82 (as of "));
    CHECK(client::as_of_text("82", std::nullopt, Language::ja, false) == "82");
    REQUIRE(jammed->counters.size() == 2);
    const auto counters = client::counter_chart(*jammed, Language::ja);
    REQUIRE(counters.series.size() == 1);
    REQUIRE_FALSE(counters.categories.empty());
    CHECK(counters.series[0].values.back() == 82.0);
    // Two samples a minute apart: hourly categories, labelled in Tokyo time.
    const auto tokyo = calendar::to_tokyo(jammed->counters.back().first);
    CHECK(counters.categories.back() == std::to_string(tokyo.date.month) + "/" + std::to_string(tokyo.date.day) + " " +
                                            std::to_string(tokyo.second_of_day / 3600) + "時");
    REQUIRE(jammed->condition_history.size() == 1);
    CHECK(jammed->condition_history[0].conditions == std::vector<std::string>{"jammed"});

    device.open(tab.api, fleet_server.low);
    REQUIRE(testing::drain_until(tab.api, [&] { return device.state() == client::DeviceTelemetry::State::loaded; }));
    const auto* low = device.record();
    REQUIRE(low != nullptr);
    CHECK(low->asset_tag == "MFP-000002");
    REQUIRE(low->toners.size() == 1);
    CHECK(low->toners[0].colour == "black");
    CHECK(low->toners[0].percent == 6);
    CHECK(client::toner_text(low->toners[0], Language::ja) == "6%");
    REQUIRE(low->orders.size() == 1);
    CHECK(low->orders[0].state == "ordered");
    CHECK(low->orders[0].open);
    const auto toners = client::toner_chart(*low, Language::ja);
    REQUIRE(toners.series.size() == 1);
    CHECK(toners.series[0].name == "ブラック");
    CHECK(toners.series[0].values.back() == 6.0);
}

TEST_CASE("今すぐ取得 polls a real agent, whose garbage shows as a data oddity, and says when a device does not answer",
          "[telemetry][client]") {
    testing::TempDir folder;
    testing::write_records(folder.path() / "data", "MFP-000002",
                           {
                               "1.3.6.1.2.1.1.1.0|2|42",  // sysDescr as a number: an oddity
                               "1.3.6.1.2.1.1.5.0|4|mfp-000002",
                               "1.3.6.1.2.1.25.3.2.1.5.1|2|2",
                               "1.3.6.1.2.1.25.3.5.1.1.1|2|3",
                               "1.3.6.1.2.1.25.3.5.1.2.1|4x|00",
                               "1.3.6.1.2.1.43.10.2.1.4.1.1|65|90",
                               "1.3.6.1.2.1.43.11.1.1.4.1.1|2|3",
                               "1.3.6.1.2.1.43.11.1.1.5.1.1|2|3",
                               "1.3.6.1.2.1.43.11.1.1.6.1.1|4|Black Toner",
                               "1.3.6.1.2.1.43.11.1.1.8.1.1|2|100",
                               "1.3.6.1.2.1.43.11.1.1.9.1.1|2|25",
                           });
    testing::FleetSimulator simulator(folder.path() / "data", testing::serve_only());
    testing::TelemetryServer fleet_server(simulator.agent());
    testing::DeskTab tab(*fleet_server.server);
    client::DeviceTelemetry device(Language::ja);
    device.open(tab.api, fleet_server.low);
    REQUIRE(testing::drain_until(tab.api, [&] { return device.state() == client::DeviceTelemetry::State::loaded; }));
    CHECK(device.record()->oddities.empty());

    device.poll_now(tab.api);
    CHECK(device.polling());
    REQUIRE(testing::drain_until(tab.api, [&] { return !device.polling(); }));
    CHECK(device.poll_outcome() == client::DeviceTelemetry::PollOutcome::answered);
    CHECK(device.poll_text().starts_with("取得しました（"));
    const auto* polled = device.record();
    REQUIRE(polled != nullptr);
    CHECK(polled->reachable);
    CHECK(polled->sys_name == "mfp-000002");
    CHECK(polled->page_count == 90);
    const auto oddity = std::find_if(polled->oddities.begin(), polled->oddities.end(),
                                     [](const client::DataOddity& o) { return o.code == "wrong_type"; });
    REQUIRE(oddity != polled->oddities.end());
    CHECK(oddity->oid == "1.3.6.1.2.1.1.1.0");
    CHECK(client::wire_label("telemetry.oddity.", oddity->code, Language::ja) == "値の型が不正");
    REQUIRE(polled->toners.size() == 1);
    CHECK(polled->toners[0].percent == 25);

    // The third printer has no agent behind its community: no answer, said so, still a 200.
    device.open(tab.api, fleet_server.silent);
    REQUIRE(testing::drain_until(tab.api, [&] { return device.state() == client::DeviceTelemetry::State::loaded; }));
    device.poll_now(tab.api);
    REQUIRE(testing::drain_until(tab.api, [&] { return !device.polling(); }));
    CHECK(device.poll_outcome() == client::DeviceTelemetry::PollOutcome::unreachable);
    CHECK(device.poll_text().find("timeout") != std::string::npos);
    CHECK_FALSE(device.record()->reachable);
}

TEST_CASE("the anomaly review lists a flagged counter reset, acknowledges it with a note, and scans on demand",
          "[telemetry][client]") {
    testing::TelemetryServer fleet_server;
    {
        auto db = server::store::Database::open(fleet_server.server->data_dir() / "madoguchi.db");
        REQUIRE(db);
        REQUIRE(db.value().execute(
            "INSERT INTO telemetry_anomalies (device_id, kind, day, pages, usual_pages, detected_at) VALUES (" +
            std::to_string(fleet_server.jammed) + ", 'counter_backwards', '2026-11-24', 0, 0, '2026-11-25T00:30:00Z')"));
    }
    testing::DeskTab tab(*fleet_server.server);
    client::AnomalyReview review(Language::ja, false);
    review.load(tab.api, client::AnomalyReview::Shown::open);
    REQUIRE(testing::drain_until(tab.api, [&] { return review.state() == client::AnomalyReview::State::loaded; }));
    REQUIRE(review.anomalies().size() == 1);
    auto& table = review.table();
    CHECK(table.cell_text(0, client::anomaly_column::day) == "2026-11-24（火）");
    CHECK(table.cell_text(0, client::anomaly_column::tag) == "MFP-000001");
    CHECK(table.cell_text(0, client::anomaly_column::kind) == "カウンターの逆行（リセットまたは交換）");
    CHECK(table.cell_text(0, client::anomaly_column::review) == "未確認");
    review.set_language(Language::ja, true);
    CHECK(table.cell_text(0, client::anomaly_column::day) == "令和8年11月24日（火）");

    table.click(0, {});
    review.note = "保守で基板交換（ベンダー報告済み）";
    review.acknowledge(tab.api);
    REQUIRE(testing::drain_until(tab.api, [&] { return !review.busy() && review.state() == client::AnomalyReview::State::loaded; }));
    CHECK_FALSE(review.outcome_failed());
    CHECK(review.outcome_text() == "MFP-000001の特異点を確認済みにしました。");
    CHECK(review.anomalies().empty());  // off the open list
    review.load(tab.api, client::AnomalyReview::Shown::acknowledged);
    REQUIRE(testing::drain_until(tab.api, [&] { return review.state() == client::AnomalyReview::State::loaded; }));
    REQUIRE(review.anomalies().size() == 1);
    CHECK(review.anomalies()[0].note == "保守で基板交換（ベンダー報告済み）");
    CHECK(review.anomalies()[0].acknowledged_by == "desk1");
    CHECK(review.table().cell_text(0, client::anomaly_column::review) == "確認済（desk1）");

    // 今すぐ判定 judges yesterday unless another day is chosen; today is refused by the server.
    const auto today = calendar::to_tokyo(calendar::now()).date;
    CHECK(review.scan_day(today).value() == calendar::add_days(today, -1));
    review.scan(tab.api, today);
    REQUIRE(testing::drain_until(tab.api, [&] { return !review.busy() && review.state() == client::AnomalyReview::State::loaded; }));
    CHECK_FALSE(review.outcome_failed());
    CHECK(review.outcome_text().starts_with(client::format_display_date(calendar::add_days(today, -1), Language::ja, true) + "を判定しました："));

    review.scan_day(today).set(calendar::add_days(today, -5));
    review.scan(tab.api, today);
    REQUIRE(testing::drain_until(tab.api, [&] { return !review.busy() && review.state() == client::AnomalyReview::State::loaded; }));
    CHECK_FALSE(review.outcome_failed());
    CHECK(review.outcome_text().starts_with(client::format_display_date(calendar::add_days(today, -5), Language::ja, true) + "を判定しました："));

    review.scan_day(today).set(today);
    review.scan(tab.api, today);
    REQUIRE(testing::drain_until(tab.api, [&] { return !review.busy(); }));
    CHECK(review.outcome_failed());
    CHECK(review.outcome_text() == "終わった日を指定してください（今日の分は明日から判定できます）。");
    CHECK(review.scan_errors().field("day", Language::en) == i18n::text("field.day_not_over", Language::en));
}

// 台帳's download links: the whole ledger when the table is not filtered, the shown rows by id
// when it is, the table's tag order, labels for the selected rows, and the reasons a link
// cannot be offered.
#include <catch2/catch.hpp>

#include "inventory/fleet.hpp"
#include "inventory/inventory_catalogs.hpp"
#include "inventory/ledger_export.hpp"
#include "inventory_fixtures.hpp"
#include "scripted_transport.hpp"

using namespace madoguchi;
using client::export_link;
using client::Fleet;
using client::LabelFile;
using client::labels_link;
using client::LedgerFile;
using i18n::Language;
using testing::device_json;
using testing::page_json;

namespace {

struct Ledger {
    // Devices 1–5 and 7–9 are MFPs, 6 a tablet; `more` further tablets and MFPs alternate from id 10.
    explicit Ledger(int more = 0) : transport(api), fleet(catalogs, Language::ja) {
        std::vector<nlohmann::json> devices;
        for (int id = 1; id <= 9 + more; ++id) {
            const bool tablet = id == 6 || (id > 9 && id % 2 == 0);
            devices.push_back(device_json(id, (tablet ? "TAB-" : "MFP-") + std::to_string(100000 + id),
                                          tablet ? "tablet" : "mfp", "in_stock"));
        }
        fleet.reload(api);
        transport.answer(200, page_json(devices, static_cast<std::int64_t>(devices.size()), nullptr));
    }
    std::string csv() { return export_link(LedgerFile::csv, fleet.table(), fleet.devices()).path; }

    client::ApiClient api;
    testing::ScriptedTransport transport;
    client::InventoryCatalogs catalogs;
    Fleet fleet;
};

}  // namespace

TEST_CASE("without a filter the export is the whole ledger, in the table's tag order", "[inventory][export]") {
    Ledger ledger;
    REQUIRE(ledger.fleet.state() == Fleet::State::loaded);
    CHECK(ledger.csv() == "/api/v1/devices/export.csv");
    CHECK(export_link(LedgerFile::xlsx, ledger.fleet.table(), ledger.fleet.devices()).path == "/api/v1/devices/export.xlsx");
    ledger.fleet.table().toggle_sort(client::fleet_column::tag);
    ledger.fleet.table().toggle_sort(client::fleet_column::tag);
    CHECK(ledger.csv() == "/api/v1/devices/export.csv?sort=-asset_tag");
    // Other orders have no server equivalent: the file keeps the ledger's tag order.
    ledger.fleet.table().toggle_sort(client::fleet_column::state);
    CHECK(ledger.csv() == "/api/v1/devices/export.csv");
}

TEST_CASE("a filtered table exports exactly its rows, named by id ranges", "[inventory][export]") {
    Ledger ledger;
    ledger.fleet.table().set_filter(client::fleet_column::device_class, "複合機");
    REQUIRE(ledger.fleet.table().match_count() == 8);
    CHECK(ledger.csv() == "/api/v1/devices/export.csv?ids=1-5%2C7-9");
    ledger.fleet.table().set_filter(client::fleet_column::device_class, "タブレット");
    CHECK(ledger.csv() == "/api/v1/devices/export.csv?ids=6");

    ledger.fleet.table().set_filter(client::fleet_column::device_class, "プロジェクタ");
    const auto none = export_link(LedgerFile::csv, ledger.fleet.table(), ledger.fleet.devices());
    CHECK(none.path.empty());
    CHECK(none.problem_key == "inventory.export.nothing_shown");
}

TEST_CASE("rows scattered beyond what a link carries are refused with a reason, not cut short", "[inventory][export]") {
    Ledger ledger(3000);
    ledger.fleet.table().set_filter(client::fleet_column::device_class, "公用タブレット");
    REQUIRE(ledger.fleet.table().match_count() == 1501);
    const auto link = export_link(LedgerFile::xlsx, ledger.fleet.table(), ledger.fleet.devices());
    CHECK(link.path.empty());
    CHECK(link.problem_key == "inventory.export.filter_too_scattered");
    ledger.fleet.table().clear_filters();
    CHECK(ledger.csv() == "/api/v1/devices/export.csv");
}

TEST_CASE("labels are printed for the selected rows, as PDF or SVG, up to 1,000 at once", "[inventory][export][labels]") {
    Ledger ledger(1200);
    auto& table = ledger.fleet.table();
    const auto pdf = [&] { return labels_link(LabelFile::pdf, table, ledger.fleet.devices()); };
    const auto svg = [&] { return labels_link(LabelFile::svg, table, ledger.fleet.devices()); };
    CHECK(pdf().problem_key == "inventory.export.select_rows");
    CHECK(svg().problem_key == "inventory.export.select_rows");
    table.click(1, {});
    table.click(3, {.ctrl = true});
    table.click(4, {.ctrl = true});
    CHECK(pdf().path == "/api/v1/devices/labels.pdf?ids=2%2C4-5");
    CHECK(svg().path == "/api/v1/devices/labels.svg?ids=2%2C4-5");
    table.toggle_sort(client::fleet_column::tag);
    table.toggle_sort(client::fleet_column::tag);
    CHECK(pdf().path == "/api/v1/devices/labels.pdf?sort=-asset_tag&ids=2%2C4-5");
    table.click(0, {});
    table.click(1000, {.shift = true});
    REQUIRE(table.selected_count() == 1001);
    for (const auto& too_many : {pdf(), svg()}) {
        CHECK(too_many.path.empty());
        CHECK(too_many.problem_key == "inventory.export.too_many_labels");
    }
}

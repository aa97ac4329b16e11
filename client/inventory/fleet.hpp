#pragma once
// The whole fleet for 台帳: every device the user may see, loaded page after page
// (GET /api/v1/devices?limit=1000&cursor=…, until next_cursor is null) with progress, into
// the UI kit's TableModel. With all rows on the client, sort and the column filters stay
// instant for 15,000 devices. A failed page stops the load with an error; retry starts over.
#include <cstdint>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"
#include "inventory/device_row.hpp"
#include "inventory/inventory_catalogs.hpp"
#include "ui/progress.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

// The table's columns, in order.
namespace fleet_column {
inline constexpr std::size_t tag = 0, device_class = 1, model = 2, state = 3, location = 4, division = 5, custodian = 6;
}

// "/api/v1/devices?limit=1000" and, after the first page, "&cursor=…".
std::string devices_path(int limit, const std::string& cursor);

class Fleet {
public:
    static constexpr int page_size = 1000;
    enum class State { idle, loading, loaded, failed };

    Fleet(const InventoryCatalogs& catalogs, i18n::Language language);

    // Loads the fleet from its first page; an older load's answers are dropped.
    void reload(ApiClient& api);
    // Reads one page; public for tests with fixtures. The cursor of the next page, or empty
    // when this was the last (or the body was not a page: then the state is failed).
    std::string accept_page(const std::string& body);

    State state() const { return state_; }
    const ProgressModel& progress() const { return progress_; }
    // "機器を読み込んでいます（1000 / 2500 台）" while loading.
    std::string progress_text(i18n::Language language) const;
    const std::string& error_text() const { return error_; }
    std::int64_t total() const { return total_; }
    const std::vector<DeviceRow>& devices() const { return devices_; }
    TableModel& table() { return table_; }
    const TableModel& table() const { return table_; }
    void set_language(i18n::Language language);
    // The catalogs arrived or changed: labels are read again.
    void labels_changed() { table_.contents_changed(); }

    // The device on the table's current row, if any.
    const DeviceRow* current() const;
    // A device changed by the detail pane: shown without a reload.
    void put(const DeviceRow& device);
    // Makes the device with `id` the current row, when it is shown.
    void focus(std::int64_t id);

private:
    void request_page(ApiClient& api, const std::string& cursor);
    void fail(std::string message);

    const InventoryCatalogs& catalogs_;
    i18n::Language language_;
    State state_ = State::idle;
    ProgressModel progress_;
    std::string error_;
    std::int64_t total_ = 0;
    std::uint64_t generation_ = 0;
    std::vector<DeviceRow> devices_;
    TableModel table_;
};

}  // namespace madoguchi::client

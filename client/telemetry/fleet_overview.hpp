#pragma once
// フリート: one page of GET /api/v1/telemetry/devices at a time (50 devices, by asset tag) in
// the UI kit's table, with the count of each state over the whole filtered fleet as coloured
// chips, and the filters the API takes (floor, model, state, text). The floors and models to
// choose from come from the ledger's locations and models.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "telemetry/telemetry_records.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

// What the overview asks the server for; empty members are not sent.
struct FleetFilter {
    std::string floor;
    std::optional<std::int64_t> model_id;
    std::string state;
    std::string text;
    friend bool operator==(const FleetFilter&, const FleetFilter&) = default;
};

// "/api/v1/telemetry/devices?floor=…&model_id=…&state=…&q=…&limit=50&offset=100".
std::string fleet_path(const FleetFilter& filter, int limit, std::int64_t offset);

// "障害 1件・トナー手配 1件": the device's open incidents and toner orders; empty when none.
std::string open_work_text(const FleetDevice& device, i18n::Language language);

namespace fleet_overview_column {
inline constexpr std::size_t tag = 0, state = 1, model = 2, place = 3, toner = 4, days = 5, last_seen = 6, open = 7;
}

class FleetOverview {
public:
    static constexpr int page_size = 50;
    enum class State { idle, loading, loaded, failed };

    explicit FleetOverview(i18n::Language language);

    // Reads the first page under `filter`; an older load's answer is dropped. Another filter
    // or page is another list: its rows go at once, for its loading state.
    void load(ApiClient& api, const FleetFilter& filter);
    // The page on screen again (after a poll, or a retry): its rows stay until the answer
    // replaces them, so a row can still be chosen.
    void reload(ApiClient& api);
    void next_page(ApiClient& api);
    void previous_page(ApiClient& api);
    bool has_next() const { return offset_ + static_cast<std::int64_t>(devices_.size()) < total_; }
    bool has_previous() const { return offset_ > 0; }
    // Reads one page's answer; public for tests.
    void accept(const ApiResult& result);

    // The floors and models to filter by, from the ledger.
    void load_choices(ApiClient& api);
    const std::vector<std::string>& floors() const { return floors_; }
    const std::vector<std::pair<std::int64_t, std::string>>& models() const { return models_; }

    State state() const { return state_; }
    const std::string& error_text() const { return error_text_; }
    const FleetFilter& filter() const { return filter_; }
    std::int64_t total() const { return total_; }
    std::int64_t offset() const { return offset_; }
    // Devices per state in the filtered fleet, in printer_state_names() order.
    const std::vector<std::pair<std::string, std::int64_t>>& state_counts() const { return counts_; }
    // "1〜50台目（全723台）" / "1–50 of 723".
    std::string page_text(i18n::Language language) const;
    const std::vector<FleetDevice>& devices() const { return devices_; }
    TableModel& table() { return table_; }
    const TableModel& table() const { return table_; }
    // The device on the table's current row, if any.
    const FleetDevice* current() const;
    // The device a click (or the keyboard) chose, once: the row is let go, so coming back to
    // the list does not open it again.
    std::optional<std::int64_t> take_chosen();

    void set_language(i18n::Language language);
    // The clock the "last seen" column counts from; the column is rewritten once a minute.
    void set_now(calendar::Instant now);

private:
    void request(ApiClient& api);
    void clear_rows();

    i18n::Language language_;
    calendar::Instant now_ = calendar::now();
    State state_ = State::idle;
    std::string error_text_;
    FleetFilter filter_;
    std::int64_t offset_ = 0;
    std::int64_t total_ = 0;
    std::uint64_t generation_ = 0;
    std::vector<std::pair<std::string, std::int64_t>> counts_;
    std::vector<FleetDevice> devices_;
    std::vector<std::string> floors_;
    std::vector<std::pair<std::int64_t, std::string>> models_;
    TableModel table_;
};

}  // namespace madoguchi::client

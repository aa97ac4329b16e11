#pragma once
// 安全在庫 (stock per class and location): each pool's devices, how many are free now, its
// minimum, and per week ahead the fewest free on any day and the devices expected back. A
// pool below its minimum now, or expected to fall below it within the weeks shown, is an
// alert. Admins edit the minimums per pool here (empty: none); saving replaces them all on
// the server, keeping those of pools the report no longer lists.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "calendar/civil_date.hpp"
#include "i18n/catalog.hpp"
#include "lending/stock.hpp"
#include "ui/charts.hpp"
#include "ui/chart_scale.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

struct StockPool {
    std::string class_code;
    std::optional<std::int64_t> location_id;  // none: the class as a whole
    std::string location_name;
    int devices = 0;
    int available_now = 0;
    std::optional<int> minimum;
    bool below = false;  // below its minimum now
    std::vector<lending::WeekProjection> weeks;

    // The first week whose lowest is under the minimum; none when no week is.
    std::optional<std::size_t> first_short_week() const;
    bool alert() const { return below || first_short_week().has_value(); }
};

// The body of GET /lending/stock.
std::optional<std::vector<StockPool>> stock_from_body(const std::string& body);
// "{class}（全体）" or "{class} / {location}".
std::string pool_name(const StockPool& pool, i18n::Language language);
// The alert's sentence for a pool; empty when it has none.
std::string pool_alert(const StockPool& pool, i18n::Language language);
// The pool's weeks as a chart: the fewest free per week and, when set, the minimum.
ChartData pool_chart(const StockPool& pool, i18n::Language language);

class StockReport {
public:
    enum class State { idle, loading, loaded, failed };

    explicit StockReport(i18n::Language language);
    StockReport(const StockReport&) = delete;
    StockReport& operator=(const StockReport&) = delete;

    int weeks = 8;
    // Reads the report and the stored thresholds.
    void load(ApiClient& api);
    void accept(const ApiResult& result);
    void accept_thresholds(const ApiResult& result);
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<StockPool>& pools() const { return pools_; }
    TableModel& table() { return table_; }
    void set_language(i18n::Language language);
    // The pools with an alert, in the report's order.
    std::vector<const StockPool*> alerts() const;

    // The pool the chart shows: the table's current row, else the first pool.
    const StockPool* shown() const;

    // The minimums typed per pool, in the report's order ("" for none).
    std::vector<std::string> minimums;
    bool save_thresholds(ApiClient& api);
    bool saving() const { return saving_; }
    // Why the minimums were refused; "" when they were not.
    std::string save_error(i18n::Language language) const;
    bool take_saved() { return std::exchange(saved_, false); }

private:
    i18n::Language language_;
    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    std::vector<StockPool> pools_;
    std::vector<lending::Threshold> stored_;
    TableModel table_;
    bool saving_ = false;
    std::string local_error_;  // a catalog key
    api::ApiError save_error_;
    bool saved_ = false;
};

}  // namespace madoguchi::client

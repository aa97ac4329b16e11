#include "lending/stock_report.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "api/field_messages.hpp"
#include "api/form_errors.hpp"
#include "lending/lending_records.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

std::optional<std::int64_t> optional_id(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_number_integer()) return std::nullopt;
    return found->get<std::int64_t>();
}

std::optional<int> minimum_text(const std::string& text) {
    if (text.empty() || text.size() > 5 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    return std::stoi(text);
}

bool same_pool(const lending::Threshold& threshold, const StockPool& pool) {
    return threshold.class_code == pool.class_code && threshold.location_id == pool.location_id;
}

}  // namespace

std::optional<std::size_t> StockPool::first_short_week() const {
    if (!minimum) return std::nullopt;
    for (std::size_t week = 0; week < weeks.size(); ++week) {
        if (weeks[week].lowest < *minimum) return week;
    }
    return std::nullopt;
}

std::optional<std::vector<StockPool>> stock_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("pools") || !document["pools"].is_array()) return std::nullopt;
    std::vector<StockPool> pools;
    for (const auto& item : document["pools"]) {
        if (!item.is_object() || string_field(item, "class").empty()) continue;
        StockPool pool;
        pool.class_code = string_field(item, "class");
        pool.location_id = optional_id(item, "location_id");
        pool.location_name = string_field(item, "location_name");
        pool.devices = static_cast<int>(integer_field(item, "devices"));
        pool.available_now = static_cast<int>(integer_field(item, "available_now"));
        if (const auto minimum = optional_id(item, "minimum")) pool.minimum = static_cast<int>(*minimum);
        const auto below = item.find("below");
        pool.below = below != item.end() && below->is_boolean() && below->get<bool>();
        if (const auto weeks = item.find("weeks"); weeks != item.end() && weeks->is_array()) {
            for (const auto& week : *weeks) {
                const auto from = calendar::parse_date(string_field(week, "from"));
                const auto until = calendar::parse_date(string_field(week, "until"));
                if (!from || !until) continue;
                pool.weeks.push_back({*from, *until, static_cast<int>(integer_field(week, "lowest")),
                                      static_cast<int>(integer_field(week, "returning"))});
            }
        }
        pools.push_back(std::move(pool));
    }
    return pools;
}

std::string pool_name(const StockPool& pool, i18n::Language language) {
    if (!pool.location_id) {
        return fill_template(i18n::text("lending_desk.stock.whole_class", language), {{"class", class_name(pool.class_code, language)}});
    }
    return class_name(pool.class_code, language) + " / " + pool.location_name;
}

std::string pool_alert(const StockPool& pool, i18n::Language language) {
    if (!pool.minimum) return {};
    if (pool.below) {
        return fill_template(i18n::text("lending_desk.stock.below_now", language),
                             {{"pool", pool_name(pool, language)},
                              {"now", std::to_string(pool.available_now)},
                              {"minimum", std::to_string(*pool.minimum)}});
    }
    const auto week = pool.first_short_week();
    if (!week) return {};
    return fill_template(i18n::text("lending_desk.stock.below_soon", language),
                         {{"pool", pool_name(pool, language)},
                          {"from", calendar::format_date(pool.weeks[*week].from)},
                          {"lowest", std::to_string(pool.weeks[*week].lowest)},
                          {"minimum", std::to_string(*pool.minimum)}});
}

ChartData pool_chart(const StockPool& pool, i18n::Language language) {
    ChartData chart;
    chart.title = pool_name(pool, language);
    Series lowest{i18n::text("lending_desk.stock.series.lowest", language), {}};
    Series minimum{i18n::text("lending_desk.stock.series.minimum", language), {}};
    for (const auto& week : pool.weeks) {
        chart.categories.push_back(calendar::format_date(week.from).substr(5));
        lowest.values.push_back(week.lowest);
        if (pool.minimum) minimum.values.push_back(*pool.minimum);
    }
    chart.series.push_back(std::move(lowest));
    if (pool.minimum) chart.series.push_back(std::move(minimum));
    return chart;
}

StockReport::StockReport(i18n::Language language)
    : language_(language),
      table_({{"lending_desk.stock.column.pool", 16.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return pool_name(pools_[row], language_); }},
              {"lending_desk.stock.column.devices", 5.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) { return std::to_string(pools_[row].devices); },
               [this](std::size_t row) { return static_cast<double>(pools_[row].devices); }},
              {"lending_desk.stock.column.now", 5.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) { return std::to_string(pools_[row].available_now); },
               [this](std::size_t row) { return static_cast<double>(pools_[row].available_now); }},
              {"lending_desk.stock.column.minimum", 5.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) { return pools_[row].minimum ? std::to_string(*pools_[row].minimum) : std::string("—"); },
               [this](std::size_t row) { return static_cast<double>(pools_[row].minimum.value_or(-1)); }},
              {"lending_desk.stock.column.lowest", 6.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) {
                   const auto& weeks = pools_[row].weeks;
                   if (weeks.empty()) return std::string("—");
                   return std::to_string(std::min_element(weeks.begin(), weeks.end(), [](const auto& a, const auto& b) {
                                             return a.lowest < b.lowest;
                                         })->lowest);
               }},
              {"lending_desk.stock.column.alert", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   const auto& pool = pools_[row];
                   if (pool.below) return i18n::text("lending_desk.stock.alert.now", language_);
                   return pool.alert() ? i18n::text("lending_desk.stock.alert.soon", language_) : std::string();
               }}},
             0) {}

void StockReport::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

void StockReport::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/lending/stock?weeks=" + std::to_string(weeks), [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
    api.get("/api/v1/lending/stock/thresholds", [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept_thresholds(result);
    });
}

void StockReport::accept(const ApiResult& result) {
    auto pools = result.ok() ? stock_from_body(result.body) : std::nullopt;
    if (!pools) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    pools_ = std::move(*pools);
    minimums.clear();
    for (const auto& pool : pools_) minimums.push_back(pool.minimum ? std::to_string(*pool.minimum) : std::string());
    table_.set_rows(pools_.size());
    error_ = {};
    state_ = State::loaded;
}

void StockReport::accept_thresholds(const ApiResult& result) {
    if (!result.ok()) return;  // the report shows each pool's minimum anyway
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    if (!document.is_object() || !document.contains("thresholds") || !document["thresholds"].is_array()) return;
    stored_.clear();
    for (const auto& item : document["thresholds"]) {
        if (!item.is_object()) continue;
        stored_.push_back({string_field(item, "class"), optional_id(item, "location_id"),
                           static_cast<int>(integer_field(item, "minimum"))});
    }
}

std::vector<const StockPool*> StockReport::alerts() const {
    std::vector<const StockPool*> found;
    for (const auto& pool : pools_) {
        if (pool.alert()) found.push_back(&pool);
    }
    return found;
}

const StockPool* StockReport::shown() const {
    if (const auto row = table_.current_row(); row && *row < pools_.size()) return &pools_[*row];
    return pools_.empty() ? nullptr : &pools_.front();
}

bool StockReport::save_thresholds(ApiClient& api) {
    if (saving_ || minimums.size() != pools_.size()) return false;
    local_error_.clear();
    save_error_ = {};
    nlohmann::json thresholds = nlohmann::json::array();
    for (std::size_t i = 0; i < pools_.size(); ++i) {
        if (minimums[i].empty()) continue;
        const auto minimum = minimum_text(minimums[i]);
        if (!minimum || *minimum > lending::threshold_max) {
            local_error_ = "field.out_of_range_0_10000";
            return false;
        }
        const auto& pool = pools_[i];
        thresholds.push_back({{"class", pool.class_code},
                              {"location_id", pool.location_id ? nlohmann::json(*pool.location_id) : nlohmann::json()},
                              {"minimum", *minimum}});
    }
    // Minimums of pools the report does not list (a counter without devices now) stay.
    for (const auto& threshold : stored_) {
        if (std::none_of(pools_.begin(), pools_.end(), [&](const StockPool& pool) { return same_pool(threshold, pool); })) {
            thresholds.push_back({{"class", threshold.class_code},
                                  {"location_id", threshold.location_id ? nlohmann::json(*threshold.location_id) : nlohmann::json()},
                                  {"minimum", threshold.minimum}});
        }
    }
    saving_ = true;
    api.send({"PUT", "/api/v1/lending/stock/thresholds", nlohmann::json{{"thresholds", thresholds}}.dump(), {}},
             [this, &api](const ApiResult& result) {
                 saving_ = false;
                 if (!result.ok()) {
                     save_error_ = result.error;
                     return;
                 }
                 saved_ = true;
                 load(api);
             });
    return true;
}

std::string StockReport::save_error(i18n::Language language) const {
    if (!local_error_.empty()) return i18n::text(local_error_, language);
    if (save_error_.code.empty()) return {};
    if (!save_error_.fields.empty()) return field_message(save_error_.fields.begin()->second, language);
    return error_text(save_error_, language);
}

}  // namespace madoguchi::client

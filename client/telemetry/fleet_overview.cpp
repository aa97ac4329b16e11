#include "telemetry/fleet_overview.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "api/form_errors.hpp"
#include "api/query_string.hpp"
#include "notifications/relative_time.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

// Floors as people count them: "2" before "10", then by text ("B1", "屋上").
bool floor_before(const std::string& a, const std::string& b) {
    const auto number = [](const std::string& text) -> std::optional<long> {
        if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return std::nullopt;
        return std::strtol(text.c_str(), nullptr, 10);
    };
    const auto na = number(a), nb = number(b);
    if (na && nb && *na != *nb) return *na < *nb;
    if (na.has_value() != nb.has_value()) return na.has_value();
    return a < b;
}

}  // namespace

std::string open_work_text(const FleetDevice& device, i18n::Language language) {
    std::string text;
    const auto add = [&](const char* key, std::int64_t count) {
        if (count == 0) return;
        if (!text.empty()) text += language == i18n::Language::ja ? "・" : ", ";
        text += fill_template(i18n::text(key, language), {{"count", std::to_string(count)}});
    };
    add("telemetry_fleet.open.incidents", device.open_incidents);
    add("telemetry_fleet.open.orders", device.open_toner_orders);
    return text;
}

std::string fleet_path(const FleetFilter& filter, int limit, std::int64_t offset) {
    return with_query("/api/v1/telemetry/devices",
                      {{"floor", filter.floor},
                       {"model_id", filter.model_id ? std::to_string(*filter.model_id) : std::string()},
                       {"state", filter.state},
                       {"q", filter.text},
                       {"limit", std::to_string(limit)},
                       {"offset", offset > 0 ? std::to_string(offset) : std::string()}});
}

FleetOverview::FleetOverview(i18n::Language language)
    : language_(language),
      table_(
          {
              {"telemetry_fleet.column.tag", 8.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return devices_[row].asset_tag; }},
              {"telemetry_fleet.column.state", 6.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return printer_state_label(devices_[row].state, language_); },
               {},
               {},
               {},
               [this](std::size_t row) { return state_tone(devices_[row].state); }},
              {"telemetry_fleet.column.model", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   const auto& device = devices_[row];
                   return device.maker.empty() ? device.model : device.maker + ' ' + device.model;
               }},
              {"telemetry_fleet.column.place", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return place_text(devices_[row]); }},
              {"telemetry_fleet.column.toner", 6.5F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) {
                   const auto lowest = lowest_percent(devices_[row].toners);
                   return lowest ? std::to_string(*lowest) + "%" : std::string("—");
               },
               [this](std::size_t row) { return static_cast<double>(lowest_percent(devices_[row].toners).value_or(1000)); }},
              {"telemetry_fleet.column.days", 6.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) { return days_text(devices_[row].days_to_empty, language_); },
               [this](std::size_t row) { return devices_[row].days_to_empty.value_or(1e9); }},
              {"telemetry_fleet.column.last_seen", 8.0F, CellAlignment::left, SortKind::number,
               [this](std::size_t row) {
                   const auto& seen = devices_[row].last_seen_at;
                   return seen ? format_relative_time(*seen, now_, language_) : i18n::text("telemetry_fleet.never_seen", language_);
               },
               [this](std::size_t row) {
                   const auto& seen = devices_[row].last_seen_at;
                   return seen ? static_cast<double>(seen->unix_seconds) : 0.0;
               }},
              {"telemetry_fleet.column.open", 11.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return open_work_text(devices_[row], language_); }},
          },
          0, [this](std::size_t row) { return devices_[row].asset_tag; }) {
    for (const auto& state : printer_state_names()) counts_.emplace_back(state, 0);
}

void FleetOverview::load(ApiClient& api, const FleetFilter& filter) {
    if (filter != filter_ || offset_ != 0) clear_rows();
    filter_ = filter;
    offset_ = 0;
    request(api);
}

void FleetOverview::reload(ApiClient& api) { request(api); }

void FleetOverview::next_page(ApiClient& api) {
    if (!has_next() || state_ == State::loading) return;
    offset_ += page_size;
    clear_rows();
    request(api);
}

void FleetOverview::previous_page(ApiClient& api) {
    if (!has_previous() || state_ == State::loading) return;
    offset_ = std::max<std::int64_t>(0, offset_ - page_size);
    clear_rows();
    request(api);
}

void FleetOverview::clear_rows() {
    devices_.clear();
    table_.set_rows(0);
}

void FleetOverview::request(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    api.get(fleet_path(filter_, page_size, offset_), [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
}

void FleetOverview::accept(const ApiResult& result) {
    if (!result.ok()) {
        state_ = State::failed;
        error_text_ = client::error_text(result.error, language_);
        return;
    }
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    if (!document.is_object() || !document.contains("devices") || !document["devices"].is_array()) {
        state_ = State::failed;
        error_text_ = i18n::text("telemetry_fleet.load_failed", language_);
        return;
    }
    devices_.clear();
    for (const auto& item : document["devices"]) {
        if (auto device = fleet_device_from_json(item)) devices_.push_back(std::move(*device));
    }
    total_ = document.value("total", static_cast<std::int64_t>(devices_.size()));
    const auto states = document.value("states", nlohmann::json::object());
    for (auto& [state, count] : counts_) {
        const auto found = states.find(state);
        count = found != states.end() && found->is_number_integer() ? found->get<std::int64_t>() : 0;
    }
    table_.set_rows(devices_.size());
    state_ = State::loaded;
}

void FleetOverview::load_choices(ApiClient& api) {
    api.get("/api/v1/locations", [this](const ApiResult& result) {
        if (!result.ok()) return;  // the floor filter stays empty; the list still works
        const auto document = nlohmann::json::parse(result.body, nullptr, false);
        floors_.clear();
        if (!document.is_object() || !document.contains("locations") || !document["locations"].is_array()) return;
        for (const auto& location : document["locations"]) {
            if (!location.is_object() || !location.contains("floor") || !location["floor"].is_string()) continue;
            const auto floor = location["floor"].get<std::string>();
            if (!floor.empty() && std::find(floors_.begin(), floors_.end(), floor) == floors_.end()) floors_.push_back(floor);
        }
        std::sort(floors_.begin(), floors_.end(), floor_before);
    });
    api.get("/api/v1/device-models", [this](const ApiResult& result) {
        if (!result.ok()) return;
        const auto document = nlohmann::json::parse(result.body, nullptr, false);
        models_.clear();
        if (!document.is_object() || !document.contains("models") || !document["models"].is_array()) return;
        for (const auto& model : document["models"]) {
            if (!model.is_object() || !model.contains("id") || !model["id"].is_number_integer()) continue;
            const auto maker = model.value("maker", std::string());
            const auto name = model.value("name", std::string());
            models_.emplace_back(model["id"].get<std::int64_t>(), maker.empty() ? name : maker + ' ' + name);
        }
    });
}

std::string FleetOverview::page_text(i18n::Language language) const {
    const auto first = devices_.empty() ? 0 : offset_ + 1;
    return fill_template(i18n::text("telemetry_fleet.page", language),
                         {{"first", std::to_string(first)},
                          {"last", std::to_string(offset_ + static_cast<std::int64_t>(devices_.size()))},
                          {"total", std::to_string(total_)}});
}

const FleetDevice* FleetOverview::current() const {
    const auto row = table_.current_row();
    return row && *row < devices_.size() ? &devices_[*row] : nullptr;
}

std::optional<std::int64_t> FleetOverview::take_chosen() {
    const auto* device = current();
    if (device == nullptr) return std::nullopt;
    const auto id = device->device_id;
    table_.set_rows(devices_.size());
    return id;
}

void FleetOverview::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

void FleetOverview::set_now(calendar::Instant now) {
    if (now.unix_seconds / 60 == now_.unix_seconds / 60) return;
    now_ = now;
    table_.contents_changed();
}

}  // namespace madoguchi::client

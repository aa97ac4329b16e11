#pragma once
// What the テレメトリ area reads from the telemetry API (GET /api/v1/telemetry/devices and
// /devices/{id}), as the views show it: a device's place and interpreted state, its toners,
// and the labels of the names the server sends (states, conditions, colours), in the user's
// language. Unknown names show as sent rather than disappear.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

// The interpreted states in the order the fleet's chips show them.
const std::vector<std::string>& printer_state_names();
// The colour a state is drawn in: ok green, attention amber, error red, the rest muted.
CellTone state_tone(std::string_view state);

// The catalog's label of `prefix + name` ("telemetry.condition." + "jammed"); the name itself
// when the catalog has none (a newer server's name).
std::string wire_label(std::string_view prefix, std::string_view name, i18n::Language language);
std::string printer_state_label(std::string_view state, i18n::Language language);

// A text member; empty when absent, null or of another type.
std::string text_member(const nlohmann::json& json, const char* name);
// A number member; empty when absent, null or not a number.
template <typename Number>
std::optional<Number> number_member(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    if (found == json.end() || !found->is_number()) return std::nullopt;
    return found->get<Number>();
}
// A whole-number member (ids, counts); 0 when absent, null or not a number.
inline std::int64_t integer_member(const nlohmann::json& json, const char* name) {
    return number_member<std::int64_t>(json, name).value_or(0);
}
// An ISO 8601 instant member; empty when absent, null or not an instant.
std::optional<calendar::Instant> instant_member(const nlohmann::json& json, const char* name);

// トナー: one colour's level and forecast.
struct TonerLevel {
    std::string colour;       // black, cyan, magenta, yellow, none
    std::string level_state;  // measured, some_remaining, near_empty, unknown
    std::optional<int> percent;
    std::optional<double> days_to_empty;
    std::optional<double> percent_per_day;
};
std::vector<TonerLevel> toners_from_json(const nlohmann::json& json);
// The lowest measured level of any toner; empty when none is measured.
std::optional<int> lowest_percent(const std::vector<TonerLevel>& toners);
// "12%" measured, otherwise the level state's label ("残りわずか").
std::string toner_text(const TonerLevel& toner, i18n::Language language);
// "4.5日" / "4.5 days"; "—" when there is no estimate.
std::string days_text(const std::optional<double>& days, i18n::Language language);

// A row of the fleet overview.
struct FleetDevice {
    std::int64_t device_id = 0;
    std::string asset_tag;
    std::optional<std::int64_t> model_id;
    std::string maker;
    std::string model;
    std::string building;
    std::string floor;
    std::string room;
    std::string state = "unknown";
    std::optional<calendar::Instant> polled_at;
    std::optional<calendar::Instant> last_seen_at;
    std::int64_t offline_cycles = 0;
    std::vector<std::string> conditions;
    std::vector<TonerLevel> toners;
    std::optional<double> days_to_empty;  // the fewest of any toner
    std::optional<std::int64_t> page_count;
    std::int64_t open_incidents = 0;
    std::int64_t open_toner_orders = 0;
};
// Empty when the JSON is not a fleet row.
std::optional<FleetDevice> fleet_device_from_json(const nlohmann::json& json);
// "本館 10階 1001": the place as one line, parts that are empty left out.
std::string place_text(const FleetDevice& device);

}  // namespace madoguchi::client

#include "telemetry/telemetry_records.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace madoguchi::client {

std::string text_member(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
}

const std::vector<std::string>& printer_state_names() {
    static const std::vector<std::string> names{"ok", "attention", "error", "unreachable", "unknown"};
    return names;
}

CellTone state_tone(std::string_view state) {
    if (state == "ok") return CellTone::ok;
    if (state == "attention") return CellTone::warning;
    if (state == "error") return CellTone::error;
    return CellTone::muted;
}

std::string wire_label(std::string_view prefix, std::string_view name, i18n::Language language) {
    std::string key(prefix);
    key += name;
    return i18n::has_key(key) ? i18n::text(key, language) : std::string(name);
}

std::string printer_state_label(std::string_view state, i18n::Language language) {
    return wire_label("telemetry.state.", state, language);
}

std::optional<calendar::Instant> instant_member(const nlohmann::json& json, const char* name) {
    const auto text = text_member(json, name);
    if (text.empty()) return std::nullopt;
    return calendar::parse_iso8601(text).instant;
}

std::vector<TonerLevel> toners_from_json(const nlohmann::json& json) {
    std::vector<TonerLevel> toners;
    if (!json.is_array()) return toners;
    for (const auto& item : json) {
        if (!item.is_object()) continue;
        TonerLevel toner;
        toner.colour = text_member(item, "colour");
        toner.level_state = text_member(item, "level_state");
        toner.percent = number_member<int>(item, "percent");
        toner.days_to_empty = number_member<double>(item, "days_to_empty");
        toner.percent_per_day = number_member<double>(item, "percent_per_day");
        toners.push_back(std::move(toner));
    }
    return toners;
}

std::optional<int> lowest_percent(const std::vector<TonerLevel>& toners) {
    std::optional<int> lowest;
    for (const auto& toner : toners) {
        if (toner.percent && (!lowest || *toner.percent < *lowest)) lowest = toner.percent;
    }
    return lowest;
}

std::string toner_text(const TonerLevel& toner, i18n::Language language) {
    if (toner.percent) return std::to_string(*toner.percent) + "%";
    return wire_label("telemetry.level.", toner.level_state.empty() ? "unknown" : toner.level_state, language);
}

std::string days_text(const std::optional<double>& days, i18n::Language language) {
    if (!days || !std::isfinite(*days)) return "—";
    char number[32];
    std::snprintf(number, sizeof number, "%.1f", std::max(0.0, *days));
    return std::string(number) + (language == i18n::Language::ja ? "日" : " days");
}

std::optional<FleetDevice> fleet_device_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    const auto id = number_member<std::int64_t>(json, "device_id");
    if (!id) return std::nullopt;
    FleetDevice device;
    device.device_id = *id;
    device.asset_tag = text_member(json, "asset_tag");
    device.model_id = number_member<std::int64_t>(json, "model_id");
    device.maker = text_member(json, "maker");
    device.model = text_member(json, "model");
    device.building = text_member(json, "building");
    device.floor = text_member(json, "floor");
    device.room = text_member(json, "room");
    if (const auto state = text_member(json, "state"); !state.empty()) device.state = state;
    device.polled_at = instant_member(json, "polled_at");
    device.last_seen_at = instant_member(json, "last_seen_at");
    device.offline_cycles = number_member<std::int64_t>(json, "offline_cycles").value_or(0);
    if (const auto conditions = json.find("conditions"); conditions != json.end() && conditions->is_array()) {
        for (const auto& condition : *conditions) {
            if (condition.is_string()) device.conditions.push_back(condition.get<std::string>());
        }
    }
    device.toners = toners_from_json(json.value("toners", nlohmann::json::array()));
    device.days_to_empty = number_member<double>(json, "days_to_empty");
    device.page_count = number_member<std::int64_t>(json, "page_count");
    device.open_incidents = number_member<std::int64_t>(json, "open_incidents").value_or(0);
    device.open_toner_orders = number_member<std::int64_t>(json, "open_toner_orders").value_or(0);
    return device;
}

std::string place_text(const FleetDevice& device) {
    std::string place;
    for (const auto* part : {&device.building, &device.floor, &device.room}) {
        if (part->empty()) continue;
        if (!place.empty()) place += ' ';
        place += *part;
    }
    return place;
}

}  // namespace madoguchi::client

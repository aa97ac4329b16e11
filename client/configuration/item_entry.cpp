#include "configuration/item_entry.hpp"

#include "ui/format.hpp"

namespace madoguchi::client {

std::optional<ItemEntry> item_entry_from_json(const nlohmann::json& json) {
    auto item = configuration::item_from_json(json);
    if (!item) return std::nullopt;
    ItemEntry entry{std::move(*item), std::nullopt, 0};
    if (const auto usage = json.find("usage"); usage != json.end()) entry.usage = configuration::usage_from_json(*usage);
    if (const auto version = json.find("settings_version"); version != json.end() && version->is_number_integer()) {
        entry.settings_version = version->get<std::int64_t>();
    }
    return entry;
}

std::optional<ItemEntry> answered_item(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object()) return std::nullopt;
    return item_entry_from_json(document.value("item", nlohmann::json()));
}

std::string item_path(std::int64_t id, std::string_view rest) {
    std::string path = "/api/v1/configuration-items/";
    path.append(std::to_string(id)).append(rest);
    return path;
}

std::string seats_text(const std::optional<configuration::SeatUsage>& usage) {
    if (!usage) return {};
    std::string text = std::to_string(usage->assigned);
    text.append(" / ").append(std::to_string(usage->seats));
    return text;
}

std::string usage_text(const configuration::SeatUsage& usage, i18n::Language language) {
    const auto percent = usage.seats > 0 ? usage.assigned * 100 / usage.seats : 0;
    auto text = fill_template(i18n::text("configuration.licence.usage", language),
                              {{"assigned", std::to_string(usage.assigned)},
                               {"seats", std::to_string(usage.seats)},
                               {"percent", std::to_string(percent)}});
    if (usage.over_allocated()) {
        text += fill_template(i18n::text("configuration.licence.over_by", language),
                              {{"count", std::to_string(usage.assigned - usage.seats)}});
    }
    return text;
}

}  // namespace madoguchi::client

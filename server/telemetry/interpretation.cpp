#include "telemetry/interpretation.hpp"

#include <algorithm>
#include <cmath>

#include "telemetry/reading_json.hpp"

namespace madoguchi::server::telemetry {

namespace {

namespace domain = madoguchi::telemetry;

std::optional<std::int64_t> number_at(const nlohmann::json& array, std::size_t index) {
    if (!array.is_array() || index >= array.size() || !array[index].is_number_integer()) return std::nullopt;
    return array[index].get<std::int64_t>();
}

const nlohmann::json& array_member(const nlohmann::json& object, const char* name) {
    static const nlohmann::json empty = nlohmann::json::array();
    const auto found = object.find(name);
    return found != object.end() && found->is_array() ? *found : empty;
}

// The octets of the stored hex text.
std::string octets_of_hex(const std::string& hex) {
    std::string octets;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        const auto digit = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
        octets += static_cast<char>(digit(hex[i]) * 16 + digit(hex[i + 1]));
    }
    return octets;
}

domain::SupplyRow supply_row(const nlohmann::json& row) {
    domain::SupplyRow supply;
    supply.description = text_member(row, "description");
    supply.type = integer_member(row, "type");
    supply.supply_class = integer_member(row, "class");
    supply.unit = integer_member(row, "unit");
    supply.max_capacity = integer_member(row, "max_capacity");
    supply.level = integer_member(row, "level");
    return supply;
}

const nlohmann::json* row_with_index(const nlohmann::json& rows, std::int64_t index) {
    for (const auto& row : rows) {
        if (row.is_object() && integer_member(row, "index") == index) return &row;
    }
    return nullptr;
}

std::optional<double> rounded(std::optional<double> value) {
    if (!value) return std::nullopt;
    return std::round(*value * 10.0) / 10.0;
}

nlohmann::json optional_json(const auto& value) { return value ? nlohmann::json(*value) : nlohmann::json(nullptr); }

}  // namespace

domain::PrinterStatus status_of(const nlohmann::json& reading, int missed_cycles, int offline_cycles) {
    domain::StatusInput input;
    input.device_status = integer_member(reading, "device_status");
    input.printer_status = integer_member(reading, "printer_status");
    input.error_state = octets_of_hex(text_member(reading, "detected_error_state"));
    for (const auto& alert : array_member(reading, "alerts")) {
        if (!alert.is_object()) continue;
        input.alerts.push_back({integer_member(alert, "severity"), integer_member(alert, "group"), integer_member(alert, "code"),
                                text_member(alert, "description")});
    }
    auto status = domain::read_status(input);
    if (missed_cycles >= std::max(offline_cycles, 1)) domain::mark_unreachable(status);
    return status;
}

std::vector<TonerLevel> toners_of(const nlohmann::json& reading) {
    std::vector<TonerLevel> toners;
    const auto has_colour = [&](domain::Colour colour) {
        return std::any_of(toners.begin(), toners.end(), [&](const TonerLevel& t) { return t.colour == colour; });
    };
    for (const auto& row : array_member(reading, "supplies")) {
        if (!row.is_object()) continue;
        const auto supply = domain::read_supply(supply_row(row));
        if (supply.kind != domain::SupplyKind::toner || has_colour(supply.colour)) continue;
        toners.push_back({supply.colour, "supply", integer_member(row, "index").value_or(0), supply.state, supply.percent, {}, {}});
    }
    for (const auto& row : array_member(reading, "ricoh_toners")) {
        if (!row.is_object()) continue;
        const auto toner = domain::read_ricoh_toner({text_member(row, "name"), integer_member(row, "level")});
        if (has_colour(toner.colour)) continue;
        toners.push_back({toner.colour, "ricoh", integer_member(row, "index").value_or(0), toner.state, toner.percent, {}, {}});
    }
    return toners;
}

domain::LevelSample level_in_sample(const TonerLevel& toner, const nlohmann::json& reading, calendar::Instant at,
                                    const nlohmann::json& payload) {
    domain::LevelSample sample{at, domain::LevelState::unknown, std::nullopt};
    if (!payload.is_array() || payload.size() != 2) return sample;
    if (toner.source == "supply") {
        for (const auto& row : payload[0]) {
            if (number_at(row, 0) != toner.index) continue;
            // The sample keeps the numbers; the description (and so the colour) is the reading's.
            const auto* current = row_with_index(array_member(reading, "supplies"), toner.index);
            domain::SupplyRow supply;
            if (current != nullptr) supply.description = text_member(*current, "description");
            supply.supply_class = number_at(row, 1);
            supply.type = number_at(row, 2);
            supply.unit = number_at(row, 3);
            supply.max_capacity = number_at(row, 4);
            supply.level = number_at(row, 5);
            const auto read = domain::read_supply(supply);
            return {at, read.state, read.percent};
        }
    } else {
        for (const auto& row : payload[1]) {
            if (number_at(row, 0) != toner.index) continue;
            const auto read = domain::read_ricoh_toner({"", number_at(row, 1)});
            return {at, read.state, read.percent};
        }
    }
    return sample;
}

void note_low_toner(Interpretation& interpretation, int order_at_percent) {
    if (interpretation.status.state != domain::PrinterState::ok) return;
    const bool low = std::any_of(interpretation.toners.begin(), interpretation.toners.end(), [&](const TonerLevel& toner) {
        return toner.state == domain::LevelState::near_empty ||
               (toner.state == domain::LevelState::measured && toner.percent && *toner.percent <= order_at_percent);
    });
    if (low) interpretation.status.state = domain::PrinterState::attention;
}

nlohmann::json to_json(const Interpretation& interpretation) {
    const auto& status = interpretation.status;
    auto conditions = nlohmann::json::array();
    for (const auto condition : status.conditions) {
        const auto& policy = domain::policy_of(condition);
        conditions.push_back({{"condition", domain::condition_name(condition)},
                              {"opens_vendor_incident", policy.opens_vendor_incident},
                              {"affects_users", policy.affects_users}});
    }
    auto toners = nlohmann::json::array();
    for (const auto& toner : interpretation.toners) {
        toners.push_back({{"colour", domain::colour_name(toner.colour)},
                          {"source", toner.source},
                          {"index", toner.index},
                          {"level_state", domain::level_state_name(toner.state)},
                          {"percent", optional_json(toner.percent)},
                          {"percent_per_day", optional_json(rounded(toner.percent_per_day))},
                          {"days_to_empty", optional_json(rounded(toner.days_to_empty))}});
    }
    auto oddities = nlohmann::json::array();
    for (const auto oddity : status.oddities) oddities.push_back(domain::oddity_name(oddity));
    return {{"state", domain::printer_state_name(status.state)},
            {"device_status", domain::device_status_name(status.device)},
            {"activity", domain::activity_name(status.activity)},
            {"conditions", conditions},
            {"toners", toners},
            {"page_count", optional_json(interpretation.page_count)},
            {"status_oddities", oddities}};
}

std::vector<TonerLevel> toners_from_json(const nlohmann::json& interpreted) {
    std::vector<TonerLevel> toners;
    for (const auto& row : array_member(interpreted, "toners")) {
        if (!row.is_object()) continue;
        TonerLevel toner;
        toner.colour = domain::colour_named(text_member(row, "colour"));
        toner.source = text_member(row, "source");
        toner.index = integer_member(row, "index").value_or(0);
        const auto state = text_member(row, "level_state");
        for (const auto candidate : {domain::LevelState::measured, domain::LevelState::some_remaining,
                                     domain::LevelState::near_empty, domain::LevelState::unknown}) {
            if (domain::level_state_name(candidate) == state) toner.state = candidate;
        }
        if (const auto percent = integer_member(row, "percent")) toner.percent = static_cast<int>(*percent);
        const auto days = row.find("days_to_empty");
        if (days != row.end() && days->is_number()) toner.days_to_empty = days->get<double>();
        const auto rate = row.find("percent_per_day");
        if (rate != row.end() && rate->is_number()) toner.percent_per_day = rate->get<double>();
        toners.push_back(toner);
    }
    return toners;
}

}  // namespace madoguchi::server::telemetry

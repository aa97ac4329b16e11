#include "telemetry/device_telemetry.hpp"

#include <algorithm>
#include <limits>

#include "api/form_errors.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

const nlohmann::json& array_member(const nlohmann::json& json, const char* name) {
    static const nlohmann::json empty = nlohmann::json::array();
    if (!json.is_object()) return empty;
    const auto found = json.find(name);
    return found != json.end() && found->is_array() ? *found : empty;
}

std::vector<std::string> names(const nlohmann::json& list) {
    std::vector<std::string> out;
    for (const auto& item : list) {
        if (item.is_string()) out.push_back(item.get<std::string>());
    }
    return out;
}

// RFC 3805 prtAlertSeverityLevel: 3 critical, 4 warning, 5 warning (binary change event).
std::string severity_name(const nlohmann::json& value) {
    if (!value.is_number_integer()) return "other";
    const auto level = value.get<std::int64_t>();
    if (level == 3) return "critical";
    if (level == 4 || level == 5) return "warning";
    return "other";
}

// [at, value] pairs of the history; a value that is not a number is kept as none.
std::vector<std::pair<calendar::Instant, std::optional<double>>> points_of(const nlohmann::json& list) {
    std::vector<std::pair<calendar::Instant, std::optional<double>>> points;
    for (const auto& pair : list) {
        if (!pair.is_array() || pair.size() < 2 || !pair[0].is_string()) continue;
        const auto at = calendar::parse_iso8601(pair[0].get<std::string>()).instant;
        if (!at) continue;
        points.emplace_back(*at, pair[1].is_number() ? std::optional<double>(pair[1].get<double>()) : std::nullopt);
    }
    return points;
}

void read_state(DeviceTelemetryRecord& record, const nlohmann::json& state) {
    record.polled = true;
    record.polled_at = instant_member(state, "polled_at");
    record.last_seen_at = instant_member(state, "last_seen_at");
    if (const auto read_at = state.find("read_at"); read_at != state.end() && read_at->is_object()) {
        record.counters_read_at = instant_member(*read_at, "counters");
        record.firmware_read_at = instant_member(*read_at, "firmware");
    }
    record.reachable = state.value("reachable", false);
    record.failure = text_member(state, "failure");
    record.offline_cycles = number_member<std::int64_t>(state, "offline_cycles").value_or(0);
    if (const auto printer_state = text_member(state, "printer_state"); !printer_state.empty()) {
        record.printer_state = printer_state;
    }
    const auto interpreted = state.value("interpreted", nlohmann::json::object());
    if (interpreted.is_object()) {
        record.device_status = text_member(interpreted, "device_status");
        record.activity = text_member(interpreted, "activity");
        for (const auto& condition : array_member(interpreted, "conditions")) {
            if (!condition.is_object()) continue;
            record.conditions.push_back({text_member(condition, "condition"), condition.value("opens_vendor_incident", false),
                                         condition.value("affects_users", false)});
        }
        record.toners = toners_from_json(array_member(interpreted, "toners"));
        record.page_count = number_member<std::int64_t>(interpreted, "page_count");
        // Oddities of the status itself (unknown error bits) join those the poller logged.
        for (const auto& code : names(array_member(interpreted, "status_oddities"))) record.oddities.push_back({code, {}, {}});
    }
    const auto reading = state.value("reading", nlohmann::json::object());
    if (reading.is_object()) {
        record.sys_name = text_member(reading, "sys_name");
        record.sys_descr = text_member(reading, "sys_descr");
        record.serial_number = text_member(reading, "serial_number");
        if (record.serial_number.empty()) record.serial_number = text_member(reading, "ricoh_serial_number");
        record.firmware_version = text_member(reading, "ricoh_firmware_version");
        for (const auto& alert : array_member(reading, "alerts")) {
            if (!alert.is_object()) continue;
            record.alerts.push_back({severity_name(alert.value("severity", nlohmann::json())),
                                     number_member<std::int64_t>(alert, "group").value_or(0),
                                     number_member<std::int64_t>(alert, "code").value_or(0), text_member(alert, "description")});
        }
    }
    for (const auto& oddity : array_member(state, "oddities")) {
        if (!oddity.is_object()) continue;
        record.oddities.push_back({text_member(oddity, "code"), text_member(oddity, "oid"), text_member(oddity, "detail")});
    }
}

struct NamedPoints {
    std::string name;
    std::vector<std::pair<calendar::Instant, std::optional<double>>> points;
};

constexpr std::int64_t hour = 3600;
constexpr std::int64_t day = 24 * hour;

// Every Tokyo hour (a span of at most three days) or day from the first value to the last
// value or poll, whether or not anything was read in it: a silent stretch shows as the time it
// was. A category without a value of a series holds NaN (the chart draws a gap there).
ChartData bucket_chart(std::string title, const std::vector<NamedPoints>& series, std::optional<calendar::Instant> polled_at,
                       i18n::Language language) {
    ChartData chart;
    chart.title = std::move(title);
    std::optional<std::int64_t> first, last;
    for (const auto& named : series) {
        for (const auto& [at, value] : named.points) {
            if (!value) continue;
            first = std::min(first.value_or(at.unix_seconds), at.unix_seconds);
            last = std::max(last.value_or(at.unix_seconds), at.unix_seconds);
        }
    }
    if (!first) return chart;
    if (polled_at && polled_at->unix_seconds > *last) last = polled_at->unix_seconds;
    const std::int64_t width = *last - *first <= 3 * day ? hour : day;
    // Buckets of Tokyo hours or days: Japan's offset is fixed, so this is plain arithmetic.
    const auto bucket = [&](std::int64_t unix_seconds) {
        const auto tokyo = unix_seconds + calendar::tokyo_offset_seconds;
        return tokyo - ((tokyo % width) + width) % width;
    };
    const auto first_key = bucket(*first);
    const auto count = static_cast<std::size_t>((bucket(*last) - first_key) / width + 1);
    for (std::size_t index = 0; index < count; ++index) {
        const auto key = first_key + static_cast<std::int64_t>(index) * width;
        const auto tokyo = calendar::to_tokyo(calendar::Instant{key - calendar::tokyo_offset_seconds});
        auto label = std::to_string(tokyo.date.month) + "/" + std::to_string(tokyo.date.day);
        if (width == hour) {
            const auto hour_of_day = std::to_string(tokyo.second_of_day / 3600);
            label += language == i18n::Language::ja ? " " + hour_of_day + "時" : " " + hour_of_day + ":00";
        }
        chart.categories.push_back(std::move(label));
    }
    for (const auto& named : series) {
        // The last value of each category: points come oldest first.
        Series line{named.name, std::vector<double>(count, std::numeric_limits<double>::quiet_NaN())};
        bool any = false;
        for (const auto& [at, value] : named.points) {
            if (!value) continue;
            line.values[static_cast<std::size_t>((bucket(at.unix_seconds) - first_key) / width)] = *value;
            any = true;
        }
        if (any) chart.series.push_back(std::move(line));
    }
    return chart;
}

}  // namespace

std::string as_of_text(const std::string& value, const std::optional<calendar::Instant>& read_at, i18n::Language language,
                       bool wareki) {
    if (!read_at) return value;
    return value + fill_template(i18n::text("telemetry_fleet.detail.as_of", language),
                                 {{"time", format_display_time(*read_at, language, wareki)}});
}

std::optional<DeviceTelemetryRecord> device_telemetry_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    const auto id = number_member<std::int64_t>(json, "device_id");
    if (!id) return std::nullopt;
    DeviceTelemetryRecord record;
    record.device_id = *id;
    record.asset_tag = text_member(json, "asset_tag");
    record.network_address = text_member(json, "network_address");
    record.snmp_profile = text_member(json, "snmp_profile");
    if (const auto state = json.find("state"); state != json.end() && state->is_object()) read_state(record, *state);
    const auto history = json.value("history", nlohmann::json::object());
    for (const auto& [at, value] : points_of(array_member(history, "counters"))) {
        if (value) record.counters.emplace_back(at, *value);
    }
    for (const auto& toner : array_member(history, "toners")) {
        if (!toner.is_object()) continue;
        record.toner_history.push_back({text_member(toner, "colour"), points_of(array_member(toner, "points"))});
    }
    for (const auto& change : array_member(history, "conditions")) {
        if (!change.is_object()) continue;
        const auto at = instant_member(change, "at");
        if (!at) continue;
        record.condition_history.push_back({*at, text_member(change, "state"), names(array_member(change, "conditions"))});
    }
    for (const auto& order : array_member(json, "toner_orders")) {
        if (!order.is_object()) continue;
        record.orders.push_back({number_member<std::int64_t>(order, "id").value_or(0), text_member(order, "colour"),
                                 text_member(order, "state"), order.value("open", false), text_member(order, "reason"),
                                 number_member<int>(order, "level_at_order"), instant_member(order, "created_at"),
                                 text_member(order, "delivery_address")});
    }
    for (const auto& incident : array_member(json, "incidents")) {
        if (!incident.is_object()) continue;
        record.incidents.push_back({number_member<std::int64_t>(incident, "id").value_or(0), text_member(incident, "condition"),
                                    text_member(incident, "ticket_number"), text_member(incident, "ticket_state"),
                                    incident.value("affects_users", false), instant_member(incident, "opened_at"),
                                    instant_member(incident, "cleared_at")});
    }
    return record;
}

ChartData counter_chart(const DeviceTelemetryRecord& record, i18n::Language language) {
    NamedPoints pages{i18n::text("telemetry_fleet.chart.pages", language), {}};
    for (const auto& [at, value] : record.counters) pages.points.emplace_back(at, value);
    return bucket_chart(i18n::text("telemetry_fleet.chart.counter", language), {pages}, record.polled_at, language);
}

ChartData toner_chart(const DeviceTelemetryRecord& record, i18n::Language language) {
    std::vector<NamedPoints> series;
    for (const auto& toner : record.toner_history) {
        series.push_back({wire_label("telemetry.colour.", toner.colour, language), toner.points});
    }
    return bucket_chart(i18n::text("telemetry_fleet.chart.toner", language), series, record.polled_at, language);
}

void DeviceTelemetry::open(ApiClient& api, std::int64_t device_id) {
    if (device_id != id_) {
        record_.reset();
        poll_outcome_ = PollOutcome::none;
        poll_text_.clear();
    }
    id_ = device_id;
    reload(api);
}

void DeviceTelemetry::reload(ApiClient& api) {
    if (id_ == 0) return;
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/telemetry/devices/" + std::to_string(id_), [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
}

void DeviceTelemetry::close() {
    ++generation_;
    id_ = 0;
    state_ = State::idle;
    record_.reset();
    polling_ = false;
    poll_outcome_ = PollOutcome::none;
    poll_text_.clear();
}

void DeviceTelemetry::poll_now(ApiClient& api) {
    if (id_ == 0 || polling_) return;
    polling_ = true;
    poll_text_.clear();
    ++generation_;
    HttpRequest request{"POST", "/api/v1/telemetry/devices/" + std::to_string(id_) + "/poll", "{}", {}};
    api.send(std::move(request), [this, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;
        polling_ = false;
        if (!result.ok()) {
            poll_outcome_ = PollOutcome::refused;
            poll_text_ = client::error_text(result.error, language_);
            return;
        }
        accept(result);
        if (!record_) return;
        const auto at = record_->polled_at.value_or(calendar::now());
        const auto clock = format_clock(calendar::to_tokyo(at).second_of_day / 60);
        if (record_->reachable) {
            poll_outcome_ = PollOutcome::answered;
            poll_text_ = fill_template(i18n::text("telemetry_fleet.poll.answered", language_), {{"time", clock}});
        } else {
            poll_outcome_ = PollOutcome::unreachable;
            poll_text_ = fill_template(i18n::text("telemetry_fleet.poll.unreachable", language_),
                                       {{"time", clock}, {"failure", record_->failure}});
        }
    });
}

void DeviceTelemetry::accept(const ApiResult& result) {
    if (!result.ok()) {
        state_ = State::failed;
        error_text_ = client::error_text(result.error, language_);
        return;
    }
    auto record = device_telemetry_from_json(nlohmann::json::parse(result.body, nullptr, false));
    if (!record) {
        state_ = State::failed;
        error_text_ = i18n::text("telemetry_fleet.load_failed", language_);
        return;
    }
    record_ = std::move(record);
    state_ = State::loaded;
}

}  // namespace madoguchi::client

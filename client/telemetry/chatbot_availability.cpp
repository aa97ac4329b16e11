#include "telemetry/chatbot_availability.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "lending/lending_records.hpp"

namespace madoguchi::client {
namespace {

std::optional<double> optional_number(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_number()) return std::nullopt;
    return found->get<double>();
}

std::optional<calendar::Instant> instant_field(const nlohmann::json& object, const char* key) {
    return calendar::parse_iso8601(string_field(object, key)).instant;
}

// Longer than this in characters the server refuses a title.
constexpr std::size_t longest_title = 200;

std::size_t characters(const std::string& text) {
    std::size_t count = 0;
    for (const unsigned char c : text) count += (c & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

}  // namespace

std::optional<MonthAvailability> chatbot_month_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("probes")) return std::nullopt;
    MonthAvailability month;
    month.month = string_field(document, "month");
    month.probes = static_cast<int>(integer_field(document, "probes"));
    month.up = static_cast<int>(integer_field(document, "up"));
    month.down = static_cast<int>(integer_field(document, "down"));
    month.in_maintenance = static_cast<int>(integer_field(document, "in_maintenance"));
    month.down_in_maintenance = static_cast<int>(integer_field(document, "down_in_maintenance"));
    month.percent = optional_number(document, "availability_percent");
    month.outage_seconds = integer_field(document, "outage_seconds");
    month.average_response_milliseconds = optional_number(document, "average_response_milliseconds");
    month.slowest_response_milliseconds = integer_field(document, "slowest_response_milliseconds");
    if (const auto outages = document.find("outages"); outages != document.end() && outages->is_array()) {
        for (const auto& item : *outages) {
            if (!item.is_object()) continue;
            const auto from = instant_field(item, "from");
            const auto to = instant_field(item, "to");
            if (from && to) month.outages.push_back({*from, *to, static_cast<int>(integer_field(item, "probes"))});
        }
    }
    if (const auto windows = document.find("maintenance"); windows != document.end() && windows->is_array()) {
        for (const auto& item : *windows) {
            if (!item.is_object()) continue;
            const auto starts = instant_field(item, "starts_at");
            const auto ends = instant_field(item, "ends_at");
            if (!starts || !ends) continue;
            month.maintenance.push_back({integer_field(item, "id"), *starts, *ends, string_field(item, "title"),
                                         string_field(item, "ticket_number"), string_field(item, "created_by")});
        }
    }
    if (const auto months = document.find("months"); months != document.end() && months->is_array()) {
        for (const auto& item : *months) {
            if (item.is_object()) month.months.emplace_back(string_field(item, "month"), optional_number(item, "availability_percent"));
        }
    }
    return month;
}

std::optional<calendar::Instant> parse_tokyo_minute(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.size() != 16 || (text[10] != ' ' && text[10] != 'T') || text[13] != ':') return std::nullopt;
    const auto date = calendar::parse_date(text.substr(0, 10));
    int hour = -1;
    int minute = -1;
    const auto hour_read = std::from_chars(text.data() + 11, text.data() + 13, hour);
    const auto minute_read = std::from_chars(text.data() + 14, text.data() + 16, minute);
    if (!date || hour_read.ptr != text.data() + 13 || minute_read.ptr != text.data() + 16) return std::nullopt;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
    return calendar::from_tokyo(*date, hour * 3600 + minute * 60);
}

std::string percent_text(const std::optional<double>& percent) {
    if (!percent) return "—";
    char text[32];
    std::snprintf(text, sizeof text, "%.2f%%", std::floor(*percent * 100.0) / 100.0);
    return text;
}

void ChatbotAvailability::load(ApiClient& api, ReportMonth today) {
    const auto shown = month_.settle(today);
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/chatbot/availability?month=" + month_text(shown), [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
}

void ChatbotAvailability::show_month(ApiClient& api, ReportMonth month, ReportMonth today) {
    month_.pick(month);
    load(api, today);
}

void ChatbotAvailability::clear() {
    ++generation_;
    state_ = State::idle;
    month_.clear();
    shown_.reset();
    draft_ = {};
    adding_ = false;
    form_errors_.clear();
    added_.clear();
}

void ChatbotAvailability::accept(const ApiResult& result) {
    auto read = result.ok() ? chatbot_month_from_body(result.body) : std::nullopt;
    if (!read) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    shown_ = std::move(*read);
    error_ = {};
    state_ = State::loaded;
}

ChartData ChatbotAvailability::chart(i18n::Language language) const {
    ChartData chart;
    chart.title = i18n::text("telemetry_office.chatbot.chart", language);
    if (!shown_) return chart;
    Series series{i18n::text("telemetry_office.chatbot.availability", language), {}};
    for (const auto& [month, percent] : shown_->months) {
        chart.categories.push_back(month);
        series.values.push_back(value_or_gap(percent));
    }
    chart.series.push_back(std::move(series));
    return chart;
}

bool ChatbotAvailability::add_maintenance(ApiClient& api, ReportMonth today) {
    if (adding_) return false;
    form_errors_.clear();
    const auto starts = parse_tokyo_minute(draft_.starts_at);
    const auto ends = parse_tokyo_minute(draft_.ends_at);
    if (!starts) form_errors_.add_local("starts_at", draft_.starts_at.empty() ? "field.required" : "field.invalid_datetime");
    if (!ends) form_errors_.add_local("ends_at", draft_.ends_at.empty() ? "field.required" : "field.invalid_datetime");
    if (starts && ends && *ends <= *starts) form_errors_.add_local("ends_at", "field.inverted_range");
    if (draft_.title.find_first_not_of(' ') == std::string::npos) {
        form_errors_.add_local("title", "field.required");
    } else if (characters(draft_.title) > longest_title) {
        form_errors_.add_local("title", "field.too_long_200");
    }
    std::optional<std::int64_t> ticket_id;
    if (!draft_.ticket_id.empty()) {
        std::int64_t id = 0;
        const auto* end = draft_.ticket_id.data() + draft_.ticket_id.size();
        const auto read = std::from_chars(draft_.ticket_id.data(), end, id);
        if (read.ptr != end || id < 1) {
            form_errors_.add_local("ticket_id", "field.not_positive");
        } else {
            ticket_id = id;
        }
    }
    if (!form_errors_.empty()) return false;
    nlohmann::json body{{"starts_at", calendar::format_iso8601_utc(*starts)},
                        {"ends_at", calendar::format_iso8601_utc(*ends)},
                        {"title", draft_.title}};
    if (ticket_id) body["ticket_id"] = *ticket_id;
    adding_ = true;
    api.send({"POST", "/api/v1/chatbot/maintenance", body.dump(), {}}, [this, &api, today, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;
        adding_ = false;
        if (!result.ok()) {
            form_errors_.add_result(result);
            return;
        }
        added_ = draft_.title;
        draft_ = {};
        load(api, today);
    });
    return true;
}

}  // namespace madoguchi::client

#pragma once
// チャットボット (chatbot availability, for the periodic report 定期報告): the share of the
// health probes that found the chatbot up per Tokyo month, outside planned maintenance, over
// the last twelve months for the chart; the shown month's outages, its maintenance windows
// apart from them (failures inside a window are not outages), and the response times. The
// desk, the IT office and admins enter a maintenance window (Tokyo times, a title, optionally
// the release ticket it belongs to).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "telemetry/report_month.hpp"
#include "ui/chart_scale.hpp"

namespace madoguchi::client {

struct ChatbotOutage {
    calendar::Instant from;
    calendar::Instant to;
    int probes = 0;
};

struct MaintenanceWindow {
    std::int64_t id = 0;
    calendar::Instant starts_at;
    calendar::Instant ends_at;
    std::string title;
    std::string ticket_number;  // empty when not for a release ticket
    std::string created_by;
};

struct MonthAvailability {
    std::string month;
    int probes = 0;
    int up = 0;
    int down = 0;
    int in_maintenance = 0;
    int down_in_maintenance = 0;
    std::optional<double> percent;  // none without probes outside maintenance
    std::int64_t outage_seconds = 0;
    std::vector<ChatbotOutage> outages;
    std::optional<double> average_response_milliseconds;
    std::int64_t slowest_response_milliseconds = 0;
    std::vector<MaintenanceWindow> maintenance;
    // The twelve months through this one, oldest first: "2026-10" and its availability %.
    std::vector<std::pair<std::string, std::optional<double>>> months;
};

std::optional<MonthAvailability> chatbot_month_from_body(const std::string& body);
// "2026-12-01 22:00" (or with "T") in Tokyo time; empty when it is not one.
std::optional<calendar::Instant> parse_tokyo_minute(std::string_view text);
// "99.95%", or "—" without probes.
std::string percent_text(const std::optional<double>& percent);

// The maintenance window as typed.
struct MaintenanceDraft {
    std::string starts_at;  // Tokyo, "2026-12-01 22:00"
    std::string ends_at;
    std::string title;
    std::string ticket_id;  // optional, the release ticket's id
};

class ChatbotAvailability {
public:
    enum class State { idle, loading, loaded, failed };

    ChatbotAvailability() = default;
    ChatbotAvailability(const ChatbotAvailability&) = delete;
    ChatbotAvailability& operator=(const ChatbotAvailability&) = delete;

    // Reads the shown month (this month until another is chosen) with the eleven before it
    // for the chart, in one GET.
    void load(ApiClient& api, ReportMonth today);
    void show_month(ApiClient& api, ReportMonth month, ReportMonth today);
    void clear();
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const ReportMonthState& month() const { return month_; }
    const std::optional<MonthAvailability>& shown() const { return shown_; }
    // Availability % per month, the oldest first; a month without probes is a gap (NaN), not 0.
    ChartData chart(i18n::Language language) const;

    MaintenanceDraft& draft() { return draft_; }
    // Checks the draft as the server would, then POST /chatbot/maintenance; the shown month
    // is read again once it is entered.
    bool add_maintenance(ApiClient& api, ReportMonth today);
    bool adding() const { return adding_; }
    const FormErrors& form_errors() const { return form_errors_; }
    // Once: the title of the window just entered.
    std::string take_added() { return std::exchange(added_, {}); }

private:
    void accept(const ApiResult& result);

    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    ReportMonthState month_;
    std::optional<MonthAvailability> shown_;
    MaintenanceDraft draft_;
    bool adding_ = false;
    FormErrors form_errors_;
    std::string added_;
};

}  // namespace madoguchi::client

#include "dashboard/dashboard_view_model.hpp"

#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

using calendar::Date;
using calendar::Instant;
using i18n::Language;

constexpr std::int64_t retry_after_failure_seconds = 5;
constexpr int holiday_lookahead_days = 2 * 366;  // always holds more than ten holidays

std::string two_digits(int value) {
    auto text = std::to_string(value);
    if (value < 10) text.insert(text.begin(), '0');
    return text;
}

}  // namespace

void DashboardViewModel::update(ApiClient& api, Instant now) {
    if (health_state_ != LoadState::loading && (!next_health_check_ || now >= *next_health_check_)) {
        request_health(api, now);
    }
    const auto today = calendar::to_tokyo(now).date;
    const bool retry_due = holidays_state_ == LoadState::failed && now >= holidays_retry_at_;
    const bool stale = holidays_state_ != LoadState::failed && holidays_fetched_for_ != today;
    if (holidays_state_ != LoadState::loading && (retry_due || stale)) request_holidays(api, now);
}

void DashboardViewModel::retry(ApiClient& api, Instant now) {
    if (health_state_ == LoadState::failed) request_health(api, now);
    if (holidays_state_ == LoadState::failed) request_holidays(api, now);
}

void DashboardViewModel::request_health(ApiClient& api, Instant now) {
    health_state_ = LoadState::loading;
    api.get("/api/v1/health", [this, now](const ApiResult& result) {
        // 503 with a body is the server saying the database is down: still a status to show.
        const bool answered = result.ok() || result.status == 503;
        if (auto parsed = answered ? api::parse_health(result.body) : std::nullopt) {
            health_ = std::move(parsed);
            health_state_ = LoadState::loaded;
            next_health_check_ = Instant{now.unix_seconds + health_refresh_seconds};
        } else {
            health_state_ = LoadState::failed;
            health_error_ = result.ok() ? api::make_error("internal") : result.error;
            next_health_check_ = Instant{now.unix_seconds + retry_after_failure_seconds};
        }
    });
}

void DashboardViewModel::request_holidays(ApiClient& api, Instant now) {
    const auto today = calendar::to_tokyo(now).date;
    auto last = calendar::add_days(today, holiday_lookahead_days);
    if (last > calendar::last_supported_date) last = calendar::last_supported_date;
    holidays_state_ = LoadState::loading;
    api.get("/api/v1/calendar/holidays?from=" + calendar::format_date(today) + "&to=" + calendar::format_date(last),
            [this, today, now](const ApiResult& result) {
                auto parsed = result.ok() ? api::parse_holidays(result.body) : std::nullopt;
                if (parsed) {
                    holidays_ = std::move(*parsed);
                    holidays_state_ = LoadState::loaded;
                    holidays_fetched_for_ = today;
                } else {
                    holidays_state_ = LoadState::failed;
                    holidays_error_ = result.ok() ? api::make_error("internal") : result.error;
                    holidays_retry_at_ = Instant{now.unix_seconds + retry_after_failure_seconds};
                }
            });
}

std::optional<ServerSummary> DashboardViewModel::server(Language language, bool wareki) const {
    if (!health_) return std::nullopt;
    ServerSummary summary;
    summary.ok = health_->status == "ok";
    summary.state_label = i18n::text(summary.ok ? "dashboard.server_ok" : "dashboard.server_degraded", language);
    summary.version = health_->version;
    summary.database_label = i18n::text(health_->db == "ok" ? "dashboard.database_ok" : "dashboard.database_error", language);
    if (const auto instant = calendar::parse_iso8601(health_->time).instant) {
        const auto local = calendar::to_tokyo(*instant);
        summary.time = format_display_date(local.date, language, wareki) + " " + format_clock(local.second_of_day / 60) +
                       ":" + two_digits(local.second_of_day % 60);
    } else {
        summary.time = health_->time;  // shown as sent rather than hidden
    }
    return summary;
}

std::vector<HolidayRow> DashboardViewModel::holiday_rows(Instant now, Language language, bool wareki) const {
    const auto today = calendar::to_tokyo(now).date;
    const auto week_end = calendar::add_days(today, 7);
    std::vector<HolidayRow> rows;
    for (const auto& holiday : holidays_) {
        const auto date = calendar::parse_date(holiday.date);
        if (!date || *date < today) continue;
        rows.push_back({format_display_date(*date, language, wareki),
                        language == Language::ja || holiday.name_en.empty() ? holiday.name : holiday.name_en,
                        *date < week_end});
        if (static_cast<int>(rows.size()) == holidays_shown) break;
    }
    return rows;
}

DeskSummary DashboardViewModel::desk(Instant now, Language language, bool wareki) const {
    const auto status = calendar_.status_at(now);
    const auto local_now = calendar::to_tokyo(now);
    const auto local_change = calendar::to_tokyo(status.next_change);

    DeskSummary summary;
    summary.open = status.open;
    summary.state_label = i18n::text(status.open ? "dashboard.desk_open" : "dashboard.desk_closed", language);
    summary.countdown_label = i18n::text(status.open ? "dashboard.closes_in" : "dashboard.opens_in", language);
    summary.countdown = format_duration(status.next_change.unix_seconds - now.unix_seconds, language);
    summary.next_change_at =
        format_display_date(local_change.date, language, wareki) + " " + format_clock(local_change.second_of_day / 60);
    summary.today = format_display_date(local_now.date, language, wareki);
    summary.day_kind = i18n::text(calendar::is_business_day(local_now.date) ? "dashboard.business_day" : "dashboard.closed_day",
                                  language);
    if (const auto holiday = calendar::holiday_on(local_now.date)) {
        summary.day_kind += language == Language::ja ? "（" + std::string(holiday->name_ja) + "）"
                                                     : " (" + std::string(holiday->name_en) + ")";
    }
    const auto& hours = calendar_.hours();
    summary.service_hours = format_clock(hours.open_minute) + (language == Language::ja ? "〜" : "–") +
                            format_clock(hours.close_minute);
    return summary;
}

}  // namespace madoguchi::client

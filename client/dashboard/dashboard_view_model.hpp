#pragma once
// ダッシュボード: the server's status, the desk's state right now (open or closed and until
// when, from the shared business calendar) and the next holidays from the API.
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "api/calendar_dto.hpp"
#include "api/health_dto.hpp"
#include "calendar/business_calendar.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

enum class LoadState { idle, loading, loaded, failed };

struct DeskSummary {
    bool open = false;
    std::string state_label;      // 営業時間内 / 営業時間外
    std::string countdown_label;  // 終了まで / 開始まで
    std::string countdown;        // 2時間15分
    std::string next_change_at;   // 2026-11-25（水） 18:15
    std::string today;            // 2026-11-25（水）
    std::string day_kind;         // 開庁日 / 閉庁日 (+ holiday name)
    std::string service_hours;    // 8:30〜18:15
};

struct ServerSummary {
    bool ok = false;
    std::string state_label;     // 正常 / 一部異常
    std::string version;
    std::string database_label;  // 正常 / 異常
    std::string time;            // the server's clock in Tokyo time: 2026-11-25（水） 10:00:05
};

struct HolidayRow {
    std::string date;     // as the user prefers (ISO or 和暦), with the weekday
    std::string name;     // in the current language
    bool within_week = false;  // highlighted: the desk closes within seven days
};

class DashboardViewModel {
public:
    static constexpr int holidays_shown = 10;
    static constexpr std::int64_t health_refresh_seconds = 30;

    // Starts or repeats the requests that are due; call once per frame.
    void update(ApiClient& api, calendar::Instant now);
    void retry(ApiClient& api, calendar::Instant now);

    LoadState health_state() const { return health_state_; }
    const std::optional<api::HealthDto>& health() const { return health_; }
    const api::ApiError& health_error() const { return health_error_; }
    // Empty until the server has answered once.
    std::optional<ServerSummary> server(i18n::Language language, bool wareki) const;

    LoadState holidays_state() const { return holidays_state_; }
    const api::ApiError& holidays_error() const { return holidays_error_; }
    std::vector<HolidayRow> holiday_rows(calendar::Instant now, i18n::Language language, bool wareki) const;

    DeskSummary desk(calendar::Instant now, i18n::Language language, bool wareki) const;

    // True once both the status and the holidays have arrived: the first frame with data.
    bool has_data() const { return health_state_ == LoadState::loaded && holidays_state_ == LoadState::loaded; }

private:
    void request_health(ApiClient& api, calendar::Instant now);
    void request_holidays(ApiClient& api, calendar::Instant now);

    calendar::BusinessCalendar calendar_;
    LoadState health_state_ = LoadState::idle;
    std::optional<api::HealthDto> health_;
    api::ApiError health_error_;
    std::optional<calendar::Instant> next_health_check_;

    LoadState holidays_state_ = LoadState::idle;
    std::vector<api::HolidayDto> holidays_;
    api::ApiError holidays_error_;
    std::optional<calendar::Date> holidays_fetched_for_;  // the Tokyo date they were fetched on
    calendar::Instant holidays_retry_at_;
};

}  // namespace madoguchi::client

#pragma once
// 特異点の確認: the anomalies the daily job (or "今すぐ判定") flagged, GET
// /api/v1/telemetry/anomalies (open, acknowledged or all); acknowledging one with a note
// (POST …/{id}/acknowledge) takes it off the open list; "今すぐ判定" judges the day chosen
// beside it, yesterday (Tokyo) unless the desk picks another (POST /telemetry/anomalies/scan;
// the server refuses today and later days), and says how many findings are new.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "calendar/civil_date.hpp"
#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "ui/date_field_model.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

struct AnomalyRow {
    std::int64_t id = 0;
    std::int64_t device_id = 0;
    std::string asset_tag;
    std::string kind;  // counter_backwards, unusually_high, unusually_low, silent
    std::optional<calendar::Date> day;
    std::int64_t pages = 0;
    std::int64_t usual_pages = 0;  // 0 when not judged
    std::optional<calendar::Instant> detected_at;
    std::optional<calendar::Instant> acknowledged_at;
    std::string acknowledged_by;
    std::string note;
};
std::optional<AnomalyRow> anomaly_from_json(const nlohmann::json& json);

namespace anomaly_column {
inline constexpr std::size_t day = 0, tag = 1, kind = 2, pages = 3, usual = 4, review = 5;
}

class AnomalyReview {
public:
    enum class State { idle, loading, loaded, failed };
    enum class Shown { open, acknowledged, all };

    AnomalyReview(i18n::Language language, bool wareki);

    void load(ApiClient& api, Shown shown);
    void reload(ApiClient& api) { load(api, shown_); }
    void accept(const ApiResult& result);

    // Acknowledges the current row with `note`; the row leaves the open list when it succeeds.
    void acknowledge(ApiClient& api);
    // The day 今すぐ判定 judges: the day before `today` (Tokyo) until another is chosen.
    DateFieldModel& scan_day(const calendar::Date& today);
    // Judges the chosen day now (the day before `today` when the field is blank), then reads
    // the list again; a refusal of the day (today or later) is shown beside the field.
    void scan(ApiClient& api, const calendar::Date& today);
    const FormErrors& scan_errors() const { return scan_errors_; }

    State state() const { return state_; }
    Shown shown() const { return shown_; }
    const std::string& error_text() const { return error_text_; }
    const std::vector<AnomalyRow>& anomalies() const { return anomalies_; }
    TableModel& table() { return table_; }
    const AnomalyRow* current() const;
    bool busy() const { return busy_; }
    // The note typed for the current row's acknowledgement.
    std::string note;
    // The last acknowledgement's or scan's outcome, in the user's language; error when refused.
    const std::string& outcome_text() const { return outcome_; }
    bool outcome_failed() const { return outcome_failed_; }
    void set_language(i18n::Language language, bool wareki);

private:
    i18n::Language language_;
    bool wareki_;
    State state_ = State::idle;
    Shown shown_ = Shown::open;
    std::string error_text_;
    std::uint64_t generation_ = 0;
    std::vector<AnomalyRow> anomalies_;
    TableModel table_;
    bool busy_ = false;
    std::string outcome_;
    bool outcome_failed_ = false;
    DateFieldModel scan_day_;
    bool scan_day_set_ = false;
    FormErrors scan_errors_;
};

}  // namespace madoguchi::client

#pragma once
// 機器の詳細 (テレメトリ): GET /api/v1/telemetry/devices/{id} read into what the detail shows:
// identity, the interpreted state and conditions, toners with days to empty, the last alerts,
// the data oddities the poller logged, the counter and toner history, the condition changes,
// and the device's toner orders and incidents; and "今すぐ取得" (POST …/poll) with its result.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "telemetry/telemetry_records.hpp"
#include "ui/chart_scale.hpp"

namespace madoguchi::client {

struct ConditionFlag {
    std::string condition;
    bool opens_vendor_incident = false;
    bool affects_users = false;
};

// One row of the agent's alert table (prtAlertTable) as last read.
struct AlertRow {
    std::string severity;  // critical, warning, other (RFC 3805 codes 3, 4/5, others)
    std::int64_t group = 0;
    std::int64_t code = 0;
    std::string description;
};

struct DataOddity {
    std::string code;  // telemetry.oddity.<code>
    std::string oid;
    std::string detail;
};

struct ConditionChange {
    calendar::Instant at;
    std::string state;
    std::vector<std::string> conditions;
};

struct TonerSeries {
    std::string colour;
    std::vector<std::pair<calendar::Instant, std::optional<double>>> points;
};

struct TonerOrderRow {
    std::int64_t id = 0;
    std::string colour;
    std::string state;
    bool open = false;
    std::string reason;
    std::optional<int> level_at_order;
    std::optional<calendar::Instant> created_at;
    std::string delivery_address;
};

struct IncidentRow {
    std::int64_t id = 0;
    std::string condition;
    std::string ticket_number;
    std::string ticket_state;
    bool affects_users = false;
    std::optional<calendar::Instant> opened_at;
    std::optional<calendar::Instant> cleared_at;
};

struct DeviceTelemetryRecord {
    std::int64_t device_id = 0;
    std::string asset_tag;
    std::string network_address;
    std::string snmp_profile;
    bool polled = false;  // false before the first poll: the rest of the state is empty
    std::optional<calendar::Instant> polled_at;
    std::optional<calendar::Instant> last_seen_at;
    // Counters are read hourly and firmware daily, each at the device's own turn: older than
    // polled_at in between.
    std::optional<calendar::Instant> counters_read_at;
    std::optional<calendar::Instant> firmware_read_at;
    bool reachable = false;
    std::string failure;  // timeout, authentication, …; empty when reachable
    std::int64_t offline_cycles = 0;
    std::string printer_state = "unknown";
    std::string device_status;
    std::string activity;
    std::vector<ConditionFlag> conditions;
    std::vector<TonerLevel> toners;
    std::optional<std::int64_t> page_count;
    std::string sys_name;
    std::string sys_descr;
    std::string serial_number;
    std::string firmware_version;
    std::vector<AlertRow> alerts;
    std::vector<DataOddity> oddities;
    std::vector<std::pair<calendar::Instant, double>> counters;  // oldest first
    std::vector<TonerSeries> toner_history;
    std::vector<ConditionChange> condition_history;  // oldest first
    std::vector<TonerOrderRow> orders;                // newest first
    std::vector<IncidentRow> incidents;               // newest first
};

// "123,456（11/27 18:35 時点）" / "123,456 (as of …)": a value and when it was read; the value
// alone when that is not known.
std::string as_of_text(const std::string& value, const std::optional<calendar::Instant>& read_at, i18n::Language language,
                       bool wareki);

// Empty when the JSON is not a device's telemetry.
std::optional<DeviceTelemetryRecord> device_telemetry_from_json(const nlohmann::json& json);

// The history as charts over Tokyo time: one category for every hour from the first value to
// the last value or poll when that spans at most three days, else for every day, labelled
// "11/25 10時" or "11/25"; each category holds the last value read in it, NaN when none was
// (a silent device, a toner not measured): no category is left out and nothing is carried over.
ChartData counter_chart(const DeviceTelemetryRecord& record, i18n::Language language);
ChartData toner_chart(const DeviceTelemetryRecord& record, i18n::Language language);

class DeviceTelemetry {
public:
    enum class State { idle, loading, loaded, failed };
    enum class PollOutcome { none, answered, unreachable, refused };

    explicit DeviceTelemetry(i18n::Language language) : language_(language) {}

    void open(ApiClient& api, std::int64_t device_id);
    void reload(ApiClient& api);
    void close();
    // Polls the device now; the answer replaces the record, and its outcome is kept.
    void poll_now(ApiClient& api);
    // Reads an answer of the device's GET or poll; public for tests.
    void accept(const ApiResult& result);

    std::int64_t id() const { return id_; }
    State state() const { return state_; }
    const std::string& error_text() const { return error_text_; }
    const DeviceTelemetryRecord* record() const { return record_ ? &*record_ : nullptr; }
    bool polling() const { return polling_; }
    PollOutcome poll_outcome() const { return poll_outcome_; }
    // The poll's result in words: "取得しました（10:05）", "応答がありません（timeout）" or the refusal.
    const std::string& poll_text() const { return poll_text_; }
    void set_language(i18n::Language language) { language_ = language; }

private:
    i18n::Language language_;
    std::int64_t id_ = 0;
    std::uint64_t generation_ = 0;
    State state_ = State::idle;
    std::string error_text_;
    std::optional<DeviceTelemetryRecord> record_;
    bool polling_ = false;
    PollOutcome poll_outcome_ = PollOutcome::none;
    std::string poll_text_;
};

}  // namespace madoguchi::client

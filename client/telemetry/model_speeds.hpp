#pragma once
// 機種別の印刷速度 (GET /api/v1/telemetry/model-speeds, PUT …/model-speeds/{model}): each
// printer model's rated pages a minute, which bound a plausible counter rise for billing and
// the anomaly check; a model without one is bounded by the fleet's fastest printer. An editable
// table for the IT office and admins: a row's typed speed is checked (a whole number from 1 to
// 300, or empty to remove it) before it is sent, and the server's refusal shows on its row.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_client.hpp"
#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

struct ModelSpeedRow {
    std::int64_t model_id = 0;
    std::string model;                             // "リコー IM C3010"
    std::optional<std::int64_t> pages_per_minute;  // empty: not entered
    std::int64_t effective_pages_per_minute = 0;   // the entered one, else the fleet's fastest
    std::string updated_by;
    std::optional<calendar::Instant> updated_at;
};

std::optional<ModelSpeedRow> model_speed_from_json(const nlohmann::json& json);

class ModelSpeeds {
public:
    enum class State { idle, loading, loaded, failed };

    ModelSpeeds() = default;
    ModelSpeeds(const ModelSpeeds&) = delete;
    ModelSpeeds& operator=(const ModelSpeeds&) = delete;

    // Reads the models' speeds; a reload keeps what the user typed in a row (and its problem).
    void load(ApiClient& api);
    void clear();
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<ModelSpeedRow>& rows() const { return rows_; }
    std::int64_t fleet_max_pages_per_minute() const { return fleet_max_; }

    // The row's speed as typed; it starts at the stored one (empty when none).
    std::string& input(std::int64_t model_id);
    bool changed(std::int64_t model_id) const;
    bool any_changed() const;
    void revert(std::int64_t model_id);
    // PUT the row's typed speed (empty removes it): false (nothing sent) when it is not a whole
    // number from 1 to 300, or a save is under way.
    bool save(ApiClient& api, std::int64_t model_id);
    bool busy() const { return busy_; }
    // The row's problem in `language` (the local check's, or the server's, message_ja first).
    std::string row_error(std::int64_t model_id, i18n::Language language) const;
    // Once: the model whose speed was just saved.
    std::optional<std::int64_t> take_saved() { return std::exchange(saved_, std::nullopt); }

private:
    const ModelSpeedRow* row(std::int64_t model_id) const;
    static std::string text_of(const ModelSpeedRow& row);

    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    std::vector<ModelSpeedRow> rows_;
    std::int64_t fleet_max_ = 0;
    std::map<std::int64_t, std::string> inputs_;
    // A row's problem: a catalog key found here, or the server's answer.
    std::map<std::int64_t, std::string> local_problems_;
    std::map<std::int64_t, ApiResult> refusals_;
    bool busy_ = false;
    std::optional<std::int64_t> saved_;
};

}  // namespace madoguchi::client

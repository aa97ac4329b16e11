#pragma once
// ファームウェア (firmware) compliance in SQLite: the target version per model (migration 29,
// set by the IT office), the version each polled device runs (its newest firmware sample,
// kind 4), and the release plan tickets (リリース管理) opened for the devices behind.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"
#include "telemetry/firmware.hpp"

namespace madoguchi::server::telemetry {

struct FirmwareDevice {
    std::int64_t device_id = 0;
    std::string asset_tag;
    std::string running;  // empty when never read
    madoguchi::telemetry::FirmwareStanding standing = madoguchi::telemetry::FirmwareStanding::unknown;
};

struct ReleasePlan {
    std::int64_t ticket_id = 0;
    std::string number;
    std::string state;
    std::string target_version;
    std::int64_t devices_behind = 0;
};

struct ModelCompliance {
    std::int64_t model_id = 0;
    std::string model;                  // "RICOH IM C3510F"
    std::optional<std::string> target;  // none set
    std::string target_updated_by;
    std::string target_updated_at;
    std::vector<FirmwareDevice> devices;  // by asset tag
    std::optional<ReleasePlan> open_plan;  // for the current target, while its ticket is open
    int count(madoguchi::telemetry::FirmwareStanding standing) const;
};

// Every model with a polled device or a target, by model name; or the one `model_id`.
store::Result<std::vector<ModelCompliance>> firmware_compliance(store::Database& database,
                                                                std::optional<std::int64_t> model_id = {});

nlohmann::json to_json(const ModelCompliance& model);

// Whether the model exists in the catalog.
store::Result<bool> model_exists(store::Database& database, std::int64_t model_id);

// Sets the model's target version (already checked to be a version).
store::Status save_firmware_target(store::Database& database, std::int64_t model_id, const std::string& version,
                                   const std::string& actor, calendar::Instant now);

store::Status save_release_plan(store::Database& database, const ReleasePlan& plan, std::int64_t model_id,
                                calendar::Instant now);

}  // namespace madoguchi::server::telemetry

#pragma once
// ファームウェア (firmware compliance by model): per model the versions its devices run
// against the target version, how many are behind, current, ahead or unknown, and the
// devices behind. The IT office (and admins) set a model's target, checked with the shared
// version rule before it is sent; the desk and the IT office open the model's release plan
// ticket (リリース管理), or get the one already open.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"
#include "telemetry/firmware.hpp"

namespace madoguchi::client {

struct FirmwareDevice {
    std::int64_t device_id = 0;
    std::string asset_tag;
    std::string running;  // empty when not read yet
    telemetry::FirmwareStanding standing = telemetry::FirmwareStanding::unknown;
};

struct ReleasePlanLink {
    std::int64_t ticket_id = 0;
    std::string number;  // REL-2026-000012
    std::string state;
    std::string target_version;
    int devices_behind = 0;
};

// A running version and how many of the model's devices run it.
struct RunningVersion {
    std::string version;  // empty: not known
    int devices = 0;
    telemetry::FirmwareStanding standing = telemetry::FirmwareStanding::unknown;
};

struct ModelFirmware {
    std::int64_t model_id = 0;
    std::string model;
    std::optional<std::string> target;
    std::string target_updated_by;
    std::string target_updated_at;
    int behind = 0;
    int current = 0;
    int ahead = 0;
    int unknown = 0;
    std::optional<ReleasePlanLink> open_plan;
    std::vector<FirmwareDevice> devices;

    // The versions running, newest first, the unknown last.
    std::vector<RunningVersion> running_versions() const;
    std::vector<const FirmwareDevice*> devices_behind() const;
};

std::optional<ModelFirmware> model_firmware_from_json(const nlohmann::json& model);
// {"models":[…]} of GET /telemetry/firmware.
std::optional<std::vector<ModelFirmware>> firmware_from_body(const std::string& body);

class FirmwareCompliance {
public:
    enum class State { idle, loading, loaded, failed };

    FirmwareCompliance() = default;
    FirmwareCompliance(const FirmwareCompliance&) = delete;
    FirmwareCompliance& operator=(const FirmwareCompliance&) = delete;

    void load(ApiClient& api);
    void clear();
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<ModelFirmware>& models() const { return models_; }

    // The model whose devices and actions show; the target field starts at its target.
    void open(std::int64_t model_id);
    const ModelFirmware* opened() const;
    std::string& target_input() { return target_input_; }

    // PUT …/firmware/targets/{model} {version}: false (with the problem to show) when the
    // typed text is not a version, or a request is under way.
    bool set_target(ApiClient& api);
    // POST …/targets/{model}/release-plan: the plan opened, or the one already open.
    bool open_release_plan(ApiClient& api);
    bool busy() const { return busy_; }
    // The last problem in `language`: the shared check's, or the server's (message_ja first).
    std::string action_error(i18n::Language language) const;
    // Once: what just succeeded, for a toast ("target" or "plan_created" / "plan_open").
    std::string take_done() { return std::exchange(done_, {}); }

private:
    void replace(const ModelFirmware& model);
    void settle(const ApiResult& result);

    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    std::vector<ModelFirmware> models_;
    std::optional<std::int64_t> opened_;
    std::string target_input_;
    bool busy_ = false;
    std::string local_problem_;  // a catalog key
    api::ApiError action_error_;
    std::string done_;
};

}  // namespace madoguchi::client

#pragma once
// 紛失・盗難の届出一覧 (one's lost/stolen reports) as GET /lending/loss-reports lists them for the
// borrower: the device, lost or stolen, the security incident the server opened for it and,
// for a GSS terminal, that a remote wipe was requested from the GSS side.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"

namespace madoguchi::client {

struct LossReportRecord {
    std::int64_t id = 0;
    std::string asset_tag;
    std::string class_code;
    std::string request_number;
    std::string kind;  // "lost" | "stolen"
    std::string occurred_at;
    std::string place;
    std::string incident_number;  // the security incident's ticket number
    bool remote_wipe_requested = false;
    std::string replacement_number;  // the replacement loan's, when the desk issued one
};

// {"loss_reports":[…]}; reports that cannot be read are left out.
std::optional<std::vector<LossReportRecord>> loss_reports_from_body(const std::string& body);

class LossReports {
public:
    enum class State { idle, loading, loaded, failed };

    void load(ApiClient& api);
    void accept(const ApiResult& result);
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<LossReportRecord>& rows() const { return rows_; }

private:
    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    std::vector<LossReportRecord> rows_;
};

}  // namespace madoguchi::client

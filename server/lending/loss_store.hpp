#pragma once
// Table loan_loss_reports: devices reported lost or stolen from a loan, with the security
// incident ticket each opened and the replacement loan issued for it; and the loan that
// holds a device when it is lost.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "lending/loss.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct LossReportRow {
    std::int64_t id = 0;
    std::int64_t device_id = 0;
    std::string asset_tag;
    std::string class_code;
    std::int64_t request_id = 0;
    std::string request_number;
    std::string borrower_login;
    madoguchi::lending::LossKind kind = madoguchi::lending::LossKind::lost;
    std::string occurred_at;
    std::string place;
    std::string circumstances;
    bool remote_wipe_requested = false;
    std::int64_t ticket_id = 0;
    std::string ticket_number;
    std::optional<std::int64_t> replacement_request_id;
    std::string replacement_number;
    std::string reported_by;
    std::int64_t version = 1;
    std::string created_at;
    std::string updated_at;
};

nlohmann::json to_json(const LossReportRow& row);

// Everyone's reports, or one person's (as borrower or as the one who reported); newest first.
store::Result<std::vector<LossReportRow>> list_loss_reports(store::Database& database,
                                                            const std::optional<std::string>& person);
store::Result<std::optional<LossReportRow>> find_loss_report(store::Database& database, std::int64_t id);
store::Result<std::int64_t> insert_loss_report(store::Database& database, const LossReportRow& row, calendar::Instant now);
// Links the replacement loan when the report's version is still `row.version`.
store::Result<bool> set_replacement(store::Database& database, const LossReportRow& row, std::int64_t request_id,
                                    calendar::Instant now);

// The loan request (approved or on loan) the device is allocated to, the loan first.
store::Result<std::optional<std::int64_t>> holding_request_of(store::Database& database, std::int64_t device_id);
// Devices of the request not reported lost or stolen.
store::Result<int> devices_left(store::Database& database, std::int64_t request_id);
// Takes the device out of the request, whose loan goes on with its other devices.
store::Status drop_allocation(store::Database& database, std::int64_t request_id, std::int64_t device_id);

}  // namespace madoguchi::server::lending

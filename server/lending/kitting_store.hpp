#pragma once
// Table kitting_tasks: one device's kitting (shared/lending/kitting_checklist.hpp) for the
// request an approval allocated it to, or its re-kitting after a loan (no request). The
// checklist is fixed when the task is created, from the class and the device's accessories
// in the ledger; version guards concurrent ticks.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "lending/kitting_checklist.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

enum class KittingState { open, done, cancelled };

struct KittingTaskRow {
    std::int64_t id = 0;
    std::int64_t device_id = 0;
    std::string asset_tag;
    std::optional<std::int64_t> request_id;  // empty for a re-kitting after a return
    std::string request_number;
    madoguchi::lending::KittingTask task;
    KittingState state = KittingState::open;
    std::int64_t version = 1;
    std::string created_at;
    std::string done_at;
};

std::string_view kitting_state_name(KittingState state);
std::optional<KittingState> parse_kitting_state(std::string_view name);
nlohmann::json to_json(const KittingTaskRow& row);

// Opens a task for the device with its class's checklist; answers its id.
store::Result<std::int64_t> insert_kitting_task(store::Database& database, std::int64_t device_id,
                                                std::optional<std::int64_t> request_id, calendar::Instant now);
store::Result<std::optional<KittingTaskRow>> find_kitting_task(store::Database& database, std::int64_t id);
// Oldest first; every state when `state` is empty.
store::Result<std::vector<KittingTaskRow>> list_kitting_tasks(store::Database& database,
                                                              std::optional<KittingState> state);
// Stores the task's progress and state when its version is still the row's; false otherwise.
store::Result<bool> save_kitting_task(store::Database& database, const KittingTaskRow& row,
                                      const madoguchi::lending::KittingTask& task, KittingState state,
                                      calendar::Instant now);
// The request's open tasks are dropped with it (a cancellation).
store::Status cancel_kitting_tasks(store::Database& database, std::int64_t request_id);
// The open task of one device for the request (the device left it: lost or stolen).
store::Status cancel_kitting_task(store::Database& database, std::int64_t request_id, std::int64_t device_id);

}  // namespace madoguchi::server::lending

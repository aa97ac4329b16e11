#pragma once
// Table chatbot_maintenance_windows (migration 29): the chatbot's planned maintenance, entered
// by the desk or the IT office, optionally for a release plan ticket (リリース管理).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "chatbot/availability.hpp"
#include "store/database.hpp"

namespace madoguchi::server::chatbot {

struct StoredWindow {
    std::int64_t id = 0;
    std::string starts_at;  // UTC ISO 8601
    std::string ends_at;
    std::string title;
    std::optional<std::int64_t> ticket_id;
    std::optional<std::string> ticket_number;
    std::string created_by;
    std::string created_at;
};

nlohmann::json to_json(const StoredWindow& window);

// Windows overlapping [from, to), by start.
store::Result<std::vector<StoredWindow>> windows_between(store::Database& database, calendar::Instant from,
                                                         calendar::Instant to);
store::Result<std::optional<StoredWindow>> find_window(store::Database& database, std::int64_t id);
// The new window's id.
store::Result<std::int64_t> insert_window(store::Database& database, const StoredWindow& window);

// The kind of ticket `id`; empty when there is none.
store::Result<std::optional<std::string>> ticket_kind(store::Database& database, std::int64_t id);

// The probes in [from, to) in time order, after the last one before `from` (its result may
// hold into the span).
store::Result<std::vector<Probe>> probes_between(store::Database& database, calendar::Instant from, calendar::Instant to);

}  // namespace madoguchi::server::chatbot

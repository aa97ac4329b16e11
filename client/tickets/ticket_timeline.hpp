#pragma once
// A ticket's timeline (作業記録・履歴) as the detail shows it: who did what when, each entry
// one line in the reader's language, internal notes marked so the desk never mistakes one
// for an answer the requester saw.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "i18n/catalog.hpp"

namespace madoguchi::client {

struct TimelineEntry {
    std::int64_t id = 0;
    std::string occurred_at;  // UTC ISO 8601
    std::string actor;        // login
    std::string type;         // created, state, approval, note, updated, linked, unlinked, attachment, escalated
    std::string from_state;
    std::string to_state;
    std::string comment;
    bool internal = false;
    std::string decision;  // approvals: approve, reject, send_back, …
};

std::optional<TimelineEntry> timeline_entry_from_json(const nlohmann::json& json);

// "11/26 10:05 desk：対応中 → 解決済", "11/26 10:07 desk（公開メモ）：…".
std::string timeline_heading(const TimelineEntry& entry, i18n::Language language);

}  // namespace madoguchi::client

#pragma once
// The steps around a request that the desk ticks off (チェックリスト), as data per kind:
// the GSS network coordination through the ministry, handing the vendor what its monitoring
// and toner delivery need, and the physical works the vendor does, which stay out of the
// desk's scope but must be done before the ledger changes (requirements 1.3(1)イ(ア)a (a)①, (b)①).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "placement/request_kind.hpp"

namespace madoguchi::placement {

struct ChecklistItemSpec {
    std::string_view key;        // stable: stored and used in the API
    std::string_view label_key;  // catalog key "placement.check.<key>"
    bool vendor_work;            // a dependency on the vendor's physical works
};

// The items of a kind, in the order they are worked through.
std::span<const ChecklistItemSpec> checklist_for(RequestKind kind);
const ChecklistItemSpec* find_checklist_item(RequestKind kind, std::string_view key);

// One item of one request: done or not, by whom and when.
struct ChecklistItem {
    std::string key;
    bool done = false;
    std::string done_by;  // login; empty while not done
    std::string done_at;  // UTC ISO 8601; empty while not done
    std::string note;     // at most 200
    friend bool operator==(const ChecklistItem&, const ChecklistItem&) = default;
};

bool all_done(std::span<const ChecklistItem> items);

nlohmann::json to_json(const ChecklistItem& item);
std::optional<ChecklistItem> checklist_item_from_json(const nlohmann::json& json);

}  // namespace madoguchi::placement

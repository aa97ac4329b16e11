#pragma once
// キッティング (preparing a device before it is lent, and again after each return): the
// checklist per device class as data, and one task's progress through it. A task is complete
// when every required item is ticked and, for classes kitted from a master image, the applied
// master's version is recorded (requirements 1.3(1)イ(ア)a (e)⑧⑨, (f)⑦).
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "inventory/device_class.hpp"
#include "lending/master_image.hpp"
#include "placement/checklist.hpp"

namespace madoguchi::lending {

enum class KittingStep {
    initialise,       // 初期化
    master_image,     // マスター適用
    drivers,          // ドライバ更新 (business PCs; GSS terminals get theirs from GSS via the ministry)
    charge,           // 充電
    operation_check,  // 動作確認
    accessory,        // 付属品の確認, one item per accessory
    cleaning,         // 清掃 (optional)
};

// "initialise", …: stored with a task's checklist.
std::string_view step_name(KittingStep step);
std::optional<KittingStep> parse_step(std::string_view name);

struct KittingItemSpec {
    std::string key;        // "initialise", "accessory.mouse": stable, stored with the task
    std::string label_key;  // "lending.kitting.<step>"; an accessory item shows its name beside it
    KittingStep step;
    bool required = true;
    std::string accessory;  // the accessory an accessory item checks; empty otherwise
    friend bool operator==(const KittingItemSpec&, const KittingItemSpec&) = default;
};

// The class's steps, then one item per accessory: the class's standard ones (GSS terminals:
// mouse, privacy filter) and the device's own from the ledger, each once. Installed classes
// are never lent and have none.
std::vector<KittingItemSpec> kitting_checklist(const inventory::DeviceClass& device_class,
                                               std::span<const std::string> device_accessories);

struct KittingTask {
    std::string class_code;
    std::vector<KittingItemSpec> checklist;          // fixed when the task is created
    std::vector<placement::ChecklistItem> progress;  // one per checklist item, in its order
    std::optional<int> master_image_version;         // recorded with the master_image item
};

KittingTask new_kitting_task(const inventory::DeviceClass& device_class, std::span<const std::string> device_accessories);

enum class KittingRefusal {
    none,
    unknown_item,
    already_done,
    not_done,                    // unticking an item that is not ticked
    master_version_required,     // the master image item names the version applied
    master_version_not_current,  // only the class's current master is applied
    invalid_note,                // the note breaks the text rules (at most 200, one line)
};

std::string_view refusal_name(KittingRefusal refusal);
// Catalog key "lending.kitting.refusal.<name>".
std::string_view refusal_label_key(KittingRefusal refusal);

struct KittingTick {
    std::string key;
    std::string login;
    calendar::Instant at;
    std::optional<int> master_image_version;  // for the master_image item
    std::string note;  // optional, at most 200 characters
};

// Ticks one item; the task is unchanged when refused.
KittingRefusal tick_item(KittingTask& task, const KittingTick& tick, std::span<const MasterImage> masters);
// Takes a tick back (a step found wrong); the master version goes with its item.
KittingRefusal untick_item(KittingTask& task, std::string_view key);

// Keys of required items not yet ticked, in checklist order.
std::vector<std::string> open_required_items(const KittingTask& task);
bool kitting_complete(const KittingTask& task);

}  // namespace madoguchi::lending

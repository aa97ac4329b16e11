#include "lending/kitting_checklist.hpp"

#include <algorithm>
#include <array>

namespace madoguchi::lending {
namespace {

using enum KittingStep;

struct StepInfo {
    KittingStep step;
    std::string_view key;
    std::string_view label_key;
};

constexpr std::array<StepInfo, 7> steps{{
    {initialise, "initialise", "lending.kitting.initialise"},
    {master_image, "master_image", "lending.kitting.master_image"},
    {drivers, "drivers", "lending.kitting.drivers"},
    {charge, "charge", "lending.kitting.charge"},
    {operation_check, "operation_check", "lending.kitting.operation_check"},
    {accessory, "accessory", "lending.kitting.accessory"},
    {cleaning, "cleaning", "lending.kitting.cleaning"},
}};

struct ClassSteps {
    std::string_view class_code;
    std::span<const KittingStep> steps;
};

// Business PCs are kitted from the desk's master with drivers updated at kitting (e)⑧–⑩;
// GSS terminals are re-imaged too, their drivers come from GSS; the mobile scanner runs on
// USB power and has no battery to charge.
constexpr std::array printer_steps{initialise, charge, operation_check};
constexpr std::array scanner_steps{initialise, operation_check};
constexpr std::array pc_steps{initialise, master_image, drivers, charge, operation_check};
constexpr std::array gss_steps{initialise, master_image, charge, operation_check};
constexpr std::array tablet_steps{initialise, charge, operation_check};

constexpr std::array<ClassSteps, 5> class_steps{{
    {"mobile_printer", printer_steps},
    {"mobile_scanner", scanner_steps},
    {"business_pc", pc_steps},
    {"gss_terminal", gss_steps},
    {"tablet", tablet_steps},
}};

const StepInfo& info(KittingStep step) { return steps[static_cast<std::size_t>(step)]; }

KittingItemSpec spec_of(KittingStep step, bool required) {
    return {std::string(info(step).key), std::string(info(step).label_key), step, required, {}};
}

std::vector<placement::ChecklistItem>::iterator progress_of(KittingTask& task, std::string_view key) {
    return std::find_if(task.progress.begin(), task.progress.end(),
                        [&](const placement::ChecklistItem& item) { return item.key == key; });
}

}  // namespace

std::vector<KittingItemSpec> kitting_checklist(const inventory::DeviceClass& device_class,
                                               std::span<const std::string> device_accessories) {
    const auto found = std::find_if(class_steps.begin(), class_steps.end(),
                                    [&](const ClassSteps& c) { return c.class_code == device_class.code; });
    if (found == class_steps.end()) return {};

    std::vector<KittingItemSpec> checklist;
    for (const auto step : found->steps) checklist.push_back(spec_of(step, true));

    std::vector<std::string> accessories(device_class.standard_accessories.begin(),
                                         device_class.standard_accessories.end());
    for (const auto& name : device_accessories) {
        if (std::find(accessories.begin(), accessories.end(), name) == accessories.end()) accessories.push_back(name);
    }
    for (const auto& name : accessories) {
        auto item = spec_of(accessory, true);
        item.key = "accessory." + name;
        item.accessory = name;
        checklist.push_back(std::move(item));
    }
    checklist.push_back(spec_of(cleaning, false));
    return checklist;
}

KittingTask new_kitting_task(const inventory::DeviceClass& device_class, std::span<const std::string> device_accessories) {
    KittingTask task{std::string(device_class.code), kitting_checklist(device_class, device_accessories), {}, std::nullopt};
    for (const auto& item : task.checklist) task.progress.push_back({item.key, false, {}, {}, {}});
    return task;
}

std::string_view refusal_name(KittingRefusal refusal) {
    switch (refusal) {
        case KittingRefusal::none: return "none";
        case KittingRefusal::unknown_item: return "unknown_item";
        case KittingRefusal::already_done: return "already_done";
        case KittingRefusal::not_done: return "not_done";
        case KittingRefusal::master_version_required: return "master_version_required";
        case KittingRefusal::master_version_not_current: return "master_version_not_current";
    }
    return "unknown_item";
}

std::string_view refusal_label_key(KittingRefusal refusal) {
    switch (refusal) {
        case KittingRefusal::none: return "lending.kitting.refusal.none";
        case KittingRefusal::unknown_item: return "lending.kitting.refusal.unknown_item";
        case KittingRefusal::already_done: return "lending.kitting.refusal.already_done";
        case KittingRefusal::not_done: return "lending.kitting.refusal.not_done";
        case KittingRefusal::master_version_required: return "lending.kitting.refusal.master_version_required";
        case KittingRefusal::master_version_not_current: return "lending.kitting.refusal.master_version_not_current";
    }
    return "lending.kitting.refusal.unknown_item";
}

KittingRefusal tick_item(KittingTask& task, const KittingTick& tick, std::span<const MasterImage> masters) {
    const auto item = progress_of(task, tick.key);
    if (item == task.progress.end()) return KittingRefusal::unknown_item;
    if (item->done) return KittingRefusal::already_done;
    const bool master_item = tick.key == info(master_image).key;
    if (master_item) {
        if (!tick.master_image_version) return KittingRefusal::master_version_required;
        const auto current = current_master_image(masters, task.class_code);
        if (!current || current->version != *tick.master_image_version) {
            return KittingRefusal::master_version_not_current;
        }
        task.master_image_version = tick.master_image_version;
    }
    item->done = true;
    item->done_by = tick.login;
    item->done_at = calendar::format_iso8601_utc(tick.at);
    item->note = tick.note;
    return KittingRefusal::none;
}

KittingRefusal untick_item(KittingTask& task, std::string_view key) {
    const auto item = progress_of(task, key);
    if (item == task.progress.end()) return KittingRefusal::unknown_item;
    if (!item->done) return KittingRefusal::not_done;
    *item = {item->key, false, {}, {}, {}};
    if (key == info(master_image).key) task.master_image_version.reset();
    return KittingRefusal::none;
}

std::vector<std::string> open_required_items(const KittingTask& task) {
    std::vector<std::string> open;
    for (const auto& spec : task.checklist) {
        if (!spec.required) continue;
        const auto item = std::find_if(task.progress.begin(), task.progress.end(),
                                       [&](const placement::ChecklistItem& p) { return p.key == spec.key; });
        if (item == task.progress.end() || !item->done) open.push_back(spec.key);
    }
    return open;
}

bool kitting_complete(const KittingTask& task) {
    const bool needs_master = std::any_of(task.checklist.begin(), task.checklist.end(),
                                          [](const KittingItemSpec& spec) { return spec.step == master_image; });
    return open_required_items(task).empty() && (!needs_master || task.master_image_version.has_value());
}

}  // namespace madoguchi::lending

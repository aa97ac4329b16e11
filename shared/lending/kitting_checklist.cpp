#include "lending/kitting_checklist.hpp"

#include <algorithm>
#include <array>

#include "tickets/named_values.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::lending {
namespace {

using enum KittingStep;
using tickets::Named;

constexpr std::array<Named<KittingStep>, 7> steps{{
    {initialise, "initialise", "lending.kitting.initialise"},
    {master_image, "master_image", "lending.kitting.master_image"},
    {drivers, "drivers", "lending.kitting.drivers"},
    {charge, "charge", "lending.kitting.charge"},
    {operation_check, "operation_check", "lending.kitting.operation_check"},
    {accessory, "accessory", "lending.kitting.accessory"},
    {cleaning, "cleaning", "lending.kitting.cleaning"},
}};

constexpr std::array<Named<KittingRefusal>, 7> refusals{{
    {KittingRefusal::none, "none", "lending.kitting.refusal.none"},
    {KittingRefusal::unknown_item, "unknown_item", "lending.kitting.refusal.unknown_item"},
    {KittingRefusal::already_done, "already_done", "lending.kitting.refusal.already_done"},
    {KittingRefusal::not_done, "not_done", "lending.kitting.refusal.not_done"},
    {KittingRefusal::master_version_required, "master_version_required",
     "lending.kitting.refusal.master_version_required"},
    {KittingRefusal::master_version_not_current, "master_version_not_current",
     "lending.kitting.refusal.master_version_not_current"},
    {KittingRefusal::invalid_note, "invalid_note", "lending.kitting.refusal.invalid_note"},
}};

constexpr std::size_t note_limit = 200;

static_assert(tickets::in_enum_order(steps) && tickets::in_enum_order(refusals));

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

const Named<KittingStep>& info(KittingStep step) { return tickets::named(steps, step); }

KittingItemSpec spec_of(KittingStep step, bool required) {
    return {std::string(info(step).name), std::string(info(step).label_key), step, required, {}};
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
        item.key = "accessory.";
        item.key += name;
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

std::string_view step_name(KittingStep step) { return info(step).name; }

std::optional<KittingStep> parse_step(std::string_view name) { return tickets::parse_named(steps, name); }

std::string_view refusal_name(KittingRefusal refusal) { return tickets::named(refusals, refusal).name; }

std::string_view refusal_label_key(KittingRefusal refusal) { return tickets::named(refusals, refusal).label_key; }

KittingRefusal tick_item(KittingTask& task, const KittingTick& tick, std::span<const MasterImage> masters) {
    const auto item = progress_of(task, tick.key);
    if (item == task.progress.end()) return KittingRefusal::unknown_item;
    if (item->done) return KittingRefusal::already_done;
    if (!validation::text_problem(tick.note, note_limit, false).empty()) return KittingRefusal::invalid_note;
    const bool master_item = tick.key == info(master_image).name;
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
    if (key == info(master_image).name) task.master_image_version.reset();
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

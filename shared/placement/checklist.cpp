#include "placement/checklist.hpp"

#include <algorithm>
#include <array>

namespace madoguchi::placement {
namespace {

constexpr ChecklistItemSpec gss_network{"gss_network", "placement.check.gss_network", false};
constexpr ChecklistItemSpec gss_release{"gss_release", "placement.check.gss_release", false};
constexpr ChecklistItemSpec vendor_information{"vendor_information", "placement.check.vendor_information", false};
constexpr ChecklistItemSpec device_settings{"device_settings", "placement.check.device_settings", false};
constexpr ChecklistItemSpec data_erasure{"data_erasure", "placement.check.data_erasure", true};
constexpr ChecklistItemSpec install_works{"install_works", "placement.check.install_works", true};
constexpr ChecklistItemSpec move_works{"move_works", "placement.check.move_works", true};
constexpr ChecklistItemSpec removal_works{"removal_works", "placement.check.removal_works", true};

constexpr std::array install_items{gss_network, vendor_information, install_works};
// A moved MFP changes its settings (requirements ⑥設定情報変更: フロア移設).
constexpr std::array move_items{gss_network, vendor_information, device_settings, move_works};
constexpr std::array remove_items{gss_release, vendor_information, data_erasure, removal_works};

}  // namespace

std::span<const ChecklistItemSpec> checklist_for(RequestKind kind) {
    switch (kind) {
        case RequestKind::install: return install_items;
        case RequestKind::move: return move_items;
        case RequestKind::remove: return remove_items;
    }
    return {};
}

const ChecklistItemSpec* find_checklist_item(RequestKind kind, std::string_view key) {
    const auto items = checklist_for(kind);
    const auto found = std::find_if(items.begin(), items.end(), [&](const ChecklistItemSpec& s) { return s.key == key; });
    return found == items.end() ? nullptr : &*found;
}

bool all_done(std::span<const ChecklistItem> items) {
    return std::all_of(items.begin(), items.end(), [](const ChecklistItem& item) { return item.done; });
}

nlohmann::json to_json(const ChecklistItem& item) {
    return {{"key", item.key}, {"done", item.done}, {"done_by", item.done_by}, {"done_at", item.done_at}, {"note", item.note}};
}

std::optional<ChecklistItem> checklist_item_from_json(const nlohmann::json& json) {
    if (!json.is_object() || !json.contains("key") || !json["key"].is_string()) return std::nullopt;
    const auto text = [&](const char* name) {
        const auto found = json.find(name);
        return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    ChecklistItem item;
    item.key = text("key");
    const auto done = json.find("done");
    item.done = done != json.end() && done->is_boolean() && done->get<bool>();
    item.done_by = text("done_by");
    item.done_at = text("done_at");
    item.note = text("note");
    return item;
}

}  // namespace madoguchi::placement

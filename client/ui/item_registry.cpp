#include "ui/item_registry.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace madoguchi::client {
namespace {

std::vector<ItemRecord> drawing;  // the frame in progress
std::vector<ItemRecord> finished;

std::string visible_label(const char* label) {
    // ImGui hides everything from "##" on: it only makes the id unique.
    const char* end = ImGui::FindRenderedTextEnd(label);
    return std::string(label, static_cast<std::size_t>(end - label));
}

// The item's rectangle, and how much of it the current window shows.
void place(ItemRecord& record, const ImRect& rect) {
    const auto& clip = ImGui::GetCurrentWindowRead()->ClipRect;
    record.x = rect.Min.x;
    record.y = rect.Min.y;
    record.width = rect.GetWidth();
    record.height = rect.GetHeight();
    record.clipped = rect.Min.y < clip.Min.y || rect.Max.y > clip.Max.y;
    record.visible_y = std::max(rect.Min.y, clip.Min.y);
    record.visible_height = std::max(0.0F, std::min(rect.Max.y, clip.Max.y) - record.visible_y);
}

std::string role_from_flags(ImGuiItemStatusFlags flags) {
    if ((flags & ImGuiItemStatusFlags_Checkable) != 0) return "checkbox";
    if ((flags & ImGuiItemStatusFlags_Openable) != 0) return "tree";
    return "button";
}

}  // namespace

void install_item_hooks() { ImGui::GetCurrentContext()->TestEngineHookItems = true; }

void annotate_last_item(std::string_view role, std::string_view value) {
    const auto id = ImGui::GetItemID();
    for (auto it = drawing.rbegin(); it != drawing.rend(); ++it) {
        if (it->id != id) continue;
        it->role = role;
        it->value = value;
        return;
    }
}

void name_last_item(std::string_view label) {
    const auto id = ImGui::GetItemID();
    for (auto it = drawing.rbegin(); it != drawing.rend(); ++it) {
        if (it->id != id) continue;
        it->label = label;
        return;
    }
}

void report_last_item(std::string_view label, std::string_view role, std::string_view value) {
    // A window's first, measuring frame is not shown: nothing in it is on screen yet.
    if (ImGui::GetCurrentWindowRead()->Hidden) return;
    const auto min = ImGui::GetItemRectMin();
    const auto max = ImGui::GetItemRectMax();
    ItemRecord record;
    record.id = ImGui::GetItemID();
    record.label = label;
    record.role = role;
    record.value = value;
    place(record, ImRect(min, max));
    const auto& context = *ImGui::GetCurrentContext();
    record.focused = record.id != 0 && (context.NavId == record.id || context.ActiveId == record.id);
    record.enabled = (context.LastItemData.InFlags & ImGuiItemFlags_Disabled) == 0;
    drawing.push_back(std::move(record));
}

void finish_item_frame() {
    finished.swap(drawing);
    drawing.clear();
}

const std::vector<ItemRecord>& item_records() { return finished; }

}  // namespace madoguchi::client

// ImGui calls these for every item when TestEngineHookItems is on; ItemInfo follows ItemAdd
// for labelled widgets, whose rectangle is then LastItemData's.
// ImGui 1.86 announces a tab item (ItemInfo) before ItemAdd gives it its rectangle, so the
// record took the previous item's place; the rectangle that follows is the tab's own.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& rect, ImGuiID id) {
    auto& drawing = madoguchi::client::drawing;
    if (drawing.empty() || drawing.back().id != id) return;
    madoguchi::client::place(drawing.back(), rect);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* context, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if (label == nullptr || context->CurrentWindow == nullptr || context->CurrentWindow->Hidden) return;
    auto visible = madoguchi::client::visible_label(label);
    if (visible.empty()) return;
    madoguchi::client::ItemRecord record;
    record.id = id;
    record.label = std::move(visible);
    record.role = madoguchi::client::role_from_flags(flags);
    if ((flags & ImGuiItemStatusFlags_Checkable) != 0) {
        record.value = (flags & ImGuiItemStatusFlags_Checked) != 0 ? "true" : "false";
    }
    madoguchi::client::place(record, context->LastItemData.Rect);
    record.focused = context->NavId == id || context->ActiveId == id;
    record.enabled = (context->LastItemData.InFlags & ImGuiItemFlags_Disabled) == 0;
    madoguchi::client::drawing.push_back(std::move(record));
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

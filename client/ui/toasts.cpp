#include "ui/toasts.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {

void Toasts::show(ToastKind kind, std::string message_key, Clock::time_point now, std::string detail) {
    const auto lifetime = kind == ToastKind::failure ? Clock::duration(failure_lifetime) : Clock::duration(success_lifetime);
    toasts_.push_back({kind, std::move(message_key), now + lifetime, std::move(detail)});
    while (toasts_.size() > most_shown) toasts_.pop_front();
}

void Toasts::expire(Clock::time_point now) {
    std::erase_if(toasts_, [now](const Toast& toast) { return toast.expires_at <= now; });
}

void Toasts::dismiss(std::size_t index) {
    if (index < toasts_.size()) toasts_.erase(toasts_.begin() + static_cast<std::ptrdiff_t>(index));
}

void draw_toasts(Toasts& toasts, i18n::Language language) {
    const auto& io = ImGui::GetIO();
    const float margin = ImGui::GetFontSize();
    float bottom = io.DisplaySize.y - margin;
    constexpr auto flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                           ImGuiWindowFlags_NoNav;
    std::size_t dismissed = toasts.shown().size();
    // Newest at the bottom: lay them out from the last one upwards.
    for (std::size_t index = toasts.shown().size(); index-- > 0;) {
        const auto& toast = toasts.shown()[index];
        const auto& colours = status_colours();
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin, bottom), ImGuiCond_Always, ImVec2(1.0F, 1.0F));
        ImGui::PushStyleColor(ImGuiCol_Border, toast.kind == ToastKind::success ? colours.ok : colours.error);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0F);
        ImGui::Begin(("##toast" + std::to_string(index)).c_str(), nullptr, flags);
        auto message = i18n::text(toast.message_key, language);
        if (!toast.detail.empty()) message += language == i18n::Language::ja ? "：" : ": ";
        message += toast.detail;
        ImGui::TextColored(toast.kind == ToastKind::success ? colours.ok : colours.error, "%s",
                           toast.kind == ToastKind::success ? "✓" : "×");
        ImGui::SameLine();
        ImGui::TextUnformatted(message.c_str());
        report_last_item(message, toast.kind == ToastKind::success ? "status" : "alert");
        if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) dismissed = index;
        bottom -= ImGui::GetWindowHeight() + margin * 0.5F;
        ImGui::End();
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
    }
    if (dismissed < toasts.shown().size()) toasts.dismiss(dismissed);
}

}  // namespace madoguchi::client

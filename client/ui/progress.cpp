#include "ui/progress.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {

void ProgressModel::start(int total) {
    state_ = ProgressState::running;
    done_ = 0;
    total_ = std::max(total, 0);
    failure_key_.clear();
}

void ProgressModel::advance(int done, int total) {
    if (!running()) return;
    total_ = std::max(total, 0);
    done_ = std::clamp(done, 0, std::max(total_, 0));
}

void ProgressModel::finish() {
    if (!running()) return;
    state_ = ProgressState::finished;
    if (total_ > 0) done_ = total_;
}

void ProgressModel::fail(std::string message_key) {
    if (!running()) return;
    state_ = ProgressState::failed;
    failure_key_ = std::move(message_key);
}

void ProgressModel::cancel() {
    if (running()) state_ = ProgressState::cancelled;
}

float ProgressModel::fraction() const {
    return total_ > 0 ? static_cast<float>(done_) / static_cast<float>(total_) : 0.0F;
}

int ProgressModel::percent() const { return total_ > 0 ? static_cast<int>(static_cast<long long>(done_) * 100 / total_) : 0; }

std::string progress_text(const ProgressModel& progress, i18n::Language language) {
    switch (progress.state()) {
        case ProgressState::idle: return i18n::text("progress.idle", language);
        case ProgressState::finished: return i18n::text("progress.finished", language);
        case ProgressState::cancelled: return i18n::text("progress.cancelled", language);
        case ProgressState::failed:
            return fill_template(i18n::text("progress.failed", language),
                                 {{"reason", i18n::text(progress.failure_key(), language)}});
        case ProgressState::running: break;
    }
    if (!progress.determinate()) return i18n::text("progress.working", language);
    return fill_template(i18n::text("progress.counts", language), {{"done", std::to_string(progress.done())},
                                                                   {"total", std::to_string(progress.total())},
                                                                   {"percent", std::to_string(progress.percent())}});
}

namespace {

// Eight dots round a circle, the brightest one turning: motion without a known end.
void draw_spinner(float radius) {
    ImGui::Dummy(ImVec2(radius * 2.0F, radius * 2.0F));
    const auto min = ImGui::GetItemRectMin();
    const ImVec2 centre(min.x + radius, min.y + radius);
    const int lit = static_cast<int>(ImGui::GetTime() * 10.0) % 8;
    const auto colour = ImGui::GetStyle().Colors[ImGuiCol_Text];
    for (int i = 0; i < 8; ++i) {
        const float angle = static_cast<float>(i) * 3.14159265F / 4.0F;
        const float fade = static_cast<float>((i - lit + 8) % 8) / 8.0F;
        const ImVec2 at(centre.x + std::cos(angle) * radius * 0.7F, centre.y + std::sin(angle) * radius * 0.7F);
        ImGui::GetWindowDrawList()->AddCircleFilled(
            at, radius * 0.18F, ImGui::GetColorU32(ImVec4(colour.x, colour.y, colour.z, 1.0F - fade * 0.8F)));
    }
}

}  // namespace

bool draw_progress(const char* label, const ProgressModel& progress, bool cancellable, i18n::Language language) {
    ImGui::PushID(label);
    const auto text = progress_text(progress, language);
    if (progress.running() && !progress.determinate()) {
        draw_spinner(ImGui::GetFrameHeight() * 0.5F);
        report_last_item(label, "progressbar");
        annotate_last_item("progressbar", "indeterminate");
        ImGui::SameLine();
    } else {
        const float width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 20.0F);
        ImGui::ProgressBar(progress.fraction(), ImVec2(width, 0.0F), "");
        report_last_item(label, "progressbar");
        annotate_last_item("progressbar", std::to_string(progress.percent()));
        ImGui::SameLine();
    }
    ImGui::AlignTextToFramePadding();
    const auto& status = status_colours();
    if (progress.state() == ProgressState::failed) ImGui::TextColored(status.error, "%s", text.c_str());
    else ImGui::TextUnformatted(text.c_str());
    report_last_item(text, "status");

    bool cancel = false;
    if (cancellable && progress.running()) {
        ImGui::SameLine();
        cancel = ImGui::Button(t("progress.cancel", language));
    }
    ImGui::PopID();
    return cancel;
}

}  // namespace madoguchi::client

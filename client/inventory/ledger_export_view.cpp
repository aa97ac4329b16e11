#include "inventory/ledger_export_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "inventory/ledger_export.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

// Disabled until the whole fleet is in, and when the link is refused.
void download_button(App& app, const char* label_key, const LedgerLink& link, bool ready, i18n::Language language) {
    ImGui::BeginDisabled(!ready || link.path.empty());
    if (ImGui::Button(t(label_key, language))) app.download(link.path);
    ImGui::EndDisabled();
}

void reason(const std::string& key, i18n::Language language) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", t(key.c_str(), language));
    report_last_item(i18n::text(key, language), "status");
}

}  // namespace

void draw_ledger_downloads(App& app, InventoryPage& page) {
    if (!app.can_download()) return;
    const auto language = app.preferences().language;
    const auto& fleet = page.fleet;
    // A partly loaded table would name only the devices read so far.
    const bool ready = fleet.state() == Fleet::State::loaded;
    const auto csv = export_link(LedgerFile::csv, fleet.table(), fleet.devices());
    const auto xlsx = export_link(LedgerFile::xlsx, fleet.table(), fleet.devices());
    const auto labels = labels_link(LabelFile::pdf, fleet.table(), fleet.devices());
    const auto labels_svg = labels_link(LabelFile::svg, fleet.table(), fleet.devices());
    download_button(app, "inventory.export.csv", csv, ready, language);
    ImGui::SameLine();
    download_button(app, "inventory.export.xlsx", xlsx, ready, language);
    ImGui::SameLine();
    download_button(app, "inventory.export.labels", labels, ready, language);
    ImGui::SameLine();
    download_button(app, "inventory.export.labels_svg", labels_svg, ready, language);
    if (!ready) return;
    if (!csv.problem_key.empty()) {
        reason(csv.problem_key, language);
    } else if (!labels.problem_key.empty()) {
        reason(labels.problem_key, language);
    }
}

}  // namespace madoguchi::client

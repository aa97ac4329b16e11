#include "configuration/document_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {

void draw_documents_tab(App& app, DocumentList& documents, i18n::Language language) {
    if (documents.state() == DocumentList::State::failed) {
        if (draw_error_state(documents.error_text(), language)) documents.load(app.api(), documents.item_id());
        return;
    }
    if (documents.state() != DocumentList::State::loaded) {
        draw_loading_state(language);
        return;
    }
    if (documents.documents().empty()) {
        draw_empty_state("configuration.documents.empty", {}, language);
        return;
    }
    for (const auto& document : documents.documents()) {
        auto heading = document.title;
        heading.append("（").append(i18n::text(configuration::document_kind_label_key(document.kind), language)).append("）");
        draw_heading(heading);
        for (auto version = document.versions.rbegin(); version != document.versions.rend(); ++version) {
            const auto text = document_version_text(*version, language);
            ImGui::PushID(static_cast<int>(document.id * 1000 + version->number));
            if (app.can_download()) {
                if (ImGui::SmallButton(t("configuration.document.download", language))) {
                    app.download(document_version_path(document, version->number));
                }
                ImGui::SameLine();
            }
            ImGui::TextUnformatted(text.c_str());
            report_last_item(text, "text");
            ImGui::PopID();
        }
    }
}

}  // namespace madoguchi::client

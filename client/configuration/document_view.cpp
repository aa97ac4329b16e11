#include "configuration/document_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void draw_upload_form(App& app, DocumentList& documents, Language language) {
    draw_heading(i18n::text("configuration.document.upload_heading", language));
    const auto& errors = documents.errors();
    form_text_field({i18n::text("configuration.document.title", language), true, errors.field("title", language), {}},
                    documents.title, language);
    const std::vector<configuration::DocumentKind> kinds{configuration::DocumentKind::manual,
                                                         configuration::DocumentKind::operations_manual,
                                                         configuration::DocumentKind::other};
    std::vector<std::string> labels;
    int selected = 0;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        labels.push_back(i18n::text(configuration::document_kind_label_key(kinds[i]), language));
        if (kinds[i] == documents.kind) selected = static_cast<int>(i);
    }
    if (form_choice({i18n::text("configuration.document.kind", language), true, {}, {}}, labels, selected, language)) {
        documents.kind = kinds[static_cast<std::size_t>(selected)];
    }
    draw_alert(errors.field("file_name", language));
    draw_alert(errors.field("file", language));
    draw_alert(errors.general(language));
    ImGui::BeginDisabled(documents.busy());
    if (ImGui::Button(t("configuration.document.upload", language))) {
        auto& api = app.api();
        app.pick_file(document_accept, [&documents, &api](std::optional<PickedFile> file) {
            if (file) documents.upload(api, *file);
        });
    }
    ImGui::EndDisabled();
}

}  // namespace

void draw_documents_tab(App& app, DocumentList& documents, bool may_edit, Language language) {
    const bool may_upload = may_edit && app.can_pick_files();
    if (documents.state() == DocumentList::State::failed) {
        if (draw_error_state(documents.error_text(), language)) documents.load(app.api(), documents.item_id());
        return;
    }
    if (documents.state() != DocumentList::State::loaded) {
        draw_loading_state(language);
        return;
    }
    if (may_upload) draw_upload_form(app, documents, language);
    if (documents.documents().empty()) {
        draw_empty_state("configuration.documents.empty", {}, language);
        return;
    }
    for (const auto& document : documents.documents()) {
        auto heading = document.title;
        heading.append("（").append(i18n::text(configuration::document_kind_label_key(document.kind), language)).append("）");
        draw_heading(heading);
        if (may_upload) {
            ImGui::PushID(static_cast<int>(document.id));
            ImGui::BeginDisabled(documents.busy());
            if (ImGui::SmallButton(t("configuration.document.new_version", language))) {
                auto& api = app.api();
                const auto id = document.id;
                app.pick_file(document_accept, [&documents, &api, id](std::optional<PickedFile> file) {
                    if (file) documents.upload_version(api, id, *file);
                });
            }
            ImGui::EndDisabled();
            ImGui::PopID();
        }
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

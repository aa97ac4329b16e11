#include "audit/audit_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "audit/audit_diff.hpp"
#include "ui/data_table.hpp"
#include "ui/date_picker.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void draw_filters(App& app, AuditPage& page, calendar::Instant now) {
    const auto language = app.preferences().language;
    const bool wareki = app.preferences().wareki;
    const auto today = calendar::to_tokyo(now).date;
    auto& filters = page.log.filters();
    bool search = false;
    if (ImGui::BeginTable("audit_filters", 3, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t("audit.filter.from", language));
        if (date_field(t("audit.filter.from", language), page.from, language, wareki, today)) {
            filters.from = page.from.value();
            search = true;
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t("audit.filter.to", language));
        if (date_field(t("audit.filter.to", language), page.to, language, wareki, today)) {
            filters.to = page.to.value();
            search = true;
        }
        ImGui::TableNextColumn();
        search |= form_text_field({i18n::text("audit.filter.actor", language), false, {}, {}}, filters.actor, language).submitted;
        ImGui::TableNextColumn();
        search |= form_text_field({i18n::text("audit.filter.action", language), false, {}, {}}, filters.action, language).submitted;
        ImGui::TableNextColumn();
        search |= form_text_field({i18n::text("audit.filter.object_type", language), false, {}, {}}, filters.object_type,
                                  language)
                      .submitted;
        ImGui::TableNextColumn();
        search |= form_text_field({i18n::text("audit.filter.object_id", language), false, {}, {}}, filters.object_id,
                                  language)
                      .submitted;
        ImGui::EndTable();
    }
    search |= ImGui::Button(t("audit.search", language));
    if (search) page.log.load(app.api());
    ImGui::SameLine();
    const bool checking = page.log.chain().state == ChainCheck::State::checking;
    ImGui::BeginDisabled(checking);
    if (ImGui::Button(t("audit.verify", language))) page.log.verify(app.api());
    ImGui::EndDisabled();
    if (app.can_download()) {
        // An export is of whole days, as auditors ask for a period; without one it is refused.
        const bool period = filters.from && filters.to;
        ImGui::SameLine();
        ImGui::BeginDisabled(!period);
        if (ImGui::Button(t("audit.export", language))) app.download(audit_export_path(filters));
        ImGui::EndDisabled();
        if (!period) {
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("%s", t("audit.export.needs_period", language));
            report_last_item(i18n::text("audit.export.needs_period", language), "status");
        }
    }
}

void draw_chain(const ChainCheck& chain, Language language) {
    std::string text;
    ImVec4 colour = status_colours().muted;
    switch (chain.state) {
        case ChainCheck::State::idle: return;
        case ChainCheck::State::checking: text = i18n::text("audit.verify.checking", language); break;
        case ChainCheck::State::intact:
            text = fill_template(i18n::text("audit.verify.intact", language), {{"n", std::to_string(chain.records)}});
            colour = status_colours().ok;
            break;
        case ChainCheck::State::broken:
            text = fill_template(i18n::text("audit.verify.broken", language),
                                 {{"n", std::to_string(chain.records)}, {"id", std::to_string(chain.first_broken)}});
            colour = status_colours().error;
            break;
        case ChainCheck::State::failed:
            text = chain.error;
            colour = status_colours().error;
            break;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    report_last_item(text, chain.state == ChainCheck::State::intact ? "status" : "alert");
}

void draw_paging(App& app, AuditPage& page, Language language) {
    auto& log = page.log;
    const auto first = log.records().empty() ? 0 : log.offset() + 1;
    const auto last = log.offset() + static_cast<int>(log.records().size());
    const auto text = fill_template(i18n::text("audit.page", language),
                                    {{"first", std::to_string(first)}, {"last", std::to_string(last)},
                                     {"total", std::to_string(log.total())}});
    ImGui::TextUnformatted(text.c_str());
    report_last_item(text, "status");
    ImGui::SameLine();
    ImGui::BeginDisabled(!log.has_previous());
    if (ImGui::Button(t("audit.previous", language))) log.load(app.api(), std::max(0, log.offset() - AuditLog::page_size));
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!log.has_next());
    if (ImGui::Button(t("audit.next", language))) log.load(app.api(), log.offset() + AuditLog::page_size);
    ImGui::EndDisabled();
}

void draw_detail(const AuditRecord& record, Language language) {
    const auto line = [&](const char* key, const std::string& value) {
        std::string text = i18n::text(key, language);
        text += language == Language::ja ? "：" : ": ";
        text += value.empty() ? "—" : value;
        ImGui::TextWrapped("%s", text.c_str());
        report_last_item(text, "text");
    };
    line("audit.column.time", record.occurred_at);
    line("audit.column.actor", record.actor);
    line("audit.detail.roles", record.actor_roles);
    line("audit.column.address", record.source_address);
    line("audit.column.action", record.action);
    line("audit.column.object", record.object_type + " " + record.object_id);
    line("audit.detail.hash", record.hash);
    ImGui::Spacing();
    const auto changes = audit_diff(record.before, record.after);
    if (changes.empty()) {
        ImGui::TextDisabled("%s", t("audit.detail.no_fields", language));
        return;
    }
    constexpr auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("audit_diff", 3, flags)) return;
    ImGui::TableSetupColumn(t("audit.detail.field", language));
    ImGui::TableSetupColumn(t("audit.detail.before", language));
    ImGui::TableSetupColumn(t("audit.detail.after", language));
    ImGui::TableHeadersRow();
    for (const auto& change : changes) {
        const bool highlight = change.kind != FieldChange::Kind::unchanged;
        ImGui::TableNextRow();
        if (highlight) {
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(status_colours().warning_background));
        }
        const char* kind = highlight ? "changed" : "";
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(change.field.c_str());
        report_last_item(change.field, "cell", kind);
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", change.before.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", change.after.c_str());
    }
    ImGui::EndTable();
}

}  // namespace

void draw_audit_page(App& app, calendar::Instant now) {
    auto& page = app.audit_page();
    const auto language = app.preferences().language;
    page.log.set_language(language);
    if (!page.started) {
        page.started = true;
        page.log.load(app.api());
    }
    draw_filters(app, page, now);
    draw_chain(page.log.chain(), language);
    auto& log = page.log;
    if (log.state() == AuditLog::State::failed) {
        if (draw_error_state(log.error_text(), language)) log.load(app.api(), log.offset());
        return;
    }
    if (log.state() == AuditLog::State::loading && log.records().empty()) {
        draw_loading_state(language);
        return;
    }
    draw_paging(app, page, language);
    const auto* current = log.current();
    const float detail_width = current ? std::max(ImGui::GetFontSize() * 22.0F, ImGui::GetContentRegionAvail().x * 0.42F) : 0.0F;
    ImGui::BeginChild("audit_table", ImVec2(ImGui::GetContentRegionAvail().x - detail_width, 0.0F), false);
    DataTableOptions options;
    options.empty_message_key = "audit.empty";
    draw_data_table("audit", log.table(), options, language);
    ImGui::EndChild();
    if (current == nullptr) return;
    ImGui::SameLine();
    ImGui::BeginChild("audit_detail", ImVec2(0.0F, 0.0F), true);
    draw_detail(*current, language);
    ImGui::EndChild();
}

}  // namespace madoguchi::client

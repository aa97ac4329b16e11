#include "tickets/inquiry_view.hpp"

#include <imgui.h>

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "app/app.hpp"
#include "tickets/faq_suggestions_view.hpp"
#include "tickets/my_tickets_view.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using Clock = std::chrono::steady_clock;

// Both the visible label and the id of a button that repeats per row.
std::string row_button(std::string_view label_key, const std::string& draft_id, Language language) {
    std::string label = i18n::text(label_key, language);
    label += "##";
    label += draft_id;
    return label;
}

std::string draft_time(const Draft& draft, Language language, bool wareki) {
    const auto instant = calendar::parse_iso8601(draft.saved_at).instant;
    return instant ? format_display_time(*instant, language, wareki) : draft.saved_at;
}

std::string title_of(const Draft& draft, Language language) {
    return draft.title.empty() ? i18n::text("inquiry.untitled", language) : draft.title;
}

void text_field_row(InquiryForm& form, std::string_view field, std::string_view label_key, std::string& value,
                    Language language, const TextFieldOptions& options, bool& submit) {
    const auto& label = i18n::text(label_key, language);
    const auto error = form.error_for(field, language);
    const auto events = form_text_field(FieldFrame{label, true, error, {}}, value, language, options);
    const auto now = Clock::now();
    if (events.changed) form.edited(now);
    if (events.left) form.left(field, now);
    if (events.submitted) submit = true;
}

// Deleting a draft loses what was typed: the user confirms first.
void ask_delete(App& app, const std::string& draft_id, Language language) {
    auto& page = app.inquiry_page();
    page.pending_delete = draft_id;
    page.confirm.ask({i18n::text("inquiry.delete_title", language), i18n::text("inquiry.delete_message", language),
                      i18n::text("inquiry.delete", language), i18n::text("inquiry.keep", language), true});
}

void settle_delete(App& app) {
    auto& page = app.inquiry_page();
    draw_confirm_dialog(page.confirm);
    const auto answer = page.confirm.take_answer();
    if (!answer || !page.pending_delete) return;
    const auto draft_id = *page.pending_delete;
    page.pending_delete.reset();
    if (*answer != ConfirmAnswer::confirmed) return;
    if (draft_id.empty()) {
        app.inquiry_form().discard();
    } else {
        app.drafts().remove(draft_id);
    }
    app.toasts().show(ToastKind::success, "inquiry.discarded", Clock::now());
}

void draw_form(App& app) {
    auto& form = app.inquiry_form();
    const auto language = app.preferences().language;
    auto& values = form.values();
    bool submit = false;
    auto& faq = app.inquiry_page().faq;
    faq.typed(values.subject, Clock::now());
    draw_faq_suggestions(faq, language);
    const TextFieldOptions single;
    text_field_row(form, "requester_name", "tickets.inquiry.requester_name", values.requester_name, language, single, submit);
    text_field_row(form, "division", "tickets.inquiry.division", values.division, language, single, submit);
    text_field_row(form, "contact", "tickets.inquiry.contact", values.contact, language, single, submit);

    std::vector<std::string> categories;
    for (const auto name : tickets::inquiry_categories()) {
        std::string key = "tickets.category.";
        key += name;
        categories.push_back(i18n::text(key, language));
    }
    int category = form.category_index();
    const auto& category_label = i18n::text("tickets.inquiry.category", language);
    if (form_choice(FieldFrame{category_label, true, form.error_for("category", language), {}}, categories, category,
                    language)) {
        form.choose_category(category, Clock::now());
    }

    text_field_row(form, "subject", "tickets.inquiry.subject", values.subject, language, single, submit);
    TextFieldOptions body;
    body.multiline = true;
    body.visible_lines = 8;
    text_field_row(form, "body", "tickets.inquiry.body", values.body, language, body, submit);

    if (ImGui::Button(t("inquiry.submit", language))) submit = true;
    ImGui::SameLine();
    ImGui::BeginDisabled(!form.has_content());
    if (ImGui::Button(t("inquiry.discard", language))) ask_delete(app, "", language);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (!form.saved_at().empty()) {
        const auto instant = calendar::parse_iso8601(form.saved_at()).instant;
        const auto when = instant ? format_clock(calendar::to_tokyo(*instant).second_of_day / 60) : form.saved_at();
        const auto saved = fill_template(i18n::text(form.unsaved() ? "inquiry.saving" : "inquiry.saved", language),
                                         {{"time", when}});
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", saved.c_str());
        report_last_item(saved, "status");
    }

    if (!submit) return;
    if (form.submit(Clock::now()) == InquiryForm::Submission::invalid) {
        app.toasts().show(ToastKind::failure, "inquiry.fix_fields", Clock::now());
    } else {
        app.toasts().show(ToastKind::success, app.api().offline() ? "inquiry.queued_offline" : "inquiry.queued",
                          Clock::now());
    }
}

void section_heading(std::string_view key, std::size_t count, Language language) {
    ImGui::Spacing();
    const auto heading = fill_template(i18n::text(key, language), {{"n", std::to_string(count)}});
    ImGui::TextUnformatted(heading.c_str());
    report_last_item(heading, "heading");
    ImGui::Separator();
}

void empty_line(std::string_view key, Language language) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", t(key, language));
    ImGui::PopStyleColor();
    report_last_item(i18n::text(key, language), "status");
}

void draw_drafts(App& app, const std::vector<const Draft*>& drafts, Language language, bool wareki) {
    auto& form = app.inquiry_form();
    std::vector<const Draft*> shown;
    for (const auto* draft : drafts) {
        const bool waiting = draft->state == DraftState::editing || draft->state == DraftState::rejected;
        if (waiting && draft->id != form.draft_id()) shown.push_back(draft);
    }
    section_heading("inquiry.drafts", shown.size(), language);
    if (shown.empty()) empty_line("inquiry.no_drafts", language);
    std::string open_id;
    std::string remove_id;
    for (const auto* draft : shown) {
        const auto title = title_of(*draft, language);
        ImGui::TextUnformatted(title.c_str());
        report_last_item(title, "listitem");
        ImGui::TextDisabled("%s", draft_time(*draft, language, wareki).c_str());
        if (draft->state == DraftState::rejected || !draft->field_errors.empty()) {
            const auto& reason = language == Language::ja ? draft->error_ja : draft->error_en;
            ImGui::TextColored(status_colours().error, "%s", reason.c_str());
        }
        if (ImGui::SmallButton(row_button("inquiry.open", draft->id, language).c_str())) open_id = draft->id;
        ImGui::SameLine();
        if (ImGui::SmallButton(row_button("inquiry.delete", draft->id, language).c_str())) remove_id = draft->id;
        ImGui::Spacing();
    }
    if (!open_id.empty()) form.open(open_id);
    if (!remove_id.empty()) ask_delete(app, remove_id, language);
}

void draw_outbox(App& app, const std::vector<const Draft*>& drafts, Language language, bool wareki) {
    std::vector<const Draft*> queued;
    for (const auto* draft : drafts) {
        if (draft->state == DraftState::queued) queued.push_back(draft);
    }
    section_heading("inquiry.outbox", queued.size(), language);
    if (queued.empty()) {
        empty_line("inquiry.outbox_empty", language);
        return;
    }
    for (const auto* draft : queued) {
        const auto title = title_of(*draft, language);
        ImGui::TextUnformatted(title.c_str());
        report_last_item(title, "listitem");
        const auto state = app.outbox().sending(draft->id)
                               ? i18n::text("inquiry.sending", language)
                               : fill_template(i18n::text("inquiry.waiting", language),
                                               {{"n", std::to_string(draft->attempts)}});
        ImGui::TextDisabled("%s", state.c_str());
        report_last_item(state, "status");
        const auto& reason = language == Language::ja ? draft->error_ja : draft->error_en;
        if (!reason.empty()) ImGui::TextColored(status_colours().warning, "%s", reason.c_str());
        ImGui::TextDisabled("%s", draft_time(*draft, language, wareki).c_str());
    }
    if (ImGui::Button(t("inquiry.send_now", language))) {
        app.api().retry_now();
        app.outbox().send_all(Clock::now());
    }
}

void draw_sent(App& app, const std::vector<const Draft*>& drafts, Language language) {
    std::vector<const Draft*> sent;
    for (const auto* draft : drafts) {
        if (draft->state == DraftState::sent) sent.push_back(draft);
    }
    section_heading("inquiry.sent", sent.size(), language);
    if (sent.empty()) empty_line("inquiry.none_sent", language);
    std::string clear_id;
    for (const auto* draft : sent) {
        const auto line = draft->receipt + "　" + title_of(*draft, language);
        ImGui::TextUnformatted(line.c_str());
        report_last_item(line, "listitem");
        ImGui::SameLine();
        if (ImGui::SmallButton(row_button("inquiry.clear_sent", draft->id, language).c_str())) clear_id = draft->id;
    }
    if (!clear_id.empty()) app.drafts().remove(clear_id);
}

void draw_new_inquiry(App& app, Language language, bool wareki) {
    ImGui::TextWrapped("%s", t("inquiry.intro", language));
    ImGui::Spacing();
    if (!app.drafts().loaded()) {
        empty_line("inquiry.loading_drafts", language);
        return;
    }
    const float side_width = std::max(ImGui::GetFontSize() * 18.0F, ImGui::GetContentRegionAvail().x * 0.34F);
    ImGui::BeginChild("inquiry_form", ImVec2(ImGui::GetContentRegionAvail().x - side_width, 0.0F), false);
    draw_form(app);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("inquiry_side", ImVec2(0.0F, 0.0F), true);
    // On a shared PC only the signed-in user's own drafts are listed.
    auto drafts = app.drafts().list();
    const auto& owner = app.inquiry_form().owner();
    std::erase_if(drafts, [&](const Draft* draft) { return !belongs_to(*draft, owner) || draft->form != inquiry_form_name; });
    draw_outbox(app, drafts, language, wareki);
    draw_drafts(app, drafts, language, wareki);
    draw_sent(app, drafts, language);
    ImGui::EndChild();
    settle_delete(app);
}

}  // namespace

void draw_inquiry_page(App& app, calendar::Instant) {
    const auto language = app.preferences().language;
    const bool wareki = app.preferences().wareki;
    auto& page = app.inquiry_page();
    // Read while either tab shows, so the other tab's label tells of new answers.
    page.mine.update(MyTickets::Clock::now());
    if (!ImGui::BeginTabBar("inquiry_tabs")) return;
    const bool writing = ImGui::BeginTabItem(t("ticket_staff.new.tab", language));
    annotate_last_item("tab", writing ? "selected" : "");
    if (writing) {
        page.showing_mine = false;
        draw_new_inquiry(app, language, wareki);
        ImGui::EndTabItem();
    }
    // ### keeps the tab one item while its label counts new answers.
    const auto mine_label = my_tickets_tab_label(page.mine, language) + "###my_inquiries";
    const bool reading = ImGui::BeginTabItem(mine_label.c_str(), nullptr,
                                             std::exchange(page.select_mine, false) ? ImGuiTabItemFlags_SetSelected : 0);
    annotate_last_item("tab", reading ? "selected" : "");
    if (reading) {
        // Opening the tab reads the list again: an inquiry just sent belongs in it.
        if (!page.showing_mine) page.mine.refresh();
        page.showing_mine = true;
        draw_my_tickets(page.mine, language, wareki);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace madoguchi::client

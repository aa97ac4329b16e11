#include "tickets/approval_queue_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "tickets/approval_queue.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {

using i18n::Language;

void draw_approval_queue(App& app, ApprovalQueue& queue, Language language) {
    if (queue.state() == ApprovalQueue::State::failed) {
        if (draw_error_state(queue.error_text(), language)) queue.load(app.api());
        return;
    }
    if (queue.state() != ApprovalQueue::State::loaded && queue.waiting().empty()) {
        draw_loading_state(language);
        return;
    }
    if (ImGui::Button(t("ticket_desk.reload", language))) queue.load(app.api());
    draw_alert(queue.errors().general(language));
    if (queue.waiting().empty()) {
        draw_empty_state("ticket_desk.approvals.empty", {}, language);
        return;
    }
    // Copied: a decision removes its ticket from the queue while the loop runs.
    const auto waiting = queue.waiting();
    for (const auto& ticket : waiting) {
        ImGui::PushID(static_cast<int>(ticket.id));
        draw_heading(ticket.number + ' ' + ticket.title);
        draw_status(fill_template(i18n::text("ticket_desk.approvals.line", language),
                                  {{"kind", kind_label(ticket.kind, language)},
                                   {"requester", ticket.requester_login},
                                   {"created", ticket.created_at.substr(0, 10)}}));
        ImGui::TextWrapped("%s", ticket.body.c_str());
        if (queue.commenting == ticket.id) {
            TextFieldOptions options;
            options.multiline = true;
            options.visible_lines = 3;
            form_text_field({i18n::text("ticket_desk.move.comment", language), false,
                             queue.errors().field("comment", language), {}},
                            queue.comment, language, options);
        }
        ImGui::BeginDisabled(queue.busy());
        bool first = true;
        for (const auto& decision : decisions_for(ticket)) {
            if (!first) ImGui::SameLine();
            first = false;
            if (ImGui::Button(t(decision.action_key, language))) queue.decide(app.api(), ticket, decision);
        }
        ImGui::SameLine();
        if (queue.commenting != ticket.id && ImGui::Button(t("ticket_desk.approvals.comment", language))) {
            queue.commenting = ticket.id;
            queue.comment.clear();
        }
        ImGui::EndDisabled();
        ImGui::Separator();
        ImGui::PopID();
    }
}

}  // namespace madoguchi::client

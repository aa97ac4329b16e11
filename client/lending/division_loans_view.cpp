#include "lending/division_loans_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {

void draw_division_loans(App& app, calendar::Instant now) {
    auto& loans = app.lending_page().division;
    const auto language = app.preferences().language;
    const auto today = calendar::to_tokyo(now).date;
    if (ImGui::Button(t("lending_client.reload", language))) loans.load(app.api());
    if (loans.state() == DivisionLoans::State::failed) {
        draw_alert(error_text(loans.error(), language));
        return;
    }
    if (loans.state() != DivisionLoans::State::loaded) {
        draw_status(i18n::text("lending_client.loading", language));
        return;
    }
    if (loans.rows().empty()) {
        draw_status(i18n::text("lending_client.division.empty", language));
        return;
    }
    draw_status(fill_template(i18n::text("lending_client.division.summary", language),
                              {{"n", std::to_string(loans.rows().size())}, {"overdue", std::to_string(loans.overdue_count())}}));
    for (const auto& loan : loans.rows()) {
        ImGui::PushID(static_cast<int>(loan.id));
        const auto line = fill_template(i18n::text("lending_client.division.line", language),
                                        {{"number", loan.number},
                                         {"name", loan.requester_name},
                                         {"class", class_name(loan.class_code, language)},
                                         {"n", std::to_string(loan.quantity)}});
        ImGui::TextUnformatted(line.c_str());
        report_last_item(line, "listitem");
        if (overdue(loan, today)) {
            ImGui::SameLine();
            const auto& badge = i18n::text("lending_client.mine.overdue", language);
            ImGui::TextColored(status_colours().error, "%s", badge.c_str());
            report_last_item(badge, "badge", loan.number);
        }
        draw_status(fill_template(i18n::text("lending_client.division.due", language),
                                  {{"due", both_calendars(loan.due, language)}, {"tags", device_tags(loan)}}));
        ImGui::Separator();
        ImGui::PopID();
    }
}

}  // namespace madoguchi::client

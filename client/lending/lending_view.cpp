#include "lending/lending_view.hpp"

#include <imgui.h>

#include <utility>

#include "app/app.hpp"
#include "lending/availability_calendar_view.hpp"
#include "lending/division_loans_view.hpp"
#include "lending/loan_request_form_view.hpp"
#include "lending/loss_report_view.hpp"
#include "lending/my_loans_view.hpp"
#include "lending/request_queue_view.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

using identity::Role;

// True once for the tab a notification asked for.
bool wanted(LendingPage& page, LendingTab tab) {
    if (page.select_tab != tab) return false;
    page.select_tab = LendingTab::none;
    return true;
}

bool tab(const char* label, bool& select) {
    const bool open = ImGui::BeginTabItem(label, nullptr, std::exchange(select, false) ? ImGuiTabItemFlags_SetSelected : 0);
    annotate_last_item("tab", open ? "selected" : "");
    return open;
}

}  // namespace

void draw_lending_page(App& app, calendar::Instant now) {
    auto& page = app.lending_page();
    const auto* user = app.session().user();
    if (user == nullptr) return;
    const auto language = app.preferences().language;
    if (!page.started) {
        page.started = true;
        page.reference.load(app.api());
    }
    if (!ImGui::BeginTabBar("lending_tabs")) return;
    auto shown = LendingTab::none;
    bool never = false;  // tabs no code selects
    if (tab(t("lending_client.tab.request", language), page.select_form)) {
        shown = LendingTab::request;
        draw_loan_request_form(app, now);
        ImGui::EndTabItem();
    }
    bool select_mine = wanted(page, LendingTab::mine);
    if (tab(t("lending_client.tab.mine", language), select_mine)) {
        // Opening the tab reads the list again: a decision may have come meanwhile.
        if (page.shown_tab != LendingTab::mine) page.mine.load(app.api(), user->login);
        shown = LendingTab::mine;
        draw_my_loans(app, now);
        ImGui::EndTabItem();
    }
    bool select_queue = wanted(page, LendingTab::queue);
    if (sees_lending_queue(*user) && tab(t("lending_client.tab.queue", language), select_queue)) {
        if (page.shown_tab != LendingTab::queue) page.queue.load(app.api());
        shown = LendingTab::queue;
        draw_request_queue(app);
        ImGui::EndTabItem();
    }
    if (user->has(Role::manager) && tab(t("lending_client.tab.division", language), never)) {
        if (page.shown_tab != LendingTab::division) page.division.load(app.api());
        shown = LendingTab::division;
        draw_division_loans(app, now);
        ImGui::EndTabItem();
    }
    if (tab(t("lending_client.tab.calendar", language), never)) {
        if (page.shown_tab != LendingTab::calendar) page.calendar.load(app.api());
        shown = LendingTab::calendar;
        draw_availability_calendar(app, now);
        ImGui::EndTabItem();
    }
    if (tab(t("lending_client.tab.loss", language), never)) {
        // The devices to choose from are those of one's loans, read afresh with the reports.
        if (page.shown_tab != LendingTab::loss) {
            page.mine.load(app.api(), user->login);
            page.losses.load(app.api());
        }
        shown = LendingTab::loss;
        draw_loss_report(app, now);
        ImGui::EndTabItem();
    }
    page.shown_tab = shown;
    ImGui::EndTabBar();
}

}  // namespace madoguchi::client

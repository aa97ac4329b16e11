#include "lending/lending_view.hpp"

#include <imgui.h>

#include <utility>

#include "app/app.hpp"
#include "lending/availability_calendar_view.hpp"
#include "lending/division_loans_view.hpp"
#include "lending/kitting_tasks_view.hpp"
#include "lending/loan_request_form_view.hpp"
#include "lending/loss_report_view.hpp"
#include "lending/master_images_view.hpp"
#include "lending/my_loans_view.hpp"
#include "lending/overdue_loans_view.hpp"
#include "lending/request_queue_view.hpp"
#include "lending/return_bookings_view.hpp"
#include "lending/shipments_view.hpp"
#include "lending/stock_report_view.hpp"
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

// The desk's own tabs and those the IT office, auditors and admins may read (as the API lets them).
bool desk(const CurrentUser& user) { return user.has(Role::desk_operator); }
bool overseer(const CurrentUser& user) {
    return desk(user) || user.has(Role::it_office) || user.has(Role::auditor) || user.has(Role::admin);
}

bool tab(const char* label, bool& select) {
    const bool open = ImGui::BeginTabItem(label, nullptr, std::exchange(select, false) ? ImGuiTabItemFlags_SetSelected : 0);
    annotate_last_item("tab", open ? "selected" : "");
    return open;
}

// Each tab reads its data afresh when it is opened, as the tabs above do.
LendingTab draw_desk_tabs(App& app, const CurrentUser& user, i18n::Language language, LendingTab shown,
                          calendar::Instant now) {
    auto& page = app.lending_page();
    bool never = false;
    const auto opened = [&](LendingTab which) { return page.shown_tab != which; };
    if (desk(user) && tab(t("lending_desk.tab.kitting", language), never)) {
        if (opened(LendingTab::kitting)) {
            page.kitting.load(app.api());
            page.masters.load(app.api());
        }
        shown = LendingTab::kitting;
        draw_kitting_tasks(app);
        ImGui::EndTabItem();
    }
    if (overseer(user) && tab(t("lending_desk.tab.masters", language), never)) {
        if (opened(LendingTab::masters)) page.masters.load(app.api());
        shown = LendingTab::masters;
        draw_master_images(app);
        ImGui::EndTabItem();
    }
    const bool reads_overdue = desk(user) || user.has(Role::it_office) || user.has(Role::auditor) || user.has(Role::manager);
    if (reads_overdue && tab(t("lending_desk.tab.overdue", language), never)) {
        if (opened(LendingTab::overdue)) page.overdue.load(app.api());
        shown = LendingTab::overdue;
        draw_overdue_loans(app);
        ImGui::EndTabItem();
    }
    if (overseer(user) && tab(t("lending_desk.tab.return_bookings", language), never)) {
        if (opened(LendingTab::return_bookings)) page.return_bookings.load(app.api(), calendar::to_tokyo(now).date);
        shown = LendingTab::return_bookings;
        draw_return_bookings(app, now);
        ImGui::EndTabItem();
    }
    if (overseer(user) && tab(t("lending_desk.tab.shipments", language), never)) {
        if (opened(LendingTab::shipments)) {
            page.shipments.load(app.api());
            if (desk(user)) page.new_shipment.load(app.api());
        }
        shown = LendingTab::shipments;
        draw_shipments(app);
        ImGui::EndTabItem();
    }
    if (overseer(user) && tab(t("lending_desk.tab.stock", language), never)) {
        if (opened(LendingTab::stock)) page.stock.load(app.api());
        shown = LendingTab::stock;
        draw_stock_report(app);
        ImGui::EndTabItem();
    }
    return shown;
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
        page.shown_tab = LendingTab::none;  // another user: the open tab reads its list again
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
    shown = draw_desk_tabs(app, *user, language, shown, now);
    page.shown_tab = shown;
    ImGui::EndTabBar();
}

}  // namespace madoguchi::client

#pragma once
// The lending area's state: the reference data every tab reads, the staff request form with
// its availability hint, one's own requests, the desk's and managers' queue and the
// availability calendar; the lost/stolen report with one's reports; a manager's division loans;
// the desk's kitting tasks, master images, overdue list, return bookings, shipments and stock.
#include <cstdint>
#include <optional>
#include <string>

#include "lending/availability_calendar.hpp"
#include "lending/availability_hint.hpp"
#include "lending/division_loans.hpp"
#include "lending/kitting_tasks.hpp"
#include "lending/lending_reference.hpp"
#include "lending/loan_request_form.hpp"
#include "lending/loss_report_form.hpp"
#include "lending/loss_reports.hpp"
#include "lending/master_images.hpp"
#include "lending/my_loans.hpp"
#include "lending/overdue_loans.hpp"
#include "lending/request_queue.hpp"
#include "lending/return_bookings.hpp"
#include "lending/shipment_form.hpp"
#include "lending/shipment_list.hpp"
#include "lending/stock_report.hpp"
#include "ui/confirm_dialog.hpp"

namespace madoguchi::client {

enum class LendingTab { none, request, mine, queue, calendar, loss, division, kitting, masters, overdue, return_bookings, shipments,
                        stock };

struct LendingPage {
    LendingPage(DraftStore& drafts, Outbox& outbox, i18n::Language language)
        : form(drafts, outbox, reference),
          queue(language),
          loss(drafts, outbox),
          kitting(language),
          overdue(language),
          shipments(language),
          stock(language) {}

    LendingReference reference;
    LoanRequestForm form;
    AvailabilityHint hint;
    MyLoans mine;
    RequestQueue queue;
    DivisionLoans division;
    AvailabilityCalendar calendar;
    LossReportForm loss;
    LossReports losses;
    std::string loss_incident;  // the security incident opened for the report just sent
    KittingTasks kitting;
    MasterImages masters;
    OverdueLoans overdue;
    ReturnBookingList return_bookings;
    ShipmentList shipments;
    ShipmentForm new_shipment;
    StockReport stock;
    ConfirmDialog desk_confirm;  // the desk tabs' (send a reminder now)
    ConfirmDialog confirm;
    std::optional<std::int64_t> pending_cancel;  // the request the confirm dialog asks about
    bool started = false;
    bool select_form = false;  // a refused request came back: show the form once
    LendingTab shown_tab = LendingTab::none;  // last frame's, so opening a tab reads afresh
    LendingTab select_tab = LendingTab::none;  // a tab to show once (a notification's link)

    // A notification's loan: opened in the queue for those who see it, else in one's loans.
    void focus_loan(std::int64_t id, bool in_queue) {
        if (in_queue) {
            queue.focus(id);
        } else {
            mine.focus(id);
        }
        select_tab = in_queue ? LendingTab::queue : LendingTab::mine;
        shown_tab = LendingTab::none;  // read afresh, also when the tab is already shown
    }
};

}  // namespace madoguchi::client

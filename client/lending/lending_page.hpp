#pragma once
// The lending area's state: the reference data every tab reads, the staff request form with
// its availability hint, one's own requests, the desk's and managers' queue and the
// availability calendar; the desk's kitting tasks, master images, overdue list, shipments and
// stock.
#include <cstdint>
#include <optional>

#include "lending/availability_calendar.hpp"
#include "lending/availability_hint.hpp"
#include "lending/kitting_tasks.hpp"
#include "lending/lending_reference.hpp"
#include "lending/loan_request_form.hpp"
#include "lending/master_images.hpp"
#include "lending/my_loans.hpp"
#include "lending/overdue_loans.hpp"
#include "lending/request_queue.hpp"
#include "lending/shipment_form.hpp"
#include "lending/shipment_list.hpp"
#include "lending/stock_report.hpp"
#include "ui/confirm_dialog.hpp"

namespace madoguchi::client {

enum class LendingTab { none, request, mine, queue, calendar, kitting, masters, overdue, shipments, stock };

struct LendingPage {
    LendingPage(DraftStore& drafts, Outbox& outbox, i18n::Language language)
        : form(drafts, outbox, reference),
          queue(language),
          kitting(language),
          overdue(language),
          shipments(language),
          stock(language) {}

    LendingReference reference;
    LoanRequestForm form;
    AvailabilityHint hint;
    MyLoans mine;
    RequestQueue queue;
    AvailabilityCalendar calendar;
    KittingTasks kitting;
    MasterImages masters;
    OverdueLoans overdue;
    ShipmentList shipments;
    ShipmentForm new_shipment;
    StockReport stock;
    ConfirmDialog desk_confirm;  // the desk tabs' (send a reminder now)
    ConfirmDialog confirm;
    std::optional<std::int64_t> pending_cancel;  // the request the confirm dialog asks about
    bool started = false;
    bool select_form = false;  // a refused request came back: show the form once
    LendingTab shown_tab = LendingTab::none;  // last frame's, so opening a tab reads afresh
};

}  // namespace madoguchi::client

#pragma once
// The lending area's state: the reference data every tab reads, the staff request form with
// its availability hint, one's own requests, the desk's and managers' queue and the
// availability calendar.
#include <cstdint>
#include <optional>

#include "lending/availability_calendar.hpp"
#include "lending/availability_hint.hpp"
#include "lending/lending_reference.hpp"
#include "lending/loan_request_form.hpp"
#include "lending/my_loans.hpp"
#include "lending/request_queue.hpp"
#include "ui/confirm_dialog.hpp"

namespace madoguchi::client {

enum class LendingTab { none, request, mine, queue, calendar };

struct LendingPage {
    LendingPage(DraftStore& drafts, Outbox& outbox, i18n::Language language)
        : form(drafts, outbox, reference), queue(language) {}

    LendingReference reference;
    LoanRequestForm form;
    AvailabilityHint hint;
    MyLoans mine;
    RequestQueue queue;
    AvailabilityCalendar calendar;
    ConfirmDialog confirm;
    std::optional<std::int64_t> pending_cancel;  // the request the confirm dialog asks about
    bool started = false;
    bool select_form = false;  // a refused request came back: show the form once
    LendingTab shown_tab = LendingTab::none;  // last frame's, so opening a tab reads afresh
};

}  // namespace madoguchi::client

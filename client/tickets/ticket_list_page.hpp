#pragma once
// チケット管理 (the desk's tickets) page state: the list with its filter as typed and the
// saved filters, the detail pane of the ticket picked there, the new-ticket form and the
// IT office's approval queue.
#include "tickets/approval_queue.hpp"
#include "tickets/ticket_detail.hpp"
#include "tickets/ticket_form.hpp"
#include "tickets/ticket_list.hpp"
#include "tickets/ticket_list_filters.hpp"

namespace madoguchi::client {

struct TicketDeskPage {
    enum class Tab { list, create, approvals };

    explicit TicketDeskPage(i18n::Language language) : list(language), detail(language), approvals(language) {}

    TicketList list;
    TicketFilter filter;  // as the filter bar holds it, sent by 検索
    SavedFilters saved;
    TicketDetail detail;
    TicketForm form;
    ApprovalQueue approvals;
    Tab tab = Tab::list;
    bool started = false;
    bool form_started = false;
};

}  // namespace madoguchi::client

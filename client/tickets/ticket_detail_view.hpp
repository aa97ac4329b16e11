#pragma once
// The detail pane of チケット管理: header and SLA clock, the moves open to the reader as
// buttons (a comment asked where the move needs one), the edit of assignee, priority and
// category, notes, links and the timeline. `may_change`: the reader may move and note;
// `desk`: also edit and link (the operators and the IT office).
#include "i18n/catalog.hpp"

namespace madoguchi::client {

class App;
class TicketDetail;

struct TicketPermissions {
    bool may_change = false;
    bool desk = false;
};

void draw_ticket_detail(App& app, TicketDetail& detail, const TicketPermissions& permissions, i18n::Language language);

}  // namespace madoguchi::client

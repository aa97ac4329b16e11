#pragma once
// 自分の問い合わせ: the list of one's inquiries (state, last update, a mark on new answers)
// beside the one opened, with its public timeline and the reply box.
#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "tickets/my_tickets.hpp"

namespace madoguchi::client {

void draw_my_tickets(MyTickets& tickets, i18n::Language language, bool wareki);

// "自分の問い合わせ", with the number of new answers when there are any.
std::string my_tickets_tab_label(const MyTickets& tickets, i18n::Language language);

}  // namespace madoguchi::client

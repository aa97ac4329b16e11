#pragma once
// チケット管理, the desk's ticket screens: the list with filters and saved filters beside
// the detail of the ticket picked, the new-ticket form, and the IT office's approval queue.
namespace madoguchi::client {

class App;

void draw_ticket_desk_page(App& app);

}  // namespace madoguchi::client

#pragma once
// The 新規チケット form of チケット管理: kind, the caller (for phone and counter intake),
// title, body, category and priority, with each field's error beneath it.
#include "i18n/catalog.hpp"

namespace madoguchi::client {

class App;
class TicketForm;

void draw_ticket_form(App& app, TicketForm& form, i18n::Language language);

}  // namespace madoguchi::client

#pragma once
// The trends as one CSV for the periodic report: UTF-8 with a byte order mark (Excel on
// Japanese Windows reads it as UTF-8), CRLF, one figure per row so a pivot table can take
// it whole: section, its name, key, the key's name, measure, its name, value. Codes stay
// stable for formulas; names are the catalog's, in the language asked.
#include <string>

#include "i18n/catalog.hpp"
#include "tickets/ticket_trends.hpp"

namespace madoguchi::server::tickets {

std::string trends_csv(const madoguchi::tickets::TicketTrends& trends, i18n::Language language);

}  // namespace madoguchi::server::tickets

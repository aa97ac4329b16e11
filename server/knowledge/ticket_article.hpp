#pragma once
// POST /api/v1/knowledge/articles/from-ticket/{id}: a draft article written from a resolved
// or closed ticket, its title as the question and its last public answer as the answer, for
// the desk to edit before publishing. The article names its ticket (source_ticket_id).
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::knowledge {

void add_ticket_article_route(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::knowledge

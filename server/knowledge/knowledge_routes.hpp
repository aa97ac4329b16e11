#pragma once
// /api/v1/knowledge: articles and their versions, articles from resolved tickets, the staff
// form's suggestions and feedback, the chatbot FAQ's exports and their restore.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::knowledge {

void add_knowledge_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::knowledge

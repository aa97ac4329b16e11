#include "knowledge/knowledge_routes.hpp"

#include "knowledge/article_routes.hpp"
#include "knowledge/deflection_routes.hpp"
#include "knowledge/faq_routes.hpp"
#include "knowledge/ticket_article.hpp"

namespace madoguchi::server::knowledge {

void add_knowledge_routes(http::Router& router, store::SharedDatabase& database) {
    // Before /articles/{id}/…, which would take "from-ticket" for an id.
    add_ticket_article_route(router, database);
    add_article_routes(router, database);
    add_deflection_routes(router, database);
    add_faq_routes(router, database);
}

}  // namespace madoguchi::server::knowledge

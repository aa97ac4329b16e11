#pragma once
// /api/v1/knowledge/articles: the desk's articles listed and searched, read with their
// versions, written, published and unpublished, compared between versions and restored.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::knowledge {

void add_article_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::knowledge

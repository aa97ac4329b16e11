#pragma once
// The chatbot's FAQ file (shared/knowledge/faq_csv.hpp): exported from the published chatbot
// articles, every export kept as a backup version (設定情報バックアップ), listed, downloaded
// again, and restored (バックアップからの復旧).
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::knowledge {

void add_faq_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::knowledge

#pragma once
// /api/v1/inquiries: staff submit 問い合わせ (idempotently, for offline drafts) and the desk
// reads them.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server {

void add_inquiry_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server

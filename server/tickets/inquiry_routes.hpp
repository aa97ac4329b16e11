#pragma once
// /api/v1/inquiries: staff submit 問い合わせ (idempotently, for offline drafts), which become
// tickets of kind inquiry; the lists read those tickets in the form's shape, with what the
// requester needs to follow them (state, last update, last answer).
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server {

void add_inquiry_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server

#pragma once
// Runs a state-changing route so that a repeated request with the same Idempotency-Key gets
// the first answer again instead of a second record. Any POST/PUT/PATCH/DELETE can opt in.
//
// Keys belong to the signed-in user: two users may pick the same key independently.
//
// Order: a malformed key → 400; prepare() may refuse the request (400/422, never kept, so the
// user can fix the draft and resend under the same key); then ONE transaction looks the key
// up and either replays (same method, path and body hash: the kept status and body, plus
// Idempotency-Replayed: true), refuses (another request under that key: 409
// idempotency_key_reused) or runs the write and keeps its answer with it. The write, its
// audit record and the kept answer commit together or not at all.
#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <variant>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::idempotency {

inline constexpr const char* replayed_header = "Idempotency-Replayed";

struct Answer {
    int status = 200;
    nlohmann::json body;
};

// Runs inside the transaction. A 2xx answer is kept under the key; any other answer rolls
// the transaction back and is sent without being kept. An error is a 500 (rolled back).
using Write = std::function<store::Result<Answer>(store::Database&)>;
// Checks the request without the database: a refusal to send as is, or the write to run.
using Prepare = std::function<std::variant<Answer, Write>(const httplib::Request&, const http::RequestContext&)>;

http::RouteHandler idempotent(store::SharedDatabase& database, Prepare prepare);

}  // namespace madoguchi::server::idempotency

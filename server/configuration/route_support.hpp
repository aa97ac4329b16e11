#pragma once
// What the configuration routes share: who reads and who writes, the numeric path segments,
// the item a nested route hangs on, and the audit record of a change.
#include <cstdint>
#include <optional>
#include <string>

#include "configuration/item_store.hpp"
#include "http/router.hpp"
#include "http/transaction_reply.hpp"

namespace madoguchi::server::configuration {

// Readers: the desk, the IT office, auditors, admins and managers (read only); writers: the
// desk, the IT office and admins.
http::Access item_readers();
http::Access item_writers();

// The numeric path segment `name` ("id", "number", …), or empty after the 400 was sent.
std::optional<std::int64_t> number_in_path(const http::RequestContext& context, httplib::Response& response,
                                           const std::string& name);

// The item the route names, or the 404 to answer (inside a transaction).
store::Result<std::variant<ItemRow, http::Reply>> item_or_404(store::Database& database, std::int64_t id);

// One audit record for a change of item `item_id` ("configuration_item" objects).
store::Status record_item_change(store::Database& database, const http::RequestContext& context, std::string action,
                                 std::int64_t item_id, std::optional<nlohmann::json> before,
                                 std::optional<nlohmann::json> after);

}  // namespace madoguchi::server::configuration

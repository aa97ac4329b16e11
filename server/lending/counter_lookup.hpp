#pragma once
// The two things scanned at the counter, looked up: a staff ID card's holder and a device by
// its asset tag. What cannot be found is a clear 404 (unknown_staff_card, unknown_asset_tag)
// naming the field, so nothing changes on a misread.
#include <string>
#include <string_view>
#include <variant>

#include "http/transaction_reply.hpp"
#include "identity/user_store.hpp"
#include "lending/counter_store.hpp"

namespace madoguchi::server::lending {

store::Result<std::variant<identity::UserRecord, http::Reply>> person_by_card(store::Database& database,
                                                                             std::string_view raw,
                                                                             std::string_view field = "card");
store::Result<std::variant<CounterDevice, http::Reply>> device_by_tag(store::Database& database, std::string_view raw,
                                                                     std::string_view field = "tag");

}  // namespace madoguchi::server::lending

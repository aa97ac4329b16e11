#pragma once
// Long reads (exports, trends over a year) off the server's shared connection.
#include <utility>

#include "store/database.hpp"

namespace madoguchi::server::store {

// Runs `read` on a connection of its own inside one read transaction: what it reads is one
// snapshot, and the server's shared connection stays free for other requests meanwhile.
template <typename Read>
auto read_snapshot(SharedDatabase& database, Read&& read) -> decltype(read(std::declval<Database&>())) {
    const auto path = database.use([](Database& connection) { return connection.path(); });
    auto reader = Database::open(path);
    if (!reader) return Error{reader.error()};
    if (auto begun = reader.value().execute("BEGIN"); !begun) return Error{begun.error()};
    auto result = read(reader.value());
    if (auto ended = reader.value().execute("COMMIT"); !ended) return Error{ended.error()};
    return result;
}

}  // namespace madoguchi::server::store

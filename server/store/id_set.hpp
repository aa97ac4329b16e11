#pragma once
// A set of row ids found outside a query's own tables (the matches of a full-text index),
// handed to SQL as one BLOB: bit id % 8 of byte id / 8. The registered function
// in_id_set(id, set) tests one row in constant time, so a query can walk the order it pages
// in, or the index of its other filters, and keep the rows of the set without evaluating the
// full-text search again.
#include <cstdint>
#include <span>
#include <string>

namespace madoguchi::server::store {

// The BLOB for `ids` (positive; a negative id is never in a set).
std::string id_set_blob(std::span<const std::int64_t> ids);
// Whether `id` is in the set `blob` was built from.
bool id_set_contains(std::string_view blob, std::int64_t id);

}  // namespace madoguchi::server::store

#include "store/id_set.hpp"

#include <algorithm>

namespace madoguchi::server::store {

std::string id_set_blob(std::span<const std::int64_t> ids) {
    std::int64_t largest = -1;
    for (const auto id : ids) largest = std::max(largest, id);
    std::string blob(static_cast<std::size_t>(largest / 8 + 1), '\0');
    for (const auto id : ids) {
        if (id < 0) continue;
        blob[static_cast<std::size_t>(id / 8)] = static_cast<char>(blob[static_cast<std::size_t>(id / 8)] | (1 << (id % 8)));
    }
    return blob;
}

bool id_set_contains(std::string_view blob, std::int64_t id) {
    if (id < 0 || static_cast<std::uint64_t>(id / 8) >= blob.size()) return false;
    return (static_cast<unsigned char>(blob[static_cast<std::size_t>(id / 8)]) >> (id % 8)) & 1;
}

}  // namespace madoguchi::server::store

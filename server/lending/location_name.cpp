#include "lending/location_name.hpp"

namespace madoguchi::server::lending {

store::Result<std::optional<std::string>> location_name(store::Database& database, std::int64_t id) {
    auto select = database.prepare("SELECT trim(building || ' ' || floor || ' ' || room) FROM locations WHERE id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto step = select.value().step();
    if (!step) return store::Error{step.error()};
    if (!step.value()) return std::optional<std::string>();
    return std::optional<std::string>(select.value().column_text(0));
}

}  // namespace madoguchi::server::lending

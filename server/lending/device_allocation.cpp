#include "lending/device_allocation.hpp"

#include "lending/kitting_store.hpp"
#include "lending/ledger_moves.hpp"

namespace madoguchi::server::lending {

using madoguchi::inventory::AssetState;

store::Status reserve_device(store::Database& database, const LoanRequestRow& row, std::int64_t device_id,
                             const audit::Actor& actor) {
    if (auto allocated = allocate(database, row.id, device_id); !allocated) return allocated;
    if (auto moved = move_device(database, device_id, AssetState::reserved, row.number, actor); !moved) return moved;
    // Each device is kitted for this loan before the counter may hand it over.
    if (auto task = insert_kitting_task(database, device_id, row.id, calendar::now()); !task) {
        return store::Error{task.error()};
    }
    return store::success();
}

store::Status release_devices(store::Database& database, const LoanRequestRow& row, const audit::Actor& actor) {
    if (auto dropped = cancel_kitting_tasks(database, row.id); !dropped) return dropped;
    auto released = release(database, row.id);
    if (!released) return store::Error{released.error()};
    for (const auto device : released.value()) {
        auto kept = still_allocated(database, device);
        if (!kept) return store::Error{kept.error()};
        if (kept.value()) continue;
        if (auto moved = move_device(database, device, AssetState::in_stock, row.number, actor); !moved) return moved;
    }
    return store::success();
}

}  // namespace madoguchi::server::lending

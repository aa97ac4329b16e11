#include "placement/demo_requests.hpp"

#include <array>

#include "placement/placement_store.hpp"

namespace madoguchi::server::placement {
namespace {

namespace domain = madoguchi::placement;

struct DemoRequest {
    RequestKind kind;
    const char* requester;  // a demo manager (identity/demo_organisation.cpp)
    const char* division;
    const char* class_code;
    RequestState state;
    int ticked;             // checklist items done, from the first
    const char* reason;
    const char* state_reason;
};

// Completed and rejected requests leave the ledger as it is: the completed one is a move to
// where the device already stands (it was moved before the demo's day).
constexpr std::array<DemoRequest, 6> demo{{
    {RequestKind::move, "watanabe.takeshi", "MIN-SOM", "mfp", RequestState::submitted, 0,
     "総務課の執務室を10階から11階へ移転するため、複合機1台の移設を申請します。", ""},
    {RequestKind::install, "yamamoto.naoko", "JPO-SHI", "floor_printer_colour", RequestState::accepted, 1,
     "審査資料のカラー印刷が増えたため、フロアプリンタ（カラー）1台の追加を申請します。", ""},
    {RequestKind::move, "yamamoto.naoko", "JPO-SHI", "mfp", RequestState::with_vendor, 2,
     "レイアウト変更に伴い、複合機を窓際から通路側へ移設します。", ""},
    {RequestKind::remove, "watanabe.takeshi", "MIN-SOM", "floor_printer_mono", RequestState::vendor_done, 2,
     "会議室への転用に伴い、フロアプリンタ（モノクロ）を撤去します。", ""},
    {RequestKind::move, "watanabe.takeshi", "MIN-SOM", "mfp", RequestState::completed, 4,
     "書庫の整理に伴う複合機の移設。", ""},
    {RequestKind::install, "watanabe.takeshi", "MIN-SOM", "mfp", RequestState::rejected, 0,
     "来客対応用に複合機をもう1台追加したい。", "同じフロアの複合機の利用率が低いため、追加は見送りとします。"},
}};

// The id (and location) of the n-th installed device of the class in the division, skipping
// those already taken by an open demo request; 0 when there is none.
store::Result<std::pair<std::int64_t, std::int64_t>> pick_device(store::Database& database, const DemoRequest& request) {
    auto select = database.prepare(
        "SELECT d.id, coalesce(d.location_id, 0) FROM devices d WHERE d.class = ?1 AND d.state = 'installed' AND "
        "d.division_code = ?2 AND NOT EXISTS (SELECT 1 FROM placement_requests r WHERE r.device_id = d.id) "
        "ORDER BY d.id LIMIT 1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, request.class_code).bind(2, request.division);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::pair<std::int64_t, std::int64_t>{0, 0};
    return std::pair{select.value().column_int(0), select.value().column_int(1)};
}

// Another location than `not_this`, the same for every run.
store::Result<std::int64_t> pick_location(store::Database& database, std::int64_t not_this) {
    auto select = database.prepare("SELECT id FROM locations WHERE id <> ?1 ORDER BY id LIMIT 1 OFFSET 3");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, not_this);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    return row.value() ? select.value().column_int(0) : std::int64_t{0};
}

store::Result<std::int64_t> pick_model(store::Database& database, const char* class_code) {
    auto select = database.prepare("SELECT id FROM device_models WHERE class = ?1 ORDER BY id LIMIT 1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, class_code);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    return row.value() ? select.value().column_int(0) : std::int64_t{0};
}

store::Status finish(store::Database& database, std::int64_t id, const DemoRequest& request) {
    auto update = database.prepare(
        "UPDATE placement_requests SET state = ?1, state_reason = ?2, vendor_company = ?3, version = ?4 WHERE id = ?5");
    if (!update) return store::Error{update.error()};
    const bool handed = request.state == RequestState::with_vendor || request.state == RequestState::vendor_done ||
                        request.state == RequestState::completed;
    update.value().bind(1, domain::state_name(request.state)).bind(2, request.state_reason)
        .bind(3, handed ? "リコージャパン株式会社" : "").bind(4, std::int64_t{1 + request.ticked}).bind(5, id);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    auto tick = database.prepare(
        "UPDATE placement_checklist SET done = 1, done_by = 'nakamura.daisuke', done_at = (SELECT updated_at FROM "
        "placement_requests WHERE id = ?1) WHERE request_id = ?1 AND position < ?2");
    if (!tick) return store::Error{tick.error()};
    tick.value().bind(1, id).bind(2, std::int64_t{request.ticked});
    if (auto done = tick.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace

store::Result<std::int64_t> seed_demo_requests(store::Database& database, const audit::Actor& actor) {
    std::int64_t made = 0;
    const auto now = calendar::now();
    const auto desired = calendar::add_days(calendar::to_tokyo(now).date, 14);
    for (const auto& request : demo) {
        NewRequest fresh;
        auto& f = fresh.fields;
        f.kind = request.kind;
        f.class_code = request.class_code;
        f.division_code = request.division;
        f.desired_date = desired;
        f.reason = request.reason;
        fresh.requester_login = request.requester;
        fresh.requester_division = request.division;
        if (request.kind == RequestKind::install) {
            auto model = pick_model(database, request.class_code);
            if (!model) return store::Error{model.error()};
            auto location = pick_location(database, 0);
            if (!location) return store::Error{location.error()};
            f.model_id = model.value();
            f.location_id = location.value();
        } else {
            auto device = pick_device(database, request);
            if (!device) return store::Error{device.error()};
            if (device.value().first == 0) continue;
            f.device_id = device.value().first;
            if (request.kind == RequestKind::move) {
                auto location = request.state == RequestState::completed
                                    ? store::Result<std::int64_t>(device.value().second)
                                    : pick_location(database, device.value().second);
                if (!location) return store::Error{location.error()};
                f.location_id = location.value();
            }
        }
        auto id = insert_request(database, fresh, now);
        if (!id) return store::Error{id.error()};
        if (auto done = finish(database, id.value(), request); !done) return store::Error{done.error()};
        const RequestEvent event{request.requester, "submitted", RequestState::submitted, "", ""};
        if (auto added = add_event(database, id.value(), event, now); !added) return store::Error{added.error()};
        auto stored = find_request(database, id.value());
        if (!stored) return store::Error{stored.error()};
        const audit::AuditEntry entry{actor, "placement.submitted", "placement_request", std::to_string(id.value()),
                                      std::nullopt, to_json(*stored.value())};
        if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
        ++made;
    }
    return made;
}

}  // namespace madoguchi::server::placement

#include "lending/kitting_store.hpp"

#include <array>

#include "inventory/device_class.hpp"
#include "inventory/device_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using nlohmann::json;

constexpr std::array<std::string_view, 3> state_names{"open", "done", "cancelled"};

constexpr std::string_view select_tasks =
    "SELECT k.id, k.device_id, d.asset_tag, k.request_id, coalesce(r.number, ''), k.class, k.checklist, k.progress, "
    "k.master_image_version, k.state, k.version, k.created_at, k.done_at "
    "FROM kitting_tasks k JOIN devices d ON d.id = k.device_id LEFT JOIN loan_requests r ON r.id = k.request_id";

json checklist_json(const std::vector<domain::KittingItemSpec>& checklist) {
    auto items = json::array();
    for (const auto& item : checklist) {
        items.push_back({{"key", item.key},
                         {"label_key", item.label_key},
                         {"step", domain::step_name(item.step)},
                         {"required", item.required},
                         {"accessory", item.accessory}});
    }
    return items;
}

std::vector<domain::KittingItemSpec> checklist_of(const std::string& text) {
    std::vector<domain::KittingItemSpec> checklist;
    const auto items = json::parse(text, nullptr, false);
    if (!items.is_array()) return checklist;
    for (const auto& item : items) {
        const auto step = domain::parse_step(item.value("step", ""));
        if (!step) continue;
        checklist.push_back({item.value("key", ""), item.value("label_key", ""), *step, item.value("required", true),
                             item.value("accessory", "")});
    }
    return checklist;
}

json progress_json(const std::vector<madoguchi::placement::ChecklistItem>& progress) {
    auto items = json::array();
    for (const auto& item : progress) items.push_back(madoguchi::placement::to_json(item));
    return items;
}

std::vector<madoguchi::placement::ChecklistItem> progress_of(const std::string& text) {
    std::vector<madoguchi::placement::ChecklistItem> progress;
    const auto items = json::parse(text, nullptr, false);
    if (!items.is_array()) return progress;
    for (const auto& item : items) {
        if (auto parsed = madoguchi::placement::checklist_item_from_json(item)) progress.push_back(std::move(*parsed));
    }
    return progress;
}

KittingTaskRow read_row(const store::Statement& s) {
    KittingTaskRow row;
    row.id = s.column_int(0);
    row.device_id = s.column_int(1);
    row.asset_tag = s.column_text(2);
    if (!s.column_is_null(3)) row.request_id = s.column_int(3);
    row.request_number = s.column_text(4);
    row.task.class_code = s.column_text(5);
    row.task.checklist = checklist_of(s.column_text(6));
    row.task.progress = progress_of(s.column_text(7));
    if (!s.column_is_null(8)) row.task.master_image_version = static_cast<int>(s.column_int(8));
    row.state = parse_kitting_state(s.column_text(9)).value_or(KittingState::open);
    row.version = s.column_int(10);
    row.created_at = s.column_text(11);
    row.done_at = s.column_text(12);
    return row;
}

store::Result<std::vector<KittingTaskRow>> collect(store::Statement& select) {
    std::vector<KittingTaskRow> rows;
    while (true) {
        auto step = select.step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return rows;
        rows.push_back(read_row(select));
    }
}

}  // namespace

std::string_view kitting_state_name(KittingState state) { return state_names[static_cast<std::size_t>(state)]; }

std::optional<KittingState> parse_kitting_state(std::string_view name) {
    for (std::size_t index = 0; index < state_names.size(); ++index) {
        if (state_names[index] == name) return static_cast<KittingState>(index);
    }
    return std::nullopt;
}

json to_json(const KittingTaskRow& row) {
    auto items = json::array();
    for (std::size_t index = 0; index < row.task.checklist.size(); ++index) {
        const auto& spec = row.task.checklist[index];
        json item{{"key", spec.key},
                  {"label_key", spec.label_key},
                  {"step", domain::step_name(spec.step)},
                  {"required", spec.required},
                  {"accessory", spec.accessory}};
        if (index < row.task.progress.size()) item.update(madoguchi::placement::to_json(row.task.progress[index]));
        items.push_back(std::move(item));
    }
    return {{"id", row.id},
            {"device_id", row.device_id},
            {"asset_tag", row.asset_tag},
            {"kind", row.request_id ? "loan" : "rekitting"},
            {"request_id", row.request_id ? json(*row.request_id) : json()},
            {"request_number", row.request_number},
            {"class", row.task.class_code},
            {"state", kitting_state_name(row.state)},
            {"items", items},
            {"open_items", domain::open_required_items(row.task)},
            {"master_image_version", row.task.master_image_version ? json(*row.task.master_image_version) : json()},
            {"complete", domain::kitting_complete(row.task)},
            {"version", row.version},
            {"created_at", row.created_at},
            {"done_at", row.done_at}};
}

store::Result<std::int64_t> insert_kitting_task(store::Database& database, std::int64_t device_id,
                                                std::optional<std::int64_t> request_id, calendar::Instant now) {
    auto device = inventory::find_device(database, device_id);
    if (!device) return store::Error{device.error()};
    if (!device.value()) return store::Error{"device " + std::to_string(device_id) + " is gone"};
    const auto& fields = device.value()->asset.fields;
    const auto* device_class = madoguchi::inventory::find_device_class(fields.class_code);
    if (!device_class) return store::Error{"device " + fields.asset_tag + " has no known class"};
    const auto task = domain::new_kitting_task(*device_class, fields.accessories);
    auto insert = database.prepare(
        "INSERT INTO kitting_tasks (device_id, request_id, class, checklist, progress, state, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, device_id);
    if (request_id) insert.value().bind(2, *request_id);
    insert.value()
        .bind(3, task.class_code)
        .bind(4, checklist_json(task.checklist).dump())
        .bind(5, progress_json(task.progress).dump())
        .bind(6, calendar::format_iso8601_utc(now));
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return database.last_insert_id();
}

store::Result<std::optional<KittingTaskRow>> find_kitting_task(store::Database& database, std::int64_t id) {
    auto select = database.prepare(std::string(select_tasks) + " WHERE k.id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto rows = collect(select.value());
    if (!rows) return store::Error{rows.error()};
    if (rows.value().empty()) return std::optional<KittingTaskRow>();
    return std::optional<KittingTaskRow>(std::move(rows.value().front()));
}

store::Result<std::vector<KittingTaskRow>> list_kitting_tasks(store::Database& database,
                                                              std::optional<KittingState> state) {
    auto select = database.prepare(std::string(select_tasks) + " WHERE ?1 IS NULL OR k.state = ?1 ORDER BY k.id");
    if (!select) return store::Error{select.error()};
    if (state) select.value().bind(1, kitting_state_name(*state));
    return collect(select.value());
}

store::Result<bool> save_kitting_task(store::Database& database, const KittingTaskRow& row,
                                      const madoguchi::lending::KittingTask& task, KittingState state,
                                      calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE kitting_tasks SET progress = ?1, master_image_version = ?2, state = ?3, done_at = ?4, "
        "version = version + 1 WHERE id = ?5 AND version = ?6");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, progress_json(task.progress).dump());
    if (task.master_image_version) update.value().bind(2, std::int64_t{*task.master_image_version});
    update.value()
        .bind(3, kitting_state_name(state))
        .bind(4, state == KittingState::done ? calendar::format_iso8601_utc(now) : std::string())
        .bind(5, row.id)
        .bind(6, row.version);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

store::Status cancel_kitting_tasks(store::Database& database, std::int64_t request_id) {
    auto update = database.prepare(
        "UPDATE kitting_tasks SET state = 'cancelled', version = version + 1 WHERE request_id = ?1 AND state = 'open'");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, request_id);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Status cancel_kitting_task(store::Database& database, std::int64_t request_id, std::int64_t device_id) {
    auto update = database.prepare(
        "UPDATE kitting_tasks SET state = 'cancelled', version = version + 1 WHERE request_id = ?1 AND device_id = ?2 "
        "AND state = 'open'");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, request_id).bind(2, device_id);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace madoguchi::server::lending

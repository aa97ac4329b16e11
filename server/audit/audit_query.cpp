#include "audit/audit_query.hpp"

#include "calendar/tokyo_time.hpp"
#include "store/conditions.hpp"

namespace madoguchi::server::audit {
namespace {

// occurred_at is stored as "YYYY-MM-DDTHH:MM:SSZ", so text order is time order and a Tokyo
// day is a half-open range of UTC strings: [its midnight, the next midnight).
std::string tokyo_midnight_utc(const calendar::Date& date) {
    return calendar::format_iso8601_utc(calendar::from_tokyo(date, 0));
}

// The first id stamped at or after `at` (one past the newest when none is). While stamps
// grow with ids, ids bisect by time: about twenty primary-key lookups for a million records,
// where a time index would cost every write.
store::Result<std::int64_t> first_id_from(store::Database& database, const std::string& at) {
    auto newest = database.query_int("SELECT coalesce(max(id), 0) FROM audit_log");
    if (!newest) return store::Error{newest.error()};
    auto probe = database.prepare("SELECT occurred_at FROM audit_log WHERE id >= ?1 ORDER BY id LIMIT 1");
    if (!probe) return store::Error{probe.error()};
    std::int64_t low = 1;
    std::int64_t high = *newest.value() + 1;
    while (low < high) {
        const auto middle = low + (high - low) / 2;
        probe.value().reset();
        probe.value().bind(1, middle);
        auto row = probe.value().step();
        if (!row) return store::Error{row.error()};
        if (row.value() && probe.value().column_text(0) < at) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

// Whether some record was stamped earlier than the one before it (audit_log.cpp): ids then
// no longer bisect by time.
store::Result<bool> clock_was_set_back(store::Database& database) {
    auto steps = database.query_int("SELECT EXISTS (SELECT 1 FROM audit_clock_steps)");
    if (!steps) return store::Error{steps.error()};
    return steps.value().value_or(0) != 0;
}

store::Result<store::Conditions> conditions_of(store::Database& database, const RecordFilter& filter) {
    store::Conditions conditions;
    auto set_back = clock_was_set_back(database);
    if (!set_back) return store::Error{set_back.error()};
    if (set_back.value()) {
        if (filter.days.from) conditions.add("occurred_at >= ?", tokyo_midnight_utc(*filter.days.from));
        if (filter.days.to) conditions.add("occurred_at < ?", tokyo_midnight_utc(calendar::add_days(*filter.days.to, 1)));
    } else {
        // Days become an id range (numbers written into the SQL): a primary-key range SQLite
        // seeks to, instead of a scan of the whole trail.
        if (filter.days.from) {
            auto first = first_id_from(database, tokyo_midnight_utc(*filter.days.from));
            if (!first) return store::Error{first.error()};
            conditions.add_sql(std::string("id >= ").append(std::to_string(first.value())));
        }
        if (filter.days.to) {
            auto after = first_id_from(database, tokyo_midnight_utc(calendar::add_days(*filter.days.to, 1)));
            if (!after) return store::Error{after.error()};
            conditions.add_sql(std::string("id < ").append(std::to_string(after.value())));
        }
    }
    if (!filter.actor.empty()) conditions.add("actor = ?", filter.actor);
    if (filter.action.ends_with('.')) {
        // substr() rather than LIKE: '%' and '_' in the prefix stay literal.
        conditions.add("substr(action, 1, " + std::to_string(filter.action.size()) + ") = ?", filter.action);
    } else if (!filter.action.empty()) {
        conditions.add("action = ?", filter.action);
    }
    if (!filter.object_type.empty()) conditions.add("object_type = ?", filter.object_type);
    if (!filter.object_id.empty()) conditions.add("object_id = ?", filter.object_id);
    return conditions;
}

store::Result<std::vector<StoredRecord>> read_all(store::Statement& statement) {
    std::vector<StoredRecord> records;
    while (true) {
        auto row = statement.step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return records;
        records.push_back(read_record(statement));
    }
}

}  // namespace

store::Result<RecordPage> find_records(store::Database& database, const RecordFilter& filter) {
    auto found = conditions_of(database, filter);
    if (!found) return store::Error{found.error()};
    const auto& conditions = found.value();
    auto count = database.prepare("SELECT count(*) FROM audit_log" + conditions.sql());
    if (!count) return store::Error{count.error()};
    conditions.bind(count.value());
    auto counted = count.value().step();
    if (!counted) return store::Error{counted.error()};
    RecordPage page;
    page.total = count.value().column_int(0);

    const auto parameters = conditions.parameter_count();
    auto select = database.prepare(std::string(select_records) + conditions.sql() +
                                   " ORDER BY id DESC LIMIT ?" + std::to_string(parameters + 1) + " OFFSET ?" +
                                   std::to_string(parameters + 2));
    if (!select) return store::Error{select.error()};
    conditions.bind(select.value());
    select.value().bind(parameters + 1, filter.limit).bind(parameters + 2, filter.offset);
    auto records = read_all(select.value());
    if (!records) return store::Error{records.error()};
    page.records = std::move(records.value());
    return page;
}

store::Result<std::vector<StoredRecord>> records_between(store::Database& database, const calendar::Date& from,
                                                         const calendar::Date& to) {
    RecordFilter filter;
    filter.days = {from, to};
    auto found = conditions_of(database, filter);
    if (!found) return store::Error{found.error()};
    const auto& conditions = found.value();
    auto select = database.prepare(std::string(select_records) + conditions.sql() +
                                   " ORDER BY id");
    if (!select) return store::Error{select.error()};
    conditions.bind(select.value());
    return read_all(select.value());
}

}  // namespace madoguchi::server::audit

#include "audit/audit_query.hpp"

#include "calendar/tokyo_time.hpp"

namespace madoguchi::server::audit {
namespace {

// occurred_at is stored as "YYYY-MM-DDTHH:MM:SSZ", so text order is time order and a Tokyo
// day is a half-open range of UTC strings: [its midnight, the next midnight).
std::string tokyo_midnight_utc(const calendar::Date& date) {
    return calendar::format_iso8601_utc(calendar::from_tokyo(date, 0));
}

// A WHERE clause over numbered parameters, with the values to bind in order.
struct Conditions {
    std::string sql;
    std::vector<std::string> values;

    void add(const std::string& condition, std::string value) {
        values.push_back(std::move(value));
        sql += sql.empty() ? " WHERE " : " AND ";
        sql += condition;
        sql += '?';
        sql += std::to_string(values.size());
    }
};

Conditions conditions_of(const RecordFilter& filter) {
    Conditions conditions;
    if (filter.days.from) conditions.add("occurred_at >= ", tokyo_midnight_utc(*filter.days.from));
    if (filter.days.to) conditions.add("occurred_at < ", tokyo_midnight_utc(calendar::add_days(*filter.days.to, 1)));
    if (!filter.actor.empty()) conditions.add("actor = ", filter.actor);
    if (filter.action.ends_with('.')) {
        // substr() rather than LIKE: '%' and '_' in the prefix stay literal.
        conditions.add("substr(action, 1, " + std::to_string(filter.action.size()) + ") = ", filter.action);
    } else if (!filter.action.empty()) {
        conditions.add("action = ", filter.action);
    }
    if (!filter.object_type.empty()) conditions.add("object_type = ", filter.object_type);
    if (!filter.object_id.empty()) conditions.add("object_id = ", filter.object_id);
    return conditions;
}

void bind_all(store::Statement& statement, const Conditions& conditions) {
    for (std::size_t index = 0; index < conditions.values.size(); ++index) {
        statement.bind(static_cast<int>(index + 1), conditions.values[index]);
    }
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
    const auto conditions = conditions_of(filter);
    auto count = database.prepare("SELECT count(*) FROM audit_log" + conditions.sql);
    if (!count) return store::Error{count.error()};
    bind_all(count.value(), conditions);
    auto counted = count.value().step();
    if (!counted) return store::Error{counted.error()};
    RecordPage page;
    page.total = count.value().column_int(0);

    const auto parameters = static_cast<int>(conditions.values.size());
    auto select = database.prepare(std::string(select_records) + conditions.sql +
                                   " ORDER BY id DESC LIMIT ?" + std::to_string(parameters + 1) + " OFFSET ?" +
                                   std::to_string(parameters + 2));
    if (!select) return store::Error{select.error()};
    bind_all(select.value(), conditions);
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
    const auto conditions = conditions_of(filter);
    auto select = database.prepare(std::string(select_records) + conditions.sql +
                                   " ORDER BY id");
    if (!select) return store::Error{select.error()};
    bind_all(select.value(), conditions);
    return read_all(select.value());
}

}  // namespace madoguchi::server::audit

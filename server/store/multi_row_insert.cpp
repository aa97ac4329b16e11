#include "store/multi_row_insert.hpp"

#include <string>

namespace madoguchi::server::store {
namespace {

std::string insert_sql(std::string_view table, const std::vector<std::string_view>& columns, std::size_t rows) {
    std::string sql = "INSERT INTO ";
    sql.append(table).append(" (");
    std::string row = "(";
    for (std::size_t column = 0; column < columns.size(); ++column) {
        if (column > 0) {
            sql += ", ";
            row += ", ";
        }
        sql.append(columns[column]);
        row += '?';
    }
    sql += ") VALUES ";
    row += ')';
    for (std::size_t index = 0; index < rows; ++index) {
        if (index > 0) sql += ", ";
        sql += row;
    }
    return sql;
}

}  // namespace

Status insert_rows(Database& database, std::string_view table, const std::vector<std::string_view>& columns,
                   std::size_t count, const std::function<void(std::size_t, RowBinder&)>& bind_row) {
    const auto width = static_cast<int>(columns.size());
    const auto write = [&](std::size_t first, std::size_t rows) -> Status {
        // Prepared once per import: the statement cache keeps both sizes.
        auto statement = database.prepare(insert_sql(table, columns, rows));
        if (!statement) return Error{statement.error()};
        for (; first + rows <= count; first += rows) {
            for (std::size_t row = 0; row < rows; ++row) {
                RowBinder binder(statement.value(), static_cast<int>(row) * width);
                bind_row(first + row, binder);
            }
            if (auto inserted = statement.value().step(); !inserted) return Error{inserted.error()};
            statement.value().reset();
        }
        return success();
    };
    const auto full = count / rows_per_insert * rows_per_insert;
    if (full > 0) {
        if (auto written = write(0, rows_per_insert); !written) return written;
    }
    // The rest one row to a statement: a statement of every shorter size would crowd the cache.
    if (full < count) return write(full, 1);
    return success();
}

}  // namespace madoguchi::server::store

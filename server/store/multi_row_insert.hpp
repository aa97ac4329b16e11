#pragma once
// Many rows into one table, several to a statement (INSERT … VALUES (…), (…), …): SQLite's
// work per statement (running the program's start and end, opening and closing a cursor on
// the table and each index) is then shared by the rows, which matters to a bulk write such
// as a 40,000-row ledger import. Inside the caller's transaction.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace madoguchi::server::store {

// Rows per statement: past a few dozen the gain flattens while the SQL text grows.
inline constexpr std::size_t rows_per_insert = 64;

// One row's place in a statement of several rows. Columns are 1-based, in the order they
// were named; a column left unbound is NULL.
class RowBinder {
public:
    RowBinder(Statement& statement, int offset) : statement_(&statement), offset_(offset) {}

    RowBinder& bind(int column, std::string_view text) {
        statement_->bind(offset_ + column, text);
        return *this;
    }
    RowBinder& bind(int column, std::int64_t number) {
        statement_->bind(offset_ + column, number);
        return *this;
    }

private:
    Statement* statement_;
    int offset_;
};

// Inserts `count` rows into `table`; bind_row(index, row) binds the values of row `index`
// (0 … count-1), in that order. Stops at the first failing statement.
Status insert_rows(Database& database, std::string_view table, const std::vector<std::string_view>& columns,
                   std::size_t count, const std::function<void(std::size_t, RowBinder&)>& bind_row);

}  // namespace madoguchi::server::store

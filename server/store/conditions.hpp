#pragma once
// A WHERE clause built from optional filters: each condition with "?" where its text value
// goes, the values bound as numbered parameters in order. Numbers the server computed itself
// (an id bound) go into the SQL as they are, so SQLite sees a range it can seek to.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace madoguchi::server::store {

class Conditions {
public:
    // `condition` holds "?" once or more where `value` goes: "d.state = ?".
    void add(std::string_view condition, std::string value);
    // The same with a BLOB value: "in_id_set(t.id, ?)".
    void add_blob(std::string_view condition, std::string bytes);
    // A condition without parameters: "id >= 1200".
    void add_sql(std::string_view condition);

    // " WHERE … AND …", or empty when nothing was added.
    const std::string& sql() const { return sql_; }
    // The number of values, so that a query can number its own parameters after them.
    int parameter_count() const { return static_cast<int>(values_.size()); }
    void bind(Statement& statement) const;

private:
    struct Value {
        std::string bytes;
        bool blob = false;
    };
    void add_value(std::string_view condition, Value value);
    void open_condition();

    std::string sql_;
    std::vector<Value> values_;
};

}  // namespace madoguchi::server::store

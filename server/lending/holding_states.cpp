#include "lending/holding_states.hpp"

#include "lending/loan_request.hpp"

namespace madoguchi::server::lending {
namespace {

std::string list_of(bool (*included)(madoguchi::lending::RequestState)) {
    std::string sql = "(";
    for (const auto state : madoguchi::lending::request_states()) {
        if (!included(state)) continue;
        if (sql.size() > 1) sql += ", ";
        sql += '\'';
        sql += madoguchi::lending::state_name(state);
        sql += '\'';
    }
    sql += ')';
    return sql;
}

}  // namespace

const std::string& holding_states_sql() {
    static const std::string sql = list_of(madoguchi::lending::holds_devices);
    return sql;
}

const std::string& limit_states_sql() {
    static const std::string sql = list_of(madoguchi::lending::counts_towards_limit);
    return sql;
}

}  // namespace madoguchi::server::lending

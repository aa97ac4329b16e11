#include "store/conditions.hpp"

namespace madoguchi::server::store {

void Conditions::open_condition() { sql_ += sql_.empty() ? " WHERE " : " AND "; }

void Conditions::add(std::string_view condition, std::string value) {
    values_.push_back(std::move(value));
    std::string parameter = "?";
    parameter += std::to_string(values_.size());
    open_condition();
    for (const char c : condition) {
        if (c == '?') {
            sql_ += parameter;
        } else {
            sql_ += c;
        }
    }
}

void Conditions::add_sql(std::string_view condition) {
    open_condition();
    sql_ += condition;
}

void Conditions::bind(Statement& statement) const {
    for (std::size_t index = 0; index < values_.size(); ++index) statement.bind(static_cast<int>(index + 1), values_[index]);
}

}  // namespace madoguchi::server::store

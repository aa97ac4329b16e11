#include "store/conditions.hpp"

namespace madoguchi::server::store {

void Conditions::open_condition() { sql_ += sql_.empty() ? " WHERE " : " AND "; }

void Conditions::add(std::string_view condition, std::string value) { add_value(condition, {std::move(value), false}); }

void Conditions::add_blob(std::string_view condition, std::string bytes) { add_value(condition, {std::move(bytes), true}); }

void Conditions::add_value(std::string_view condition, Value value) {
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
    for (std::size_t index = 0; index < values_.size(); ++index) {
        const auto& value = values_[index];
        const int parameter = static_cast<int>(index + 1);
        if (value.blob) {
            statement.bind_blob(parameter, value.bytes);
        } else {
            statement.bind(parameter, value.bytes);
        }
    }
}

}  // namespace madoguchi::server::store

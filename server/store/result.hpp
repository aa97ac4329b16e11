#pragma once
// Errors are values at the store boundary: a Result holds either the value or a message for
// the operator (naming the file and what SQLite said), never an exception.
#include <string>
#include <utility>
#include <variant>

namespace madoguchi::server::store {

struct Error {
    std::string message;
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() { return std::get<T>(state_); }
    const T& value() const { return std::get<T>(state_); }
    const std::string& error() const { return std::get<Error>(state_).message; }

private:
    std::variant<T, Error> state_;
};

// A Result without a value: success or an error message.
using Status = Result<std::monostate>;
inline Status success() { return std::monostate{}; }

}  // namespace madoguchi::server::store

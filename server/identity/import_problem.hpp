#pragma once
// One problem an import found, reported to the operator as "line N: field: message".
#include <cstddef>
#include <string>

namespace madoguchi::server::identity {

struct ImportProblem {
    std::size_t line = 0;
    std::string field;    // a column name, or "csv" / "header" / "record"
    std::string message;  // English
};

}  // namespace madoguchi::server::identity

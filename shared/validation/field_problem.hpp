#pragma once
// One field's problem, found by shared validation and shown the same way by server and client.
#include <string>

namespace madoguchi::validation {

struct FieldProblem {
    std::string field;       // the JSON name: "requester_name", "login", …
    std::string reason_key;  // a catalog key "field.<reason>"
    friend bool operator==(const FieldProblem&, const FieldProblem&) = default;
};

}  // namespace madoguchi::validation

#include "inventory/location.hpp"

#include "validation/text_rules.hpp"

namespace madoguchi::inventory {

std::vector<validation::FieldProblem> validate(const Location& location) {
    std::vector<validation::FieldProblem> problems;
    const auto check = [&](const char* field, const std::string& value, std::size_t limit, bool required) {
        if (auto problem = validation::text_problem(value, limit, required); !problem.empty()) problems.push_back({field, problem});
    };
    check("building", location.building, 100, true);
    check("floor", location.floor, 20, false);
    check("room", location.room, 100, false);
    if (!location.room.empty() && location.floor.empty()) problems.push_back({"floor", "field.room_without_floor"});
    return problems;
}

std::string display_name(const Location& location) {
    std::string name = location.building;
    for (const auto* part : {&location.floor, &location.room}) {
        if (part->empty()) continue;
        name += ' ';
        name += *part;
    }
    return name;
}

}  // namespace madoguchi::inventory

#include "inventory/device_model.hpp"

#include "inventory/device_class.hpp"
#include "inventory/ledger_cells.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::inventory {

std::vector<validation::FieldProblem> validate(const DeviceModel& model) {
    std::vector<validation::FieldProblem> problems;
    if (auto problem = validation::text_problem(model.maker, 100, true); !problem.empty()) problems.push_back({"maker", problem});
    if (auto problem = validation::text_problem(model.name, 100, true); !problem.empty()) problems.push_back({"name", problem});
    if (model.class_code.empty()) {
        problems.push_back({"class", "field.required"});
    } else if (find_device_class(model.class_code) == nullptr) {
        problems.push_back({"class", "field.unknown_class"});
    }
    for (const auto& consumable : model.consumables) {
        if (!validation::text_problem(consumable, 100, true).empty()) {
            problems.push_back({"consumables", "field.invalid_consumable"});
            break;
        }
        // The models' CSV joins consumables with ';' and the import splits at any separator.
        if (has_list_separator(consumable)) {
            problems.push_back({"consumables", "field.consumable_separator"});
            break;
        }
    }
    return problems;
}

}  // namespace madoguchi::inventory

#include "inventory/catalog_import.hpp"

#include <map>
#include <set>

#include "inventory/ledger_cells.hpp"

namespace madoguchi::inventory {
namespace {

std::string cell_or_empty(const LedgerSheet& sheet, const text::CsvRecord& row, std::string_view key) {
    const auto* value = sheet.cell(row, key);
    return value ? *value : std::string();
}

void add_problem(std::vector<ImportProblem>& problems, const LedgerSheet& sheet, const text::CsvRecord& row,
                 std::string_view key, std::string reason_key) {
    problems.push_back({row.line, sheet.header_of(key), cell_or_empty(sheet, row, key), std::move(reason_key)});
}

// validate()'s field names are the sheet's column keys for models and locations.
void add_problems(std::vector<ImportProblem>& problems, const LedgerSheet& sheet, const text::CsvRecord& row,
                  const std::vector<validation::FieldProblem>& found) {
    for (const auto& problem : found) add_problem(problems, sheet, row, problem.field, problem.reason_key);
}

// The three parts, as the store tells locations apart.
std::string location_key(const Location& location) {
    return location.building + '\n' + location.floor + '\n' + location.room;
}

}  // namespace

CatalogImportPlan<PlannedModel> plan_model_import(const LedgerSheet& sheet, std::span<const DeviceModel> stored) {
    CatalogImportPlan<PlannedModel> plan;
    plan.problems = sheet.problems;
    std::map<std::pair<std::string, std::string>, const DeviceModel*> by_name;
    for (const auto& model : stored) by_name.emplace(std::pair(model.maker, model.name), &model);
    std::set<std::pair<std::string, std::string>> in_file;
    for (const auto& row : sheet.rows) {
        const auto before = plan.problems.size();
        PlannedModel planned{row.line, ImportAction::create, {}};
        auto& model = planned.model;
        model.maker = cell_or_empty(sheet, row, "maker");
        model.name = cell_or_empty(sheet, row, "name");
        const auto& class_cell = *sheet.cell(row, "class");
        model.class_code = class_code_of_cell(class_cell);
        if (!class_cell.empty() && model.class_code.empty()) model.class_code = class_cell;
        model.consumables = list_of_cell(cell_or_empty(sheet, row, "consumables"));
        add_problems(plan.problems, sheet, row, validate(model));
        if (plan.problems.size() > before) continue;
        if (!in_file.emplace(model.maker, model.name).second) {
            add_problem(plan.problems, sheet, row, "name", "import.duplicate_in_file");
            continue;
        }
        if (const auto found = by_name.find({model.maker, model.name}); found != by_name.end()) {
            const auto& existing = *found->second;
            if (existing.class_code != model.class_code) {
                add_problem(plan.problems, sheet, row, "class", "import.model_class_change");
                continue;
            }
            model.id = existing.id;
            // Consumables come from the file only when it has the column.
            if (sheet.cell(row, "consumables") == nullptr) model.consumables = existing.consumables;
            planned.action = model == existing ? ImportAction::unchanged : ImportAction::update;
        }
        plan.rows.push_back(std::move(planned));
    }
    sort_problems(plan.problems);
    return plan;
}

CatalogImportPlan<PlannedLocation> plan_location_import(const LedgerSheet& sheet, std::span<const Location> stored) {
    CatalogImportPlan<PlannedLocation> plan;
    plan.problems = sheet.problems;
    std::map<std::string, std::int64_t> by_name;
    for (const auto& location : stored) by_name.emplace(location_key(location), location.id);
    std::set<std::string> in_file;
    for (const auto& row : sheet.rows) {
        const auto before = plan.problems.size();
        PlannedLocation planned{row.line, ImportAction::create, {}};
        auto& location = planned.location;
        location.building = cell_or_empty(sheet, row, "building");
        location.floor = cell_or_empty(sheet, row, "floor");
        location.room = cell_or_empty(sheet, row, "room");
        add_problems(plan.problems, sheet, row, validate(location));
        if (plan.problems.size() > before) continue;
        const auto name = location_key(location);
        if (!in_file.insert(name).second) {
            add_problem(plan.problems, sheet, row, "building", "import.duplicate_in_file");
            continue;
        }
        if (const auto found = by_name.find(name); found != by_name.end()) {
            location.id = found->second;
            planned.action = ImportAction::unchanged;
        }
        plan.rows.push_back(std::move(planned));
    }
    sort_problems(plan.problems);
    return plan;
}

}  // namespace madoguchi::inventory

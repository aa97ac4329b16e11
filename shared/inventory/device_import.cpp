#include "inventory/device_import.hpp"

#include <algorithm>

#include "identity/user.hpp"
#include "inventory/ledger_cells.hpp"

namespace madoguchi::inventory {
namespace {

// The sheet's column a field problem of validate() belongs to.
std::string_view column_of_field(std::string_view field) {
    if (field == "custodian_login") return "custodian";
    if (field == "model_id") return "model";
    if (field == "location_id") return "location";
    if (field == "division_code") return "division";
    return field;
}

// One row read onto `fields` (a stored device's, or empty for a new one).
class RowReader {
public:
    RowReader(const LedgerSheet& sheet, const text::CsvRecord& row, std::vector<ImportProblem>& problems)
        : sheet_(sheet), row_(row), problems_(problems), problems_before_(problems.size()) {}

    const std::string* cell(std::string_view key) const { return sheet_.cell(row_, key); }
    void problem(std::string_view key, std::string reason_key) {
        const auto* value = cell(key);
        problems_.push_back({row_.line, sheet_.header_of(key), value ? *value : std::string(), std::move(reason_key)});
    }
    bool failed() const { return problems_.size() > problems_before_; }

    void text(std::string_view key, std::string& field) {
        if (const auto* value = cell(key)) field = *value;
    }
    void date(std::string_view key, std::optional<calendar::Date>& field) {
        const auto* value = cell(key);
        if (value == nullptr) return;
        field = value->empty() ? std::nullopt : date_of_cell(*value);
        if (!value->empty() && !field) problem(key, "field.invalid_date");
    }

private:
    const LedgerSheet& sheet_;
    const text::CsvRecord& row_;
    std::vector<ImportProblem>& problems_;
    std::size_t problems_before_;
};

void read_references(RowReader& reader, const LedgerIndex& references, AssetFields& fields) {
    if (const auto* name = reader.cell("model")) {
        if (name->empty()) {
            fields.model_id = 0;
        } else {
            const auto* maker = reader.cell("maker");
            const auto match = references.model(maker ? *maker : std::string(), *name);
            if (match.match == LedgerIndex::Match::found) {
                fields.model_id = match.model->id;
                // A file without classes takes each device's class from its model.
                if (fields.class_code.empty()) fields.class_code = match.model->class_code;
                if (match.model->class_code != fields.class_code) reader.problem("model", "field.model_of_other_class");
            } else {
                reader.problem("model", match.match == LedgerIndex::Match::ambiguous ? "import.ambiguous_model"
                                                                                      : "field.unknown_model");
            }
        }
    }
    if (const auto* name = reader.cell("location")) {
        fields.location_id = name->empty() ? 0 : references.location_id(*name);
        if (!name->empty() && fields.location_id == 0) reader.problem("location", "field.unknown_location");
    }
    if (const auto* code = reader.cell("division")) {
        fields.division_code = *code;
        if (!code->empty() && !references.has_division(*code)) reader.problem("division", "field.unknown_division");
    }
    if (const auto* login = reader.cell("custodian")) {
        fields.custodian_login = login->empty() ? std::string() : madoguchi::identity::normalise_login(*login);
        if (!login->empty() && !references.has_login(fields.custodian_login)) reader.problem("custodian", "field.unknown_user");
    }
}

void read_fields(RowReader& reader, const LedgerIndex& references, AssetFields& fields) {
    reader.text("asset_tag", fields.asset_tag);
    reader.text("serial", fields.serial);
    if (const auto* cell = reader.cell("class")) {
        fields.class_code = class_code_of_cell(*cell);
        if (!cell->empty() && fields.class_code.empty()) reader.problem("class", "field.unknown_class");
    }
    read_references(reader, references, fields);
    if (const auto* cell = reader.cell("accessories")) {
        fields.accessories.clear();
        for (const auto& item : list_of_cell(*cell)) fields.accessories.push_back(accessory_of_item(item));
    }
    reader.text("network_address", fields.network_address);
    reader.text("snmp_profile", fields.snmp_profile);
    reader.text("toner_delivery_address", fields.toner_delivery_address);
    reader.text("toner_contact", fields.toner_contact);
    reader.date("contract_start", fields.contract_start);
    reader.date("contract_end", fields.contract_end);
    reader.text("notes", fields.notes);
}

// A new device's state: in stock unless the file says otherwise, and one its class allows.
AssetState state_of(RowReader& reader, const AssetFields& fields) {
    const auto* cell = reader.cell("state");
    if (cell == nullptr || cell->empty()) return AssetState::in_stock;
    const auto state = state_of_cell(*cell);
    if (!state) {
        reader.problem("state", "field.unknown_state");
        return AssetState::in_stock;
    }
    const auto* device_class = find_device_class(fields.class_code);
    if (device_class != nullptr && !state_allowed(device_class->placement, *state)) {
        reader.problem("state", std::string(refusal_key(TransitionRefusal::not_for_placement)));
    }
    return *state;
}

}  // namespace

std::string_view action_name(ImportAction action) {
    switch (action) {
        case ImportAction::create: return "create";
        case ImportAction::update: return "update";
        case ImportAction::unchanged: return "unchanged";
    }
    return "";
}

std::size_t DeviceImportPlan::count(ImportAction action) const {
    return static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [action](const PlannedDevice& row) { return row.action == action; }));
}

DeviceImportPlan plan_device_import(const LedgerSheet& sheet, const LedgerIndex& references,
                                    const std::unordered_map<std::string, Asset>& stored_by_tag) {
    DeviceImportPlan plan;
    plan.problems = sheet.problems;
    plan.rows.reserve(sheet.rows.size());
    std::unordered_map<std::string, std::size_t> line_of_tag;
    line_of_tag.reserve(sheet.rows.size());
    for (const auto& row : sheet.rows) {
        RowReader reader(sheet, row, plan.problems);
        const auto& tag = *reader.cell("asset_tag");
        if (!tag.empty() && !line_of_tag.emplace(tag, row.line).second) {
            reader.problem("asset_tag", "import.duplicate_tag_in_file");
            continue;
        }
        PlannedDevice planned{row.line, ImportAction::create, {}, AssetState::in_stock, nullptr};
        if (const auto found = stored_by_tag.find(tag); found != stored_by_tag.end()) {
            planned.stored = &found->second;
            planned.fields = found->second.fields;
            planned.state = found->second.state;
        }
        read_fields(reader, references, planned.fields);
        if (planned.stored == nullptr) planned.state = state_of(reader, planned.fields);
        for (const auto& problem : validate(planned.fields)) {
            // One problem per cell: a reference already refused is not refused again.
            // A class left to come from a model that was not found is that model's problem.
            const auto key = column_of_field(problem.field);
            const auto header = sheet.header_of(key);
            const auto model_header = sheet.header_of("model");
            const bool from_model = key == "class" && reader.cell("class") == nullptr;
            bool told = false;
            for (auto p = plan.problems.rbegin(); p != plan.problems.rend() && p->line == row.line; ++p) {
                told = told || p->column == header || (from_model && p->column == model_header);
            }
            if (!told) reader.problem(key, problem.reason_key);
        }
        if (reader.failed()) continue;
        if (planned.stored != nullptr) {
            planned.action = planned.fields == planned.stored->fields ? ImportAction::unchanged : ImportAction::update;
        }
        plan.rows.push_back(std::move(planned));
    }
    sort_problems(plan.problems);
    return plan;
}

}  // namespace madoguchi::inventory

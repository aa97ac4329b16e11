#include "inventory/ledger_import.hpp"

#include "i18n/catalog.hpp"
#include "inventory/catalog_import.hpp"
#include "inventory/catalog_store.hpp"
#include "inventory/device_import.hpp"
#include "inventory/import_store.hpp"

namespace madoguchi::server::inventory {
namespace {

namespace domain = madoguchi::inventory;
using domain::ImportAction;

template <typename Plan>
void count(ImportOutcome& outcome, const Plan& plan) {
    outcome.creates = plan.count(ImportAction::create);
    outcome.updates = plan.count(ImportAction::update);
    outcome.unchanged = plan.count(ImportAction::unchanged);
    outcome.problems = plan.problems;
}

nlohmann::json preview_of(const domain::PlannedDevice& row, const LedgerSnapshot& snapshot) {
    const auto shown = snapshot.row_of(row, row.stored ? row.stored->id : 0, 0, "");
    return {{"line", row.line},
            {"action", domain::action_name(row.action)},
            {"asset_tag", row.fields.asset_tag},
            {"class", row.fields.class_code},
            {"model_name", shown.model_name},
            {"location_name", shown.location_name},
            {"division_code", row.fields.division_code},
            {"custodian_login", row.fields.custodian_login},
            {"state", domain::state_name(row.state)}};
}

nlohmann::json preview_of(const domain::PlannedModel& row) {
    return {{"line", row.line},        {"action", domain::action_name(row.action)}, {"maker", row.model.maker},
            {"name", row.model.name}, {"class", row.model.class_code},              {"consumables", row.model.consumables}};
}

nlohmann::json preview_of(const domain::PlannedLocation& row) {
    return {{"line", row.line},
            {"action", domain::action_name(row.action)},
            {"building", row.location.building},
            {"floor", row.location.floor},
            {"room", row.location.room},
            {"name", domain::display_name(row.location)}};
}

template <typename Rows, typename Preview>
void add_preview(ImportOutcome& outcome, const Rows& rows, const Preview& preview) {
    for (std::size_t index = 0; index < rows.size() && index < import_preview_rows; ++index) {
        outcome.preview.push_back(preview(rows[index]));
    }
}

store::Result<ImportOutcome> import_devices(store::Database& database, const domain::LedgerSheet& sheet, bool commit,
                                            const audit::Actor& actor) {
    auto snapshot = read_ledger_snapshot(database);
    if (!snapshot) return store::Error{snapshot.error()};
    const auto plan = domain::plan_device_import(sheet, *snapshot.value().references, snapshot.value().by_tag);
    ImportOutcome outcome;
    count(outcome, plan);
    add_preview(outcome, plan.rows, [&](const domain::PlannedDevice& row) { return preview_of(row, snapshot.value()); });
    if (!commit || !plan.problems.empty()) return outcome;
    if (auto written = write_device_import(database, plan, snapshot.value(), actor); !written) {
        return store::Error{written.error()};
    }
    outcome.written = true;
    return outcome;
}

store::Result<ImportOutcome> import_models(store::Database& database, const domain::LedgerSheet& sheet, bool commit,
                                           const audit::Actor& actor) {
    auto stored = list_models(database);
    if (!stored) return store::Error{stored.error()};
    const auto plan = domain::plan_model_import(sheet, stored.value());
    ImportOutcome outcome;
    count(outcome, plan);
    add_preview(outcome, plan.rows, [](const domain::PlannedModel& row) { return preview_of(row); });
    if (!commit || !plan.problems.empty()) return outcome;
    if (auto written = write_model_import(database, plan, actor); !written) return store::Error{written.error()};
    outcome.written = true;
    return outcome;
}

store::Result<ImportOutcome> import_locations(store::Database& database, const domain::LedgerSheet& sheet, bool commit,
                                              const audit::Actor& actor) {
    auto stored = list_locations(database);
    if (!stored) return store::Error{stored.error()};
    const auto plan = domain::plan_location_import(sheet, stored.value());
    ImportOutcome outcome;
    count(outcome, plan);
    add_preview(outcome, plan.rows, [](const domain::PlannedLocation& row) { return preview_of(row); });
    if (!commit || !plan.problems.empty()) return outcome;
    if (auto written = write_location_import(database, plan, actor); !written) return store::Error{written.error()};
    outcome.written = true;
    return outcome;
}

}  // namespace

store::Result<ImportOutcome> run_ledger_import(store::Database& database, domain::LedgerTable table,
                                               std::string_view utf8_text, bool commit, const audit::Actor& actor,
                                               std::string_view source) {
    const auto sheet = domain::read_ledger_sheet(table, utf8_text);
    store::Result<ImportOutcome> outcome = ImportOutcome{};
    switch (table) {
        case domain::LedgerTable::devices: outcome = import_devices(database, sheet, commit, actor); break;
        case domain::LedgerTable::device_models: outcome = import_models(database, sheet, commit, actor); break;
        case domain::LedgerTable::locations: outcome = import_locations(database, sheet, commit, actor); break;
    }
    if (!outcome || !outcome.value().written) return outcome;
    const auto& done = outcome.value();
    const nlohmann::json summary{{"table", source},
                                 {"creates", done.creates},
                                 {"updates", done.updates},
                                 {"unchanged", done.unchanged},
                                 {"rows", sheet.rows.size()}};
    if (auto recorded = audit::record(database, {actor, "ledger.imported", "ledger_import", std::string(source),
                                                 std::nullopt, summary});
        !recorded) {
        return store::Error{recorded.error()};
    }
    return outcome;
}

nlohmann::json to_json(const domain::ImportProblem& problem) {
    const auto texts = i18n::texts(problem.reason_key);
    return {{"line", problem.line},       {"column", problem.column}, {"value", problem.value},
            {"code", problem.reason_key}, {"message", texts.en},      {"message_ja", texts.ja}};
}

nlohmann::json to_json(const ImportOutcome& outcome) {
    auto errors = nlohmann::json::array();
    for (const auto& problem : outcome.problems) errors.push_back(to_json(problem));
    return {{"creates", outcome.creates},
            {"updates", outcome.updates},
            {"unchanged", outcome.unchanged},
            {"errors", errors},
            {"preview", outcome.preview}};
}

}  // namespace madoguchi::server::inventory

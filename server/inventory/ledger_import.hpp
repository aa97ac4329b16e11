#pragma once
// A ledger import from a decoded file to its answer: plan it against the database (a dry run
// stops there) or, without problems, write it with one summary audit record besides the
// records of each created or changed row. The caller provides the transaction.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "inventory/ledger_columns.hpp"
#include "inventory/ledger_sheet.hpp"
#include "store/database.hpp"

namespace madoguchi::server::inventory {

// The preview lists this many planned rows at most.
inline constexpr std::size_t import_preview_rows = 200;

struct ImportOutcome {
    std::size_t creates = 0;
    std::size_t updates = 0;
    std::size_t unchanged = 0;
    std::vector<madoguchi::inventory::ImportProblem> problems;
    nlohmann::json preview = nlohmann::json::array();  // {"line","action",…the row's values}
    bool written = false;
};

// `source` names the table in the summary record ("devices", "device-models", "locations").
store::Result<ImportOutcome> run_ledger_import(store::Database& database, madoguchi::inventory::LedgerTable table,
                                               std::string_view utf8_text, bool commit, const audit::Actor& actor,
                                               std::string_view source);

// {"line","column","value","code","message","message_ja"}
nlohmann::json to_json(const madoguchi::inventory::ImportProblem& problem);
// {"creates","updates","unchanged","errors","preview"}
nlohmann::json to_json(const ImportOutcome& outcome);

}  // namespace madoguchi::server::inventory

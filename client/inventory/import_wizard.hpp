#pragma once
// 取り込み (import) wizard of 台帳: choose the table (機器・機種・設置場所), pick a CSV, see the
// server's dry run (counts, the planned rows, every row's problem with line, column and
// value), then commit it: POST /api/v1/imports/{table}?dry_run=1, then dry_run=0 with the
// same bytes. A file with any problem cannot be committed; the server would refuse it too.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"
#include "inventory/ledger_columns.hpp"
#include "ui/progress.hpp"

namespace madoguchi::client {

// "devices", "device-models", "locations": the path segment of the table.
std::string_view import_table_path(inventory::LedgerTable table);
// "/api/v1/imports/devices?dry_run=1"
std::string import_path(inventory::LedgerTable table, bool commit);

struct ImportProblemRow {
    std::size_t line = 0;
    std::string column;
    std::string value;
    std::string message_ja;
    std::string message_en;
    const std::string& message(i18n::Language language) const {
        return language == i18n::Language::ja && !message_ja.empty() ? message_ja : message_en;
    }
};

// One planned row of the preview: its line, what happens to it, and its values in the
// table's columns (preview_columns()).
struct ImportPreviewRow {
    std::size_t line = 0;
    std::string action;  // "create", "update", "unchanged"
    std::vector<std::string> values;
};

struct ImportCheck {
    std::size_t creates = 0;
    std::size_t updates = 0;
    std::size_t unchanged = 0;
    std::vector<ImportProblemRow> problems;
    std::vector<ImportPreviewRow> preview;
};

// The preview's columns for a table: {answer member, catalog key of its heading}.
struct PreviewColumn {
    std::string_view member;
    std::string_view label_key;
};
std::vector<PreviewColumn> preview_columns(inventory::LedgerTable table);

// A preview cell as people read it: a class or state by its name in `language`, other values as sent.
std::string preview_cell_text(std::string_view member, const std::string& value, i18n::Language language);

// The dry run's answer (a 200, or a commit's 422 with the same lists); empty when it is not one.
std::optional<ImportCheck> read_import_check(const std::string& body, inventory::LedgerTable table);

class ImportWizard {
public:
    enum class Step { choose_table, checking, checked, committing, failed };

    void open();
    void close() { open_ = false; }
    bool is_open() const { return open_; }
    Step step() const { return step_; }

    void choose_table(inventory::LedgerTable table);
    inventory::LedgerTable table() const { return table_; }

    // A file the user picked: its dry run goes out at once.
    void check_file(ApiClient& api, std::string name, std::string bytes);
    const std::string& file_name() const { return file_name_; }
    // Sends the same bytes with dry_run=0; false when a commit is not possible now.
    bool commit(ApiClient& api);
    // Only a checked file without problems that changes something can be committed.
    bool can_commit() const;
    bool busy() const { return step_ == Step::checking || step_ == Step::committing; }
    // Runs while the server checks or writes the file (its time is not known: a spinner).
    const ProgressModel& progress() const { return progress_; }

    // The answers; public for tests with fixtures.
    void accept_check(const ApiResult& result);
    void accept_commit(const ApiResult& result);

    const ImportCheck& check() const { return check_; }
    // Why the last request failed (not the file's problems); empty when it did not.
    std::string failure(i18n::Language language) const;
    // Once after a commit was written: the ledger reloads and a toast says so.
    std::optional<ImportCheck> take_committed();

private:
    bool open_ = false;
    Step step_ = Step::choose_table;
    inventory::LedgerTable table_ = inventory::LedgerTable::devices;
    std::string file_name_;
    std::string bytes_;
    ImportCheck check_;
    std::optional<api::ApiError> failure_;
    std::optional<ImportCheck> committed_;
    ProgressModel progress_;
    std::uint64_t generation_ = 0;  // answers of an earlier file are dropped
};

}  // namespace madoguchi::client

#include "inventory/import_wizard.hpp"

#include <utility>

#include "api/form_errors.hpp"

namespace madoguchi::client {
namespace {

using inventory::LedgerTable;

std::string text_of(const nlohmann::json& object, const char* member) {
    const auto found = object.find(member);
    if (found == object.end()) return {};
    if (found->is_string()) return found->get<std::string>();
    if (found->is_array()) {
        // A list (consumables) is shown as the desk types it.
        std::string joined;
        for (const auto& item : *found) {
            if (!item.is_string()) continue;
            if (!joined.empty()) joined += "; ";
            joined += item.get<std::string>();
        }
        return joined;
    }
    return found->is_null() ? std::string() : found->dump();
}

std::size_t count_of(const nlohmann::json& object, const char* member) {
    const auto found = object.find(member);
    return found != object.end() && found->is_number_unsigned() ? found->get<std::size_t>() : 0;
}

}  // namespace

std::string_view import_table_path(LedgerTable table) {
    switch (table) {
        case LedgerTable::devices: return "devices";
        case LedgerTable::device_models: return "device-models";
        case LedgerTable::locations: return "locations";
    }
    return "devices";
}

std::string import_path(LedgerTable table, bool commit) {
    return std::string("/api/v1/imports/").append(import_table_path(table)).append(commit ? "?dry_run=0" : "?dry_run=1");
}

std::vector<PreviewColumn> preview_columns(LedgerTable table) {
    switch (table) {
        case LedgerTable::devices:
            return {{"asset_tag", "inventory.column.tag"},     {"class", "inventory.column.class"},
                    {"model_name", "inventory.column.model"},  {"state", "inventory.column.state"},
                    {"location_name", "inventory.column.location"}, {"division_code", "inventory.column.division"},
                    {"custodian_login", "inventory.column.custodian"}};
        case LedgerTable::device_models:
            return {{"maker", "import.column.maker"}, {"name", "import.column.model_name"},
                    {"class", "inventory.column.class"}, {"consumables", "import.column.consumables"}};
        case LedgerTable::locations:
            return {{"building", "import.column.building"}, {"floor", "import.column.floor"}, {"room", "import.column.room"}};
    }
    return {};
}

std::string preview_cell_text(std::string_view member, const std::string& value, i18n::Language language) {
    std::string key;
    if (member == "class") key = "inventory.class." + value;
    if (member == "state") key = "inventory.state." + value;
    return !value.empty() && !key.empty() && i18n::has_key(key) ? i18n::text(key, language) : value;
}

std::optional<ImportCheck> read_import_check(const std::string& body, LedgerTable table) {
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object() || !json.contains("errors") || !json["errors"].is_array()) return std::nullopt;
    ImportCheck check;
    check.creates = count_of(json, "creates");
    check.updates = count_of(json, "updates");
    check.unchanged = count_of(json, "unchanged");
    for (const auto& error : json["errors"]) {
        if (!error.is_object()) continue;
        check.problems.push_back({count_of(error, "line"), text_of(error, "column"), text_of(error, "value"),
                                  text_of(error, "message_ja"), text_of(error, "message")});
    }
    const auto columns = preview_columns(table);
    for (const auto& row : json.value("preview", nlohmann::json::array())) {
        if (!row.is_object()) continue;
        ImportPreviewRow preview{count_of(row, "line"), text_of(row, "action"), {}};
        for (const auto& column : columns) preview.values.push_back(text_of(row, std::string(column.member).c_str()));
        check.preview.push_back(std::move(preview));
    }
    return check;
}

void ImportWizard::open() {
    open_ = true;
    step_ = Step::choose_table;
    progress_ = {};
    file_name_.clear();
    bytes_.clear();
    check_ = {};
    failure_.reset();
    ++generation_;
}

void ImportWizard::choose_table(LedgerTable table) {
    if (busy()) return;
    table_ = table;
    step_ = Step::choose_table;
    check_ = {};
    failure_.reset();
    ++generation_;
}

void ImportWizard::check_file(ApiClient& api, std::string name, std::string bytes) {
    file_name_ = std::move(name);
    bytes_ = std::move(bytes);
    check_ = {};
    failure_.reset();
    step_ = Step::checking;
    progress_.start();
    const auto generation = ++generation_;
    api.send({"POST", import_path(table_, false), bytes_, {{"Content-Type", "text/csv"}}},
             [this, generation](const ApiResult& result) {
                 if (generation == generation_) accept_check(result);
             });
}

bool ImportWizard::can_commit() const {
    return step_ == Step::checked && check_.problems.empty() && check_.creates + check_.updates > 0;
}

bool ImportWizard::commit(ApiClient& api) {
    if (!can_commit()) return false;
    step_ = Step::committing;
    progress_.start();
    const auto generation = ++generation_;
    api.send({"POST", import_path(table_, true), bytes_, {{"Content-Type", "text/csv"}}},
             [this, generation](const ApiResult& result) {
                 if (generation == generation_) accept_commit(result);
             });
    return true;
}

void ImportWizard::accept_check(const ApiResult& result) {
    progress_.finish();
    auto check = result.ok() ? read_import_check(result.body, table_) : std::nullopt;
    if (!check) {
        failure_ = result.error;
        step_ = Step::failed;
        return;
    }
    check_ = std::move(*check);
    step_ = Step::checked;
}

void ImportWizard::accept_commit(const ApiResult& result) {
    progress_.finish();
    if (result.ok()) {
        if (auto done = read_import_check(result.body, table_)) committed_ = std::move(*done);
        open_ = false;
        step_ = Step::choose_table;
        bytes_.clear();
        return;
    }
    // A 422 lists the problems found now (the ledger changed since the dry run): shown as one.
    if (auto check = read_import_check(result.body, table_); result.status == 422 && check) {
        check_ = std::move(*check);
        step_ = Step::checked;
        return;
    }
    failure_ = result.error;
    step_ = Step::failed;
}

std::string ImportWizard::failure(i18n::Language language) const {
    return failure_ ? error_text(*failure_, language) : std::string();
}

std::optional<ImportCheck> ImportWizard::take_committed() { return std::exchange(committed_, std::nullopt); }

}  // namespace madoguchi::client

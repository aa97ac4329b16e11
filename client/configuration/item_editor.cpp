#include "configuration/item_editor.hpp"

#include <tuple>

namespace madoguchi::client {

nlohmann::json item_changes(const configuration::ItemFields& before, const configuration::ItemFields& after) {
    auto body = nlohmann::json::object();
    if (before.kind != after.kind) body["kind"] = configuration::kind_name(after.kind);
    for (const auto& [name, old_value, new_value] :
         {std::tuple{"name", &before.name, &after.name}, std::tuple{"description", &before.description, &after.description},
          std::tuple{"owner_division", &before.owner_division, &after.owner_division},
          std::tuple{"vendor", &before.vendor, &after.vendor},
          std::tuple{"product_version", &before.product_version, &after.product_version}}) {
        if (*old_value != *new_value) body[name] = *new_value;
    }
    return body;
}

void ItemEditor::open(const ItemEntry& entry) {
    if (!entry_ || entry_->item.id != entry.item.id) stale_ = false;
    entry_ = entry;
    values_ = entry.item.fields;
    errors_.clear();
}

bool ItemEditor::save(ApiClient& api) {
    if (!entry_ || busy_) return false;
    errors_.clear();
    stale_ = false;
    for (const auto& problem : configuration::validate(values_)) errors_.add_local(problem.field, problem.reason_key);
    if (!errors_.empty()) return false;
    auto body = item_changes(entry_->item.fields, values_);
    if (body.empty()) return false;
    body["version"] = entry_->item.version;
    busy_ = true;
    const auto id = entry_->item.id;
    api.send({"PATCH", item_path(id), body.dump(), {}}, [this, id](const ApiResult& result) {
        if (!entry_ || entry_->item.id != id) {  // another item was opened meanwhile
            busy_ = false;
            return;
        }
        accept(result);
    });
    return true;
}

void ItemEditor::accept(const ApiResult& result) {
    busy_ = false;
    if (result.ok()) {
        if (auto entry = answered_item(result.body)) {
            open(*entry);
            updated_ = std::move(*entry);
            saved_ = true;
        }
        return;
    }
    if (result.status == 409 && result.error.code == "stale_version") {
        if (auto current = answered_item(result.body)) {
            open(*current);
            updated_ = std::move(*current);
            stale_ = true;
            return;
        }
    }
    errors_.add_result(result);
}

}  // namespace madoguchi::client

#include "configuration/item_pane.hpp"

namespace madoguchi::client {

bool may_edit_configuration(std::span<const identity::Role> roles) {
    using identity::Role;
    const std::vector<Role> writers{Role::desk_operator, Role::it_office, Role::admin};
    return identity::has_any_role(roles, writers);
}

void ItemPane::follow(ApiClient& api, const ItemEntry* current) {
    const auto id = current != nullptr ? current->item.id : 0;
    if (id == item_id_) return;
    if (current == nullptr) return close();
    item_id_ = id;
    editor.open(*current);
    licence.load(api, id);
    settings.load(api, id);
    documents.load(api, id);
}

void ItemPane::close() {
    item_id_ = 0;
    editor.close();
    licence.clear();
    settings.clear();
    documents.clear();
}

PaneChanges ItemPane::settle(ItemList& list) {
    PaneChanges changes;
    if (auto updated = editor.take_updated()) list.replace(*updated);
    changes.saved = editor.take_saved();
    changes.uploaded = documents.take_uploaded();
    const auto* current = list.current();
    if (current == nullptr || current->item.id != item_id_) return changes;
    if (auto usage = licence.take_changed_usage()) {
        auto entry = *current;
        entry.usage = usage;
        list.replace(entry);
    }
    if (auto written = settings.take_written()) {
        auto entry = *list.current();
        entry.settings_version = *written;
        list.replace(entry);
        changes.settings_written = true;
    }
    return changes;
}

void ItemPane::set_language(i18n::Language language) {
    licence.set_language(language);
    settings.set_language(language);
    documents.set_language(language);
}

}  // namespace madoguchi::client

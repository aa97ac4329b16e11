#pragma once
// 構成管理's detail pane for the item on the list's current row: the 概要 form, the licence,
// the settings history and the documents, loaded when the item is opened and kept in step
// with the list — what a tab changes shows in the item's row at once.
#include <cstdint>
#include <span>

#include "configuration/document_list.hpp"
#include "configuration/item_editor.hpp"
#include "configuration/item_list.hpp"
#include "configuration/licence_panel.hpp"
#include "configuration/settings_history.hpp"
#include "identity/role.hpp"

namespace madoguchi::client {

struct PaneChanges {
    bool saved = false;           // the 概要 form was saved
    bool settings_written = false;  // a settings change or restore was made
    bool uploaded = false;          // a document or a version was stored
};

class ItemPane {
public:
    explicit ItemPane(i18n::Language language) : licence(language), settings(language), documents(language) {}

    // Follows the list's current row: opening an item loads its tabs.
    void follow(ApiClient& api, const ItemEntry* current);
    // Hands what the tabs answered to the list; once per frame.
    PaneChanges settle(ItemList& list);
    void set_language(i18n::Language language);
    // Nothing open: the next follow() loads afresh (another user signed in).
    void close();

    std::int64_t item_id() const { return item_id_; }

    ItemEditor editor;
    LicencePanel licence;
    SettingsHistory settings;
    DocumentList documents;

private:
    std::int64_t item_id_ = 0;
};

// Whether these roles may change configuration items (the desk, the IT office, admins).
bool may_edit_configuration(std::span<const identity::Role> roles);

}  // namespace madoguchi::client

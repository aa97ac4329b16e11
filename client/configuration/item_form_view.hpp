#pragma once
// The 概要 tab: the edit form with inline errors and the stale-version notice for writers,
// the fields as text for readers.
#include "i18n/catalog.hpp"

namespace madoguchi::client {

class App;
class ItemPane;

void draw_item_overview(App& app, ItemPane& pane, bool may_edit, i18n::Language language);

}  // namespace madoguchi::client

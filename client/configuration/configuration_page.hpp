#pragma once
// 構成管理's page state: the list of configuration items and the detail pane of the one
// picked there.
#include "configuration/item_list.hpp"
#include "configuration/item_pane.hpp"

namespace madoguchi::client {

struct ConfigurationPage {
    explicit ConfigurationPage(i18n::Language language) : list(language), pane(language) {}

    ItemList list;
    ItemPane pane;
    bool started = false;
};

}  // namespace madoguchi::client

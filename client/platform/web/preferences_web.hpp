#pragma once
// The user's display preferences kept in the browser's localStorage, so a reload keeps them.
#include "app/app.hpp"

namespace madoguchi::client {

Preferences load_preferences();
void save_preferences(const Preferences& preferences);

}  // namespace madoguchi::client

#pragma once
// The ライセンス tab: the seat usage bar (in the alert colour with a warning when the
// assignments exceed the seats), the assignments, and for writers the forms that give and
// free seats.
#include "i18n/catalog.hpp"

namespace madoguchi::client {

class App;
class LicencePanel;

void draw_licence_tab(App& app, LicencePanel& panel, bool may_edit, i18n::Language language);

}  // namespace madoguchi::client

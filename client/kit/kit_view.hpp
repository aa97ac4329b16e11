#pragma once
// The UI kit's gallery (画面部品の見本), at `?view=kit`: every part of client/ui/ shown
// working, one tab per kind, so people see them and the browser tests and bench drive them.
#include "calendar/tokyo_time.hpp"
#include "kit/kit_input.hpp"
#include "kit/kit_dates.hpp"
#include "kit/kit_dialogs.hpp"
#include "kit/kit_table.hpp"

namespace madoguchi::client {

class App;

// What the gallery's sections keep between frames.
struct KitState {
    KitInputState input;
    KitDates dates;
    KitDialogs dialogs;
    KitTableState table;
};

void draw_kit(App& app, calendar::Instant now);

}  // namespace madoguchi::client

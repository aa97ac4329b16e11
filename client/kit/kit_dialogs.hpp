#pragma once
// The gallery's dialog section: a destructive confirm and a simulated long operation.
#include <string>

#include "i18n/catalog.hpp"
#include "ui/confirm_dialog.hpp"
#include "ui/progress.hpp"

namespace madoguchi::client {

struct KitDialogs {
    static constexpr int preparing_frames = 30;  // indeterminate until the work is counted
    static constexpr int items = 120;
    static constexpr int items_per_frame = 2;

    ConfirmDialog confirm;
    std::string answer_key;  // what the last confirm said
    ProgressModel progress;
    int frames = 0;  // frames the simulated operation has run
};

// Advances the simulated operation by one frame: first counting, then working through the items.
void step_simulated_operation(KitDialogs& kit);

void draw_kit_dialogs(KitDialogs& kit, i18n::Language language);

}  // namespace madoguchi::client

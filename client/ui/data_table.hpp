#pragma once
// Draws a TableModel (ui/table_model.hpp) as an ImGui table for tens of thousands of rows:
// only the rows on screen are submitted (ImGuiListClipper), the header and the filter bar
// stay at the top while the rows scroll, a header click sorts, and rows are selected with
// the mouse (click, Ctrl+click, Shift+click) or the keyboard (arrows, Page Up/Down, Home/End,
// Enter activates). The list states (ui/list_state.hpp) replace the rows when there are none.
#include <cstddef>
#include <string>
#include <string_view>

#include "i18n/catalog.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

struct DataTableOptions {
    std::string_view empty_message_key = "list.empty";  // shown when there are no rows at all
    std::string_view empty_action_key;  // a button under that message, when not empty
    float height = 0.0F;  // pixels; 0 fills the rest of the window
};

struct DataTableEvents {
    bool empty_action = false;  // the empty state's button was pressed
};

// `id` must be unique in the window. Items: each row on screen as "table-row" (label: the
// model's row label, value "selected"), headers as "column-header" (value "ascending",
// "descending" or ""), filters as "textbox" labelled "<column> の絞り込み".
DataTableEvents draw_data_table(const char* id, TableModel& model, const DataTableOptions& options,
                                i18n::Language language);

// "15,000件中120件" / "120 of 15,000".
std::string format_match_count(std::size_t matches, std::size_t total, i18n::Language language);

}  // namespace madoguchi::client

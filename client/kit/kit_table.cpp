#include "kit/kit_table.hpp"

#include <imgui.h>

#include <string>
#include <utility>

#include "calendar/civil_date.hpp"
#include "ui/data_table.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

std::vector<TableColumn> ledger_columns(KitTableState& state) {
    const auto text_of = [&state](const std::vector<std::string>& keys, int SampleAsset::*field) {
        return [&state, &keys, field](std::size_t row) { return i18n::text(keys[static_cast<std::size_t>(state.ledger[row].*field)], state.language); };
    };
    std::vector<TableColumn> columns;
    columns.push_back({.label_key = "kit.table.column.tag", .width_em = 7.0F,
                       .text = [&state](std::size_t row) { return state.ledger[row].tag; }});
    columns.push_back({.label_key = "kit.table.column.class", .width_em = 11.0F,
                       .text = text_of(sample_device_class_keys(), &SampleAsset::device_class)});
    columns.push_back({.label_key = "kit.table.column.status", .width_em = 6.0F,
                       .text = text_of(sample_status_keys(), &SampleAsset::status)});
    columns.push_back({.label_key = "kit.table.column.division", .text = text_of(sample_division_keys(), &SampleAsset::division)});
    columns.push_back({.label_key = "kit.table.column.acquired", .width_em = 7.0F, .alignment = CellAlignment::right,
                       .sort = SortKind::date,
                       .text = [&state](std::size_t row) { return calendar::format_date(state.ledger[row].acquired); },
                       .date = [&state](std::size_t row) { return state.ledger[row].acquired; }});
    return columns;
}

void status_line(const std::string& text) {
    ImGui::TextUnformatted(text.c_str());
    report_last_item(text, "status");
}

void draw_state_buttons(KitTableState& state, i18n::Language language) {
    const std::pair<KitTableShown, const char*> choices[] = {
        {KitTableShown::rows, "kit.table.show_rows"},
        {KitTableShown::empty, "kit.table.show_empty"},
        {KitTableShown::loading, "kit.table.show_loading"},
        {KitTableShown::error, "kit.table.show_error"},
    };
    bool first = true;
    for (const auto& [shown, key] : choices) {
        if (!first) ImGui::SameLine();
        first = false;
        if (ImGui::RadioButton(t(key, language), state.shown == shown)) state.shown = shown;
        annotate_last_item("radio", state.shown == shown ? "true" : "false");
    }
}

}  // namespace

KitTableState::KitTableState() : ledger(make_sample_ledger(sample_rows)), table(ledger_columns(*this), ledger.size()) {}

void draw_kit_table(KitTableState& state, i18n::Language language) {
    if (state.language != language) {
        state.language = language;
        state.table.contents_changed();
    }
    // The empty state is the real table given no rows.
    const std::size_t rows = state.shown == KitTableShown::empty ? 0 : state.ledger.size();
    if (state.table.total_rows() != rows) state.table.set_rows(rows);

    draw_state_buttons(state, language);
    if (const auto opened = state.table.take_activated()) state.opened = opened;
    std::string line = fill_template(i18n::text("kit.table.selected", language), {{"count", std::to_string(state.table.selected_count())}});
    if (state.opened && *state.opened < rows) {
        line += "  ";
        line += fill_template(i18n::text("kit.table.opened", language), {{"tag", state.ledger[*state.opened].tag}});
    }
    status_line(line);

    switch (state.shown) {
    case KitTableShown::loading: draw_loading_state(language); break;
    case KitTableShown::error:
        if (draw_error_state(i18n::text("kit.table.error", language), language)) state.shown = KitTableShown::rows;
        break;
    case KitTableShown::rows:
    case KitTableShown::empty: {
        const DataTableOptions options{.empty_message_key = "kit.table.empty", .empty_action_key = "kit.table.empty_action"};
        if (draw_data_table("ledger", state.table, options, language).empty_action) state.shown = KitTableShown::rows;
        break;
    }
    }
}

}  // namespace madoguchi::client

#include "ui/data_table.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <utility>

#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

constexpr int frozen_rows = 2;  // the header and the filter bar
constexpr std::size_t filter_capacity = 256;

std::string grouped(std::size_t number) {
    auto digits = std::to_string(number);
    for (auto at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, 1, ',');
    return digits;
}

const char* sort_value(const TableModel& model, std::size_t column) {
    const auto sort = model.sort();
    if (!sort || sort->column != column) return "";
    return sort->direction == SortDirection::ascending ? "ascending" : "descending";
}

void setup_columns(const TableModel& model, i18n::Language language) {
    const auto& columns = model.columns();
    for (std::size_t index = 0; index < columns.size(); ++index) {
        const auto& column = columns[index];
        const bool fixed = column.width_em > 0.0F;
        ImGui::TableSetupColumn(t(column.label_key, language),
                                fixed ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
                                fixed ? column.width_em * ImGui::GetFontSize() : 1.0F, static_cast<ImGuiID>(index));
    }
}

// ImGui keeps the sort the user clicked; the model follows it when it changes.
void follow_sort_specs(TableModel& model) {
    auto* specs = ImGui::TableGetSortSpecs();
    if (specs == nullptr || !specs->SpecsDirty) return;
    if (specs->SpecsCount > 0) {
        const auto& spec = specs->Specs[0];
        model.sort_by({static_cast<std::size_t>(spec.ColumnIndex),
                       spec.SortDirection == ImGuiSortDirection_Descending ? SortDirection::descending
                                                                            : SortDirection::ascending});
    } else {
        model.clear_sort();
    }
    specs->SpecsDirty = false;
}

void draw_header_row(const TableModel& model, float row_height) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, row_height);
    for (std::size_t column = 0; column < model.columns().size(); ++column) {
        if (!ImGui::TableSetColumnIndex(static_cast<int>(column))) continue;
        const char* name = ImGui::TableGetColumnName(static_cast<int>(column));
        ImGui::PushID(static_cast<int>(column));
        ImGui::TableHeader(name);
        report_last_item(name, "column-header");
        annotate_last_item("column-header", sort_value(model, column));
        ImGui::PopID();
    }
}

void draw_filter_row(TableModel& model, i18n::Language language) {
    ImGui::TableNextRow();
    for (std::size_t column = 0; column < model.columns().size(); ++column) {
        if (!ImGui::TableSetColumnIndex(static_cast<int>(column))) continue;
        std::array<char, filter_capacity> buffer{};
        const auto& text = model.filter(column);
        std::memcpy(buffer.data(), text.data(), std::min(text.size(), buffer.size() - 1));
        ImGui::PushID(static_cast<int>(column));
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::InputTextWithHint("##filter", t("table.filter_hint", language), buffer.data(), buffer.size())) {
            model.set_filter(column, buffer.data());
        }
        const auto label = fill_template(i18n::text("table.filter_label", language),
                                         {{"column", ImGui::TableGetColumnName(static_cast<int>(column))}});
        report_last_item(label, "textbox");
        annotate_last_item("textbox", model.filter(column));
        ImGui::PopID();
    }
}

// Keys act on the table while its window has focus and no field (a filter) takes them.
void handle_keys(TableModel& model, std::size_t page_rows) {
    if (!ImGui::IsWindowFocused() || ImGui::IsAnyItemActive()) return;
    const auto& io = ImGui::GetIO();
    const auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
    const std::pair<ImGuiKey, RowMove> moves[] = {
        {ImGuiKey_UpArrow, RowMove::up},          {ImGuiKey_DownArrow, RowMove::down},
        {ImGuiKey_PageUp, RowMove::page_up},      {ImGuiKey_PageDown, RowMove::page_down},
        {ImGuiKey_Home, RowMove::home},           {ImGuiKey_End, RowMove::end},
    };
    for (const auto& [key, move] : moves) {
        if (pressed(key)) model.move(move, page_rows, io.KeyShift);
    }
    if (pressed(ImGuiKey_Enter)) model.activate();
}

void draw_cell(const TableModel& model, std::size_t row, std::size_t column) {
    const auto text = model.cell_text(row, column);
    if (model.columns()[column].alignment == CellAlignment::right) {
        const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(text.c_str()).x;
        if (room > 0.0F) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room);
    }
    const auto& tone = model.columns()[column].tone;
    const auto cell_tone = tone ? tone(row) : CellTone::plain;
    if (cell_tone == CellTone::plain) {
        ImGui::TextUnformatted(text.c_str());
        return;
    }
    const auto& colours = status_colours();
    const auto colour = cell_tone == CellTone::ok        ? colours.ok
                        : cell_tone == CellTone::warning ? colours.warning
                        : cell_tone == CellTone::error   ? colours.error
                                                         : colours.muted;
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
}

void draw_row(TableModel& model, std::size_t position, std::size_t row, float row_height) {
    ImGui::TableNextRow(ImGuiTableRowFlags_None, row_height);
    if (model.current_row() == row) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_NavHighlight, 0.25F));
    }
    ImGui::TableSetColumnIndex(0);
    ImGui::PushID(static_cast<int>(row));
    const bool selected = model.is_selected(row);
    constexpr auto flags = ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick;
    if (ImGui::Selectable("##row", selected, flags)) {
        const auto& io = ImGui::GetIO();
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            model.activate();
        } else {
            model.click(position, {.ctrl = io.KeyCtrl || io.KeySuper, .shift = io.KeyShift});
        }
    }
    // Rows under the sticky header are submitted but not seen: only the seen ones are items.
    if (ImGui::IsItemVisible()) {
        report_last_item(model.row_label(row), "table-row");
        annotate_last_item("table-row", model.is_selected(row) ? "selected" : "");
    }
    ImGui::PopID();
    ImGui::SameLine(0.0F, 0.0F);
    draw_cell(model, row, 0);
    for (std::size_t column = 1; column < model.columns().size(); ++column) {
        if (ImGui::TableSetColumnIndex(static_cast<int>(column))) draw_cell(model, row, column);
    }
}

// Rows all have one height, so the current row's place follows from its position.
void scroll_into_view(std::size_t position, float first_row_y, float row_height) {
    const auto* table = ImGui::GetCurrentTable();
    const float top = first_row_y + static_cast<float>(position) * row_height;
    const float bottom = top + row_height;
    const float visible_top = table->BgClipRect.Min.y;
    const float visible_bottom = table->InnerClipRect.Max.y;
    if (top < visible_top) {
        ImGui::SetScrollY(ImGui::GetScrollY() - (visible_top - top));
    } else if (bottom > visible_bottom) {
        ImGui::SetScrollY(ImGui::GetScrollY() + (bottom - visible_bottom));
    }
}

void draw_rows(TableModel& model, float row_height) {
    const auto& rows = model.visible_rows();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), row_height);
    const float first_row_y = clipper.StartPosY;
    while (clipper.Step()) {
        for (int position = clipper.DisplayStart; position < clipper.DisplayEnd; ++position) {
            draw_row(model, static_cast<std::size_t>(position), rows[static_cast<std::size_t>(position)], row_height);
        }
    }
    clipper.End();
    switch (model.take_scroll_request()) {
    case ScrollRequest::none: break;
    case ScrollRequest::top: ImGui::SetScrollY(0.0F); break;
    case ScrollRequest::current:
        if (const auto position = model.current_position()) scroll_into_view(*position, first_row_y, row_height);
        break;
    }
}

}  // namespace

std::string format_match_count(std::size_t matches, std::size_t total, i18n::Language language) {
    return fill_template(i18n::text("table.match_count", language), {{"total", grouped(total)}, {"matches", grouped(matches)}});
}

DataTableEvents draw_data_table(const char* id, TableModel& model, const DataTableOptions& options,
                                i18n::Language language) {
    DataTableEvents events;
    ImGui::PushID(id);
    const auto count = format_match_count(model.match_count(), model.total_rows(), language);
    ImGui::TextUnformatted(count.c_str());
    report_last_item(count, "status");
    if (model.total_rows() == 0) {
        events.empty_action = draw_empty_state(options.empty_message_key, options.empty_action_key, language);
        ImGui::PopID();
        return events;
    }

    const auto& style = ImGui::GetStyle();
    const float row_height = ImGui::GetTextLineHeight() + style.CellPadding.y * 2.0F;
    const float filter_height = ImGui::GetFrameHeight() + style.CellPadding.y * 2.0F;
    const bool no_matches = model.match_count() == 0;
    float height = options.height > 0.0F ? options.height : ImGui::GetContentRegionAvail().y;
    // With nothing to list, the table shrinks to its header and filters and the reason shows below.
    if (no_matches) height = row_height + filter_height + style.CellPadding.y * 2.0F + 2.0F;
    // Columns resize from their header only: with the borders live down the whole body, a click
    // on a row within a few pixels of a column edge started a resize and never chose the row.
    constexpr auto flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable |
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                           ImGuiTableFlags_NoBordersInBody;
    if (ImGui::BeginTable(id, static_cast<int>(model.columns().size()), flags, ImVec2(0.0F, height))) {
        // The table moves its own current row; ImGui's navigation would scroll it behind our back.
        ImGui::GetCurrentWindow()->Flags |= ImGuiWindowFlags_NoNavInputs;
        ImGui::TableSetupScrollFreeze(0, frozen_rows);
        setup_columns(model, language);
        follow_sort_specs(model);
        const float body_height = ImGui::GetCurrentTable()->InnerClipRect.GetHeight() - row_height - filter_height;
        handle_keys(model, static_cast<std::size_t>(std::max(1.0F, body_height / row_height - 1.0F)));
        draw_header_row(model, row_height);
        draw_filter_row(model, language);
        if (!no_matches) draw_rows(model, row_height);
        ImGui::EndTable();
    }
    if (no_matches && draw_no_matches_state(language)) model.clear_filters();
    ImGui::PopID();
    return events;
}

}  // namespace madoguchi::client

#pragma once
// The data table's view-model (一覧表): columns the caller defines over its own rows, the
// sorted and filtered order of those rows, the selection and the current row. No ImGui here:
// ui/data_table.hpp draws it, the tests drive it directly. The order is rebuilt only when the
// sort, a filter or the data change, never per frame, so 15,000 rows cost nothing to redraw.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "calendar/civil_date.hpp"

namespace madoguchi::client {

enum class CellAlignment { left, right };
// A cell's text colour when it says how things stand (the theme's status colours).
enum class CellTone { plain, ok, warning, error, muted };
enum class SortKind { text, number, date };
enum class SortDirection { ascending, descending };

// One column over the caller's rows, which are numbered 0..row_count-1. `text` is required;
// a number column also gives `number`, a date column `date`, and sorts by them.
struct TableColumn {
    std::string label_key{};  // catalog key of the header
    float width_em = 0.0F;  // width in font heights; 0 shares the room left
    CellAlignment alignment = CellAlignment::left;
    SortKind sort = SortKind::text;  // text sorts by code point
    std::function<std::string(std::size_t row)> text{};
    std::function<double(std::size_t row)> number{};
    std::function<calendar::Date(std::size_t row)> date{};
    // What the column's filter searches when it is more than the text shown (a name with its
    // kana reading); by default the text.
    std::function<std::string(std::size_t row)> filter_text{};
    // The cell's colour, when its text is a status; plain by default.
    std::function<CellTone(std::size_t row)> tone{};
};

struct SortSpec {
    std::size_t column = 0;
    SortDirection direction = SortDirection::ascending;
    friend bool operator==(const SortSpec&, const SortSpec&) = default;
};

enum class RowMove { up, down, page_up, page_down, home, end };

// What the view should scroll to once: the top after the order changed, or the current row
// after a keyboard move.
enum class ScrollRequest { none, top, current };

struct ClickModifiers {
    bool ctrl = false;   // toggles one row
    bool shift = false;  // selects the range from the anchor
};

class TableModel {
public:
    // `row_label` names a row for tests and screen readers; by default the first column's text.
    TableModel(std::vector<TableColumn> columns, std::size_t row_count,
               std::function<std::string(std::size_t row)> row_label = {});

    const std::vector<TableColumn>& columns() const { return columns_; }
    std::string cell_text(std::size_t row, std::size_t column) const { return columns_[column].text(row); }
    std::string row_label(std::size_t row) const;

    // The caller's data changed (new rows or new contents): re-sorted and re-filtered when next
    // read; the selection is dropped because row numbers no longer mean the same rows.
    void set_rows(std::size_t row_count);
    // More rows came after the ones there (a further page of a list loading): they join the
    // order and the filters; the selection, the current row and the scroll position stay, as
    // the rows already there keep their numbers. `row_count` is the new total.
    void add_rows(std::size_t row_count);
    std::size_t total_rows() const { return row_count_; }
    // Same rows, new texts (another language, edited values): re-sorted and re-filtered,
    // the selection kept.
    void contents_changed();

    // A new sort or filter shows the list from its top. Sorting is stable: rows with equal keys keep the caller's order, in both directions.
    void sort_by(SortSpec spec);
    void clear_sort();
    // A header click: the same column flips direction, another column sorts ascending.
    void toggle_sort(std::size_t column);
    std::optional<SortSpec> sort() const { return sort_; }

    // Case-insensitive substring per column, 全角 and 半角 alike; all non-empty filters must match.
    void set_filter(std::size_t column, std::string text);
    const std::string& filter(std::size_t column) const { return filters_[column]; }
    bool filtered() const;
    void clear_filters();

    // Rows shown, as the caller's row numbers, in display order.
    const std::vector<std::size_t>& visible_rows() const;
    std::size_t match_count() const { return visible_rows().size(); }

    // Mouse: `position` is an index into visible_rows().
    void click(std::size_t position, ClickModifiers modifiers);
    // Keyboard: moves the current row (and selects it, or extends the range with `extend`);
    // a page is `page_rows` rows.
    void move(RowMove move, std::size_t page_rows, bool extend);
    // Enter or a double click on the current row: the caller reads it once with take_activated().
    void activate();
    std::optional<std::size_t> take_activated();
    ScrollRequest take_scroll_request();

    bool is_selected(std::size_t row) const { return row < selected_.size() && selected_[row] != 0; }
    std::size_t selected_count() const { return selected_count_; }
    std::vector<std::size_t> selected_rows() const;
    void clear_selection();
    std::optional<std::size_t> current_row() const { return current_; }
    // Where the current row is in visible_rows(), if it is shown.
    std::optional<std::size_t> current_position() const;

private:
    void select_only(std::size_t row);
    void set_selected(std::size_t row, bool selected);
    void select_range(std::size_t from_position, std::size_t to_position);
    void resort() const;
    void refilter() const;
    const std::vector<std::string>& folded_column(std::size_t column) const;

    std::vector<TableColumn> columns_;
    std::function<std::string(std::size_t)> row_label_;
    std::size_t row_count_ = 0;
    std::optional<SortSpec> sort_;
    std::vector<std::string> filters_;

    // Derived from the above and rebuilt only when marked stale.
    mutable bool sort_stale_ = true;
    mutable bool filter_stale_ = true;
    mutable std::vector<std::size_t> sorted_;   // every row, sorted
    mutable std::vector<std::size_t> visible_;  // sorted_ through the filters
    mutable std::vector<std::vector<std::string>> folded_;  // per column, built when first filtered

    std::vector<char> selected_;  // per row
    std::size_t selected_count_ = 0;
    std::optional<std::size_t> current_;
    std::optional<std::size_t> anchor_;  // where a Shift range starts
    std::optional<std::size_t> activated_;
    ScrollRequest scroll_ = ScrollRequest::none;
};

}  // namespace madoguchi::client

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ui/table_model.hpp"

using namespace madoguchi;
using client::ClickModifiers;
using client::RowMove;
using client::ScrollRequest;
using client::SortDirection;
using client::SortKind;
using client::TableColumn;
using client::TableModel;

namespace {

struct Row {
    std::string name;
    std::string amount;  // as text, so text order and number order differ
    calendar::Date date;
};

// Rows and a count of how often the table read a cell, to see when it re-sorts.
struct Fixture {
    std::vector<Row> rows{
        {"りんご", "10", {2026, 3, 1}},  {"Apple", "9", {2025, 12, 31}}, {"ばなな", "100", {2026, 3, 1}},
        {"Apple", "9", {2024, 1, 15}},   {"ＡＰＰＬＥ", "25", {2026, 1, 1}},
    };
    mutable int reads = 0;

    std::vector<TableColumn> columns() {
        std::vector<TableColumn> list;
        list.push_back({.label_key = "name", .text = [this](std::size_t row) {
                            ++reads;
                            return rows[row].name;
                        }});
        list.push_back({.label_key = "amount", .sort = SortKind::number,
                        .text = [this](std::size_t row) { return rows[row].amount; },
                        .number = [this](std::size_t row) { return std::stod(rows[row].amount); }});
        list.push_back({.label_key = "date", .sort = SortKind::date,
                        .text = [this](std::size_t row) { return calendar::format_date(rows[row].date); },
                        .date = [this](std::size_t row) { return rows[row].date; }});
        return list;
    }
};

std::vector<std::size_t> ids(std::initializer_list<std::size_t> list) { return list; }

// A table of `count` rows named "row N".
TableModel numbered(std::size_t count) {
    std::vector<TableColumn> columns;
    columns.push_back({.label_key = "n", .text = [](std::size_t row) { return "row " + std::to_string(row); }});
    return TableModel(std::move(columns), count);
}

}  // namespace

TEST_CASE("a column filter ignores width, case, kana kind and spaces, as the server's search does", "[table]") {
    const std::vector<std::string> cells{"業務用ＰＣ　２台", "ヤマダ タロウ", "PC-0123", "ﾀﾅｶ"};
    std::vector<TableColumn> columns;
    columns.push_back({.label_key = "n", .text = [&](std::size_t row) { return cells[row]; }});
    TableModel table(std::move(columns), cells.size());
    const auto shown = [&](const char* typed) {
        table.set_filter(0, typed);
        std::vector<std::string> texts;
        for (const auto row : table.visible_rows()) texts.push_back(cells[row]);
        return texts;
    };
    CHECK(shown("ｐｃ") == std::vector<std::string>{"業務用ＰＣ　２台", "PC-0123"});
    CHECK(shown("業務用pc2") == std::vector<std::string>{"業務用ＰＣ　２台"});
    CHECK(shown("やまだたろう") == std::vector<std::string>{"ヤマダ タロウ"});
    CHECK(shown(" たなか ") == std::vector<std::string>{"ﾀﾅｶ"});
    CHECK(shown("すずき").empty());
}

TEST_CASE("rows start in the caller's order and sort by text, number or date", "[table][sort]") {
    Fixture data;
    TableModel table(data.columns(), data.rows.size());
    CHECK(table.visible_rows() == ids({0, 1, 2, 3, 4}));

    table.sort_by({0, SortDirection::ascending});
    // Code point order: Latin before kana, full-width Latin after kana; the two "Apple" rows keep their order.
    CHECK(table.visible_rows() == ids({1, 3, 2, 0, 4}));

    table.sort_by({1, SortDirection::ascending});
    CHECK(table.visible_rows() == ids({1, 3, 0, 4, 2}));  // 9, 9, 10, 25, 100: numbers, not text

    table.sort_by({2, SortDirection::descending});
    CHECK(table.visible_rows() == ids({0, 2, 4, 1, 3}));  // equal dates (rows 0 and 2) keep their order
}

TEST_CASE("sorting is stable in both directions", "[table][sort]") {
    Fixture data;
    TableModel table(data.columns(), data.rows.size());
    table.sort_by({1, SortDirection::descending});
    CHECK(table.visible_rows() == ids({2, 4, 0, 1, 3}));  // rows 1 and 3 (both 9) stay in the caller's order
}

TEST_CASE("a new sort or filter asks for the top of the list, the same one does not", "[table]") {
    Fixture data;
    TableModel table(data.columns(), data.rows.size());
    table.take_scroll_request();
    table.sort_by({1, SortDirection::ascending});
    CHECK(table.take_scroll_request() == ScrollRequest::top);
    table.sort_by({1, SortDirection::ascending});
    CHECK(table.take_scroll_request() == ScrollRequest::none);
    table.set_filter(0, "a");
    CHECK(table.take_scroll_request() == ScrollRequest::top);
    table.click(1, {});
    CHECK(table.take_scroll_request() == ScrollRequest::none);
}

TEST_CASE("a header click sorts ascending, the next one descending, another column ascending again", "[table][sort]") {
    Fixture data;
    TableModel table(data.columns(), data.rows.size());
    table.toggle_sort(1);
    REQUIRE(table.sort());
    CHECK(table.sort()->direction == SortDirection::ascending);
    CHECK(table.visible_rows().front() == 1);
    table.toggle_sort(1);
    CHECK(table.sort()->direction == SortDirection::descending);
    CHECK(table.visible_rows().front() == 2);
    table.toggle_sort(1);
    CHECK(table.sort()->direction == SortDirection::ascending);
    table.toggle_sort(2);
    CHECK(table.sort()->column == 2);
    CHECK(table.sort()->direction == SortDirection::ascending);
    CHECK(table.visible_rows().front() == 3);
    table.clear_sort();
    CHECK(table.visible_rows() == ids({0, 1, 2, 3, 4}));
}

TEST_CASE("filters match substrings in either width and case, per column, and count the matches", "[table][filter]") {
    Fixture data;
    TableModel table(data.columns(), data.rows.size());
    CHECK(table.match_count() == 5);
    CHECK_FALSE(table.filtered());

    table.set_filter(0, "apple");
    CHECK(table.visible_rows() == ids({1, 3, 4}));  // "Apple" twice and "ＡＰＰＬＥ"
    table.set_filter(0, "ＰＰＬ");
    CHECK(table.match_count() == 3);
    CHECK(table.total_rows() == 5);
    CHECK(table.filtered());

    table.set_filter(2, "2024");  // both filters must match
    CHECK(table.visible_rows() == ids({3}));
    table.set_filter(2, "2026");
    CHECK(table.visible_rows() == ids({4}));

    table.set_filter(0, "ば");
    CHECK(table.visible_rows() == ids({2}));
    table.set_filter(0, "みかん");
    CHECK(table.match_count() == 0);

    table.clear_filters();
    CHECK_FALSE(table.filtered());
    CHECK(table.match_count() == 5);
    table.set_filter(0, "  ");  // blanks filter nothing
    CHECK(table.match_count() == 5);
}

TEST_CASE("filtering keeps the sorted order", "[table][filter]") {
    Fixture data;
    TableModel table(data.columns(), data.rows.size());
    table.sort_by({1, SortDirection::descending});
    table.set_filter(0, "a");
    CHECK(table.visible_rows() == ids({4, 1, 3}));
}

TEST_CASE("the order is rebuilt only when the sort, a filter or the data change", "[table]") {
    Fixture data;
    TableModel table(data.columns(), data.rows.size());
    table.sort_by({0, SortDirection::ascending});
    table.visible_rows();
    const int after_sort = data.reads;
    CHECK(after_sort > 0);
    for (int frame = 0; frame < 100; ++frame) table.visible_rows();
    table.sort_by({0, SortDirection::ascending});  // the same sort again
    table.visible_rows();
    CHECK(data.reads == after_sort);

    table.set_filter(1, "9");  // another column: the name column is not read again
    table.visible_rows();
    CHECK(data.reads == after_sort);
    table.set_filter(0, "a");  // folded once, then reused
    table.visible_rows();
    const int after_filter = data.reads;
    table.set_filter(0, "ap");
    table.visible_rows();
    CHECK(data.reads == after_filter);

    table.clear_filters();
    data.rows[0].name = "Aardvark";
    table.contents_changed();
    CHECK(table.visible_rows().front() == 0);
    CHECK(data.reads > after_filter);
}

TEST_CASE("a click selects one row, Ctrl+click toggles, Shift+click selects the range", "[table][selection]") {
    auto table = numbered(10);
    table.click(2, {});
    CHECK(table.selected_rows() == ids({2}));
    CHECK(table.current_row() == 2U);

    table.click(5, {});
    CHECK(table.selected_rows() == ids({5}));
    table.click(7, {.ctrl = true});
    CHECK(table.selected_rows() == ids({5, 7}));
    table.click(5, {.ctrl = true});
    CHECK(table.selected_rows() == ids({7}));
    CHECK(table.selected_count() == 1);

    table.click(4, {.shift = true});  // from the anchor (5, the last Ctrl+click) to 4
    CHECK(table.selected_rows() == ids({4, 5}));
    table.click(9, {.shift = true});  // the anchor stays; the range is replaced
    CHECK(table.selected_rows() == ids({5, 6, 7, 8, 9}));
    CHECK(table.current_row() == 9U);

    table.click(1, {});
    table.click(3, {.shift = true});
    table.click(8, {.ctrl = true});
    table.click(9, {.ctrl = true, .shift = true});  // Ctrl+Shift adds a range to what is selected
    CHECK(table.selected_rows() == ids({1, 2, 3, 8, 9}));
}

TEST_CASE("ranges follow the displayed order and the selection survives sorting and filtering", "[table][selection]") {
    Fixture data;
    TableModel table(data.columns(), data.rows.size());
    table.sort_by({1, SortDirection::ascending});  // shows rows 1, 3, 0, 4, 2
    table.click(1, {});
    table.click(3, {.shift = true});
    CHECK(table.selected_rows() == ids({0, 3, 4}));

    table.sort_by({1, SortDirection::descending});
    CHECK(table.selected_rows() == ids({0, 3, 4}));
    table.set_filter(0, "りんご");
    CHECK(table.is_selected(0));
    CHECK(table.selected_count() == 3);  // hidden rows stay selected
    CHECK(table.current_position() == std::nullopt);  // the current row (4) is filtered out

    table.set_rows(5);  // new data: row numbers mean other rows now
    CHECK(table.selected_count() == 0);
    CHECK_FALSE(table.current_row());
}

TEST_CASE("arrow keys, Page Up/Down and Home/End move the current row and stay in bounds", "[table][keyboard]") {
    auto table = numbered(100);
    table.move(RowMove::down, 10, false);  // nothing current yet: the first row
    CHECK(table.current_position() == 0U);
    CHECK(table.take_scroll_request() == ScrollRequest::current);
    CHECK(table.take_scroll_request() == ScrollRequest::none);
    table.move(RowMove::up, 10, false);
    CHECK(table.current_position() == 0U);
    table.move(RowMove::down, 10, false);
    table.move(RowMove::down, 10, false);
    CHECK(table.current_position() == 2U);
    CHECK(table.selected_rows() == ids({2}));

    table.move(RowMove::page_down, 10, false);
    CHECK(table.current_position() == 12U);
    table.move(RowMove::page_up, 25, false);
    CHECK(table.current_position() == 0U);
    table.move(RowMove::end, 10, false);
    CHECK(table.current_position() == 99U);
    table.move(RowMove::down, 10, false);
    table.move(RowMove::page_down, 10, false);
    CHECK(table.current_position() == 99U);
    table.move(RowMove::page_up, 10, false);
    CHECK(table.current_position() == 89U);
    table.move(RowMove::home, 10, false);
    CHECK(table.current_position() == 0U);
    CHECK(table.selected_rows() == ids({0}));

    table.move(RowMove::down, 10, true);  // Shift extends from the anchor
    table.move(RowMove::down, 10, true);
    CHECK(table.selected_rows() == ids({0, 1, 2}));
    table.move(RowMove::up, 10, false);
    CHECK(table.selected_rows() == ids({1}));
}

TEST_CASE("Enter activates the current row once", "[table][keyboard]") {
    auto table = numbered(5);
    table.activate();  // nothing current: nothing happens
    CHECK_FALSE(table.take_activated());
    table.click(3, {});
    table.activate();
    CHECK(table.take_activated() == 3U);
    CHECK_FALSE(table.take_activated());
}

TEST_CASE("an empty table ignores keys and clicks", "[table]") {
    auto table = numbered(0);
    table.move(RowMove::down, 10, false);
    table.click(0, {});
    CHECK_FALSE(table.current_row());
    CHECK(table.match_count() == 0);
}

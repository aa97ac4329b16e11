#include "ui/table_model.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

#include "text/search_fold.hpp"

namespace madoguchi::client {
namespace {

std::string trimmed(std::string text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(' ');
    return text.substr(first, last - first + 1);
}

// Sorts `rows` by the key each row has in `keys`; stable, so equal keys keep their order.
template <typename Key>
void sort_by_keys(std::vector<std::size_t>& rows, const std::vector<Key>& keys, SortDirection direction) {
    if (direction == SortDirection::ascending) {
        std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    } else {
        std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) { return keys[b] < keys[a]; });
    }
}

template <typename Key, typename Accessor>
std::vector<Key> keys_of(std::size_t row_count, const Accessor& accessor) {
    std::vector<Key> keys;
    keys.reserve(row_count);
    for (std::size_t row = 0; row < row_count; ++row) keys.push_back(accessor(row));
    return keys;
}

}  // namespace

TableModel::TableModel(std::vector<TableColumn> columns, std::size_t row_count,
                       std::function<std::string(std::size_t row)> row_label)
    : columns_(std::move(columns)), row_label_(std::move(row_label)), filters_(columns_.size()), folded_(columns_.size()) {
    set_rows(row_count);
}

std::string TableModel::row_label(std::size_t row) const {
    return row_label_ ? row_label_(row) : columns_.front().text(row);
}

void TableModel::set_rows(std::size_t row_count) {
    row_count_ = row_count;
    for (auto& column : folded_) column.clear();
    sort_stale_ = true;
    selected_.assign(row_count, 0);
    selected_count_ = 0;
    current_.reset();
    anchor_.reset();
    activated_.reset();
    scroll_ = ScrollRequest::top;
}

void TableModel::add_rows(std::size_t row_count) {
    if (row_count < row_count_) return set_rows(row_count);
    row_count_ = row_count;
    sort_stale_ = true;
    selected_.resize(row_count, 0);
}

void TableModel::contents_changed() {
    for (auto& column : folded_) column.clear();
    sort_stale_ = true;
}

void TableModel::sort_by(SortSpec spec) {
    if (spec.column >= columns_.size() || sort_ == spec) return;
    sort_ = spec;
    sort_stale_ = true;
    scroll_ = ScrollRequest::top;
}

void TableModel::clear_sort() {
    if (!sort_) return;
    sort_.reset();
    sort_stale_ = true;
    scroll_ = ScrollRequest::top;
}

void TableModel::toggle_sort(std::size_t column) {
    auto direction = SortDirection::ascending;
    if (sort_ && sort_->column == column && sort_->direction == SortDirection::ascending) direction = SortDirection::descending;
    sort_by({column, direction});
}

void TableModel::set_filter(std::size_t column, std::string text) {
    if (column >= filters_.size() || filters_[column] == text) return;
    filters_[column] = std::move(text);
    filter_stale_ = true;
    scroll_ = ScrollRequest::top;
}

bool TableModel::filtered() const {
    return std::any_of(filters_.begin(), filters_.end(), [](const std::string& text) { return !trimmed(text).empty(); });
}

void TableModel::clear_filters() {
    if (!filtered()) return;
    for (auto& text : filters_) text.clear();
    filter_stale_ = true;
    scroll_ = ScrollRequest::top;
}

const std::vector<std::size_t>& TableModel::visible_rows() const {
    if (sort_stale_) resort();
    if (filter_stale_) refilter();
    return visible_;
}

void TableModel::resort() const {
    sorted_.resize(row_count_);
    std::iota(sorted_.begin(), sorted_.end(), std::size_t{0});
    if (sort_) {
        const auto& column = columns_[sort_->column];
        switch (column.sort) {
        case SortKind::text: sort_by_keys(sorted_, keys_of<std::string>(row_count_, column.text), sort_->direction); break;
        case SortKind::number: sort_by_keys(sorted_, keys_of<double>(row_count_, column.number), sort_->direction); break;
        case SortKind::date: sort_by_keys(sorted_, keys_of<calendar::Date>(row_count_, column.date), sort_->direction); break;
        }
    }
    sort_stale_ = false;
    filter_stale_ = true;
}

const std::vector<std::string>& TableModel::folded_column(std::size_t column) const {
    auto& folded = folded_[column];
    // Emptied when the texts change; rows added later (add_rows) are folded on their own.
    if (folded.size() != row_count_) {
        folded.reserve(row_count_);
        const auto& source = columns_[column].filter_text ? columns_[column].filter_text : columns_[column].text;
        for (std::size_t row = folded.size(); row < row_count_; ++row) folded.push_back(text::fold_for_search(source(row)));
    }
    return folded;
}

void TableModel::refilter() const {
    std::vector<std::pair<std::size_t, std::string>> active;
    for (std::size_t column = 0; column < filters_.size(); ++column) {
        auto needle = text::fold_for_search(filters_[column]);
        if (!needle.empty()) active.emplace_back(column, std::move(needle));
    }
    visible_.clear();
    for (const auto row : sorted_) {
        const bool matches = std::all_of(active.begin(), active.end(), [&](const auto& filter) {
            return folded_column(filter.first)[row].find(filter.second) != std::string::npos;
        });
        if (matches) visible_.push_back(row);
    }
    filter_stale_ = false;
}

void TableModel::set_selected(std::size_t row, bool selected) {
    if ((selected_[row] != 0) == selected) return;
    selected_[row] = selected ? 1 : 0;
    if (selected) {
        ++selected_count_;
    } else {
        --selected_count_;
    }
}

void TableModel::select_only(std::size_t row) {
    clear_selection();
    set_selected(row, true);
}

void TableModel::select_range(std::size_t from_position, std::size_t to_position) {
    const auto& rows = visible_rows();
    const auto [low, high] = std::minmax(from_position, to_position);
    for (auto position = low; position <= high; ++position) set_selected(rows[position], true);
}

void TableModel::clear_selection() {
    std::fill(selected_.begin(), selected_.end(), 0);
    selected_count_ = 0;
}

std::vector<std::size_t> TableModel::selected_rows() const {
    std::vector<std::size_t> rows;
    rows.reserve(selected_count_);
    for (std::size_t row = 0; row < selected_.size(); ++row) {
        if (selected_[row] != 0) rows.push_back(row);
    }
    return rows;
}

std::optional<std::size_t> TableModel::current_position() const {
    if (!current_) return std::nullopt;
    const auto& rows = visible_rows();
    const auto found = std::find(rows.begin(), rows.end(), *current_);
    if (found == rows.end()) return std::nullopt;
    return static_cast<std::size_t>(found - rows.begin());
}

void TableModel::click(std::size_t position, ClickModifiers modifiers) {
    const auto& rows = visible_rows();
    if (position >= rows.size()) return;
    const auto row = rows[position];
    if (modifiers.shift) {
        // The range runs from the anchor if it is still shown, else from the clicked row itself.
        std::size_t from = position;
        if (anchor_) {
            const auto found = std::find(rows.begin(), rows.end(), *anchor_);
            if (found != rows.end()) from = static_cast<std::size_t>(found - rows.begin());
        }
        if (!modifiers.ctrl) clear_selection();
        select_range(from, position);
        if (!anchor_) anchor_ = row;
    } else if (modifiers.ctrl) {
        set_selected(row, !is_selected(row));
        anchor_ = row;
    } else {
        select_only(row);
        anchor_ = row;
    }
    current_ = row;
}

void TableModel::move(RowMove move, std::size_t page_rows, bool extend) {
    const auto& rows = visible_rows();
    if (rows.empty()) return;
    const std::size_t last = rows.size() - 1;
    const std::size_t page = std::max<std::size_t>(page_rows, 1);
    const auto from = current_position();
    std::size_t to = 0;
    if (!from) {
        to = move == RowMove::end ? last : 0;
    } else {
        const std::size_t at = *from;
        switch (move) {
        case RowMove::up: to = at == 0 ? 0 : at - 1; break;
        case RowMove::down: to = std::min(at + 1, last); break;
        case RowMove::page_up: to = at > page ? at - page : 0; break;
        case RowMove::page_down: to = std::min(at + page, last); break;
        case RowMove::home: to = 0; break;
        case RowMove::end: to = last; break;
        }
    }
    if (extend && from) {
        click(to, {.ctrl = false, .shift = true});
    } else {
        click(to, {});
    }
    scroll_ = ScrollRequest::current;
}

void TableModel::activate() {
    if (current_position()) activated_ = current_;
}

std::optional<std::size_t> TableModel::take_activated() { return std::exchange(activated_, std::nullopt); }

ScrollRequest TableModel::take_scroll_request() { return std::exchange(scroll_, ScrollRequest::none); }

}  // namespace madoguchi::client

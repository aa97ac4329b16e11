#include "inventory/ledger_cells.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "i18n/catalog.hpp"
#include "inventory/device_class.hpp"
#include "text/search_fold.hpp"

namespace madoguchi::inventory {
namespace {

// What separates the items of a list cell: ; ； 、 , and line breaks.
constexpr std::string_view list_separators[] = {";", "\xEF\xBC\x9B", "\xE3\x80\x81", ",", "\n"};

// Folded spellings (code, Japanese and English name) → value, built once: imports read
// tens of thousands of cells.
template <typename Value>
using Spellings = std::unordered_map<std::string, Value>;

template <typename Value>
void add_spellings(Spellings<Value>& table, std::string_view code, std::string_view label_key, const Value& value) {
    table.emplace(text::fold_for_search(code), value);
    table.emplace(text::fold_for_search(i18n::text(label_key, i18n::Language::ja)), value);
    table.emplace(text::fold_for_search(i18n::text(label_key, i18n::Language::en)), value);
}

template <typename Value>
std::optional<Value> spelled(const Spellings<Value>& table, std::string_view cell) {
    const auto found = table.find(text::fold_for_search(cell));
    if (found == table.end()) return std::nullopt;
    return found->second;
}

std::optional<int> number_of(std::string_view digits) {
    int value = 0;
    const auto end = digits.data() + digits.size();
    const auto [stop, error] = std::from_chars(digits.data(), end, value);
    if (digits.empty() || error != std::errc() || stop != end) return std::nullopt;
    return value;
}

std::string trimmed(std::string_view text) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return std::string(text);
}

}  // namespace

std::string class_code_of_cell(std::string_view cell) {
    static const auto table = [] {
        Spellings<std::string> codes;
        for (const auto& device_class : device_classes()) {
            add_spellings(codes, device_class.code, device_class.name_key, std::string(device_class.code));
        }
        return codes;
    }();
    return spelled(table, cell).value_or("");
}

std::optional<AssetState> state_of_cell(std::string_view cell) {
    static const auto table = [] {
        Spellings<AssetState> states;
        for (const auto state : asset_states()) add_spellings(states, state_name(state), state_label_key(state), state);
        return states;
    }();
    return spelled(table, cell);
}

std::optional<calendar::Date> date_of_cell(std::string_view cell) {
    const char separator = cell.find('/') != std::string_view::npos ? '/' : '-';
    const auto first = cell.find(separator);
    const auto second = first == std::string_view::npos ? first : cell.find(separator, first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    const auto year = number_of(cell.substr(0, first));
    const auto month = number_of(cell.substr(first + 1, second - first - 1));
    const auto day = number_of(cell.substr(second + 1));
    if (!year || !month || !day || *year < 1 || *year > 9999 || *month < 1 || *month > 12 || *day < 1 || *day > 31) {
        return std::nullopt;
    }
    // parse_date knows which days a month has.
    return calendar::parse_date(calendar::format_date({*year, *month, *day}));
}

bool has_list_separator(std::string_view item) {
    return std::any_of(std::begin(list_separators), std::end(list_separators),
                       [&](std::string_view separator) { return item.find(separator) != std::string_view::npos; });
}

std::vector<std::string> list_of_cell(std::string_view cell) {
    std::vector<std::string> items;
    std::size_t start = 0;
    std::size_t index = 0;
    while (index <= cell.size()) {
        std::size_t width = 0;
        if (index == cell.size()) {
            width = 1;
        } else {
            for (const auto separator : list_separators) {
                if (cell.substr(index).starts_with(separator)) width = separator.size();
            }
        }
        if (width == 0) {
            ++index;
            continue;
        }
        if (auto item = trimmed(cell.substr(start, index - start)); !item.empty()) items.push_back(std::move(item));
        index += width;
        start = index;
    }
    return items;
}

std::string accessory_of_item(const std::string& item) {
    static const auto table = [] {
        Spellings<std::string> keys;
        for (const auto& device_class : device_classes()) {
            for (const auto key : device_class.standard_accessories) {
                add_spellings(keys, key, std::string("inventory.accessory.").append(key), std::string(key));
            }
        }
        return keys;
    }();
    return spelled(table, item).value_or(item);
}

}  // namespace madoguchi::inventory

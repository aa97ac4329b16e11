#include "knowledge/faq_csv.hpp"

#include <algorithm>
#include <charconv>

#include "text/csv.hpp"

namespace madoguchi::knowledge {
namespace {

// What Excel on Japanese Windows needs at the start of a CSV file to read it as UTF-8.
constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

std::optional<std::int64_t> positive_number(std::string_view text) {
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || number <= 0) return std::nullopt;
    return number;
}

}  // namespace

const std::vector<std::string>& faq_columns() {
    static const std::vector<std::string> columns{"番号", "質問", "回答", "カテゴリ", "更新日"};
    return columns;
}

std::string write_faq_csv(const std::vector<FaqRow>& rows) {
    std::string out(byte_order_mark);
    out += text::csv_row(faq_columns());
    for (const auto& row : rows) {
        const std::vector<std::string> fields{std::to_string(row.number), text::formula_guarded(row.question),
                                              text::formula_guarded(row.answer), text::formula_guarded(row.category),
                                              row.updated_on};
        out += text::csv_row(fields);
    }
    return out;
}

std::optional<std::vector<FaqRow>> read_faq_csv(std::string_view bytes) {
    const auto document = text::read_csv(bytes);
    if (!document.errors.empty() || document.records.empty() || document.records.front().fields != faq_columns()) {
        return std::nullopt;
    }
    std::vector<FaqRow> rows;
    for (auto record = document.records.begin() + 1; record != document.records.end(); ++record) {
        const auto& fields = record->fields;
        if (fields.size() != faq_columns().size()) return std::nullopt;
        const auto number = positive_number(fields[0]);
        if (!number) return std::nullopt;
        if (std::any_of(rows.begin(), rows.end(), [&](const auto& row) { return row.number == *number; })) return std::nullopt;
        rows.push_back({*number, std::string(text::formula_unguarded(fields[1])),
                        std::string(text::formula_unguarded(fields[2])), std::string(text::formula_unguarded(fields[3])),
                        fields[4]});
    }
    return rows;
}

}  // namespace madoguchi::knowledge

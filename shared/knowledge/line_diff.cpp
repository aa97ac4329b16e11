#include "knowledge/line_diff.hpp"

#include <cstdint>

namespace madoguchi::knowledge {
namespace {

using Lines = std::vector<std::string>;

// The middle part (after the common start, before the common end) by dynamic programming on
// the longest common subsequence, read back front to back.
void diff_middle(const Lines& before, std::size_t b0, std::size_t b1, const Lines& after, std::size_t a0,
                 std::size_t a1, std::vector<DiffLine>& out) {
    const std::size_t rows = b1 - b0;
    const std::size_t columns = a1 - a0;
    if (rows == 0 || columns == 0 || rows * columns > line_diff_cell_limit) {
        for (auto index = b0; index < b1; ++index) out.push_back({LineChange::removed, before[index]});
        for (auto index = a0; index < a1; ++index) out.push_back({LineChange::added, after[index]});
        return;
    }
    // common[i][j]: the longest common subsequence of before[b0+i..] and after[a0+j..].
    std::vector<std::uint32_t> common((rows + 1) * (columns + 1), 0);
    const auto at = [columns](std::size_t i, std::size_t j) { return i * (columns + 1) + j; };
    for (std::size_t i = rows; i-- > 0;) {
        for (std::size_t j = columns; j-- > 0;) {
            common[at(i, j)] = before[b0 + i] == after[a0 + j]
                                   ? common[at(i + 1, j + 1)] + 1
                                   : std::max(common[at(i + 1, j)], common[at(i, j + 1)]);
        }
    }
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < rows && j < columns) {
        if (before[b0 + i] == after[a0 + j]) {
            out.push_back({LineChange::same, before[b0 + i]});
            ++i;
            ++j;
        } else if (common[at(i + 1, j)] >= common[at(i, j + 1)]) {
            out.push_back({LineChange::removed, before[b0 + i++]});
        } else {
            out.push_back({LineChange::added, after[a0 + j++]});
        }
    }
    for (; i < rows; ++i) out.push_back({LineChange::removed, before[b0 + i]});
    for (; j < columns; ++j) out.push_back({LineChange::added, after[a0 + j]});
}

}  // namespace

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    if (text.empty()) return lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.emplace_back(line);
        if (end == text.size()) break;
        start = end + 1;
    }
    return lines;
}

std::vector<DiffLine> line_diff(std::string_view before_text, std::string_view after_text) {
    const auto before = split_lines(before_text);
    const auto after = split_lines(after_text);
    std::size_t head = 0;
    while (head < before.size() && head < after.size() && before[head] == after[head]) ++head;
    std::size_t tail = 0;
    while (tail < before.size() - head && tail < after.size() - head &&
           before[before.size() - 1 - tail] == after[after.size() - 1 - tail]) {
        ++tail;
    }
    std::vector<DiffLine> out;
    for (std::size_t index = 0; index < head; ++index) out.push_back({LineChange::same, before[index]});
    diff_middle(before, head, before.size() - tail, after, head, after.size() - tail, out);
    for (auto index = before.size() - tail; index < before.size(); ++index) out.push_back({LineChange::same, before[index]});
    return out;
}

std::string_view change_name(LineChange change) {
    switch (change) {
        case LineChange::removed: return "removed";
        case LineChange::added: return "added";
        case LineChange::same: break;
    }
    return "same";
}

}  // namespace madoguchi::knowledge

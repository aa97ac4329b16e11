#pragma once
// A line-by-line comparison of two texts, as a reviewer reads a change: the lines both keep,
// the lines removed and the lines added, in reading order (removals before additions where a
// line was replaced). The longest common subsequence of lines decides what is kept.
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::knowledge {

enum class LineChange { same, removed, added };

struct DiffLine {
    LineChange change = LineChange::same;
    std::string text;
    friend bool operator==(const DiffLine&, const DiffLine&) = default;
};

// Lines split at LF (a CR before it dropped); an empty text has no lines.
std::vector<std::string> split_lines(std::string_view text);

// Beyond this many line pairs left after the common start and end are set aside, the changed
// middle is shown as removed then added whole: the comparison stays fast and small on any input.
inline constexpr std::size_t line_diff_cell_limit = 4'000'000;

std::vector<DiffLine> line_diff(std::string_view before, std::string_view after);

std::string_view change_name(LineChange change);  // "same", "removed", "added"

}  // namespace madoguchi::knowledge

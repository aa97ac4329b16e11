#include "inventory/id_ranges.hpp"

#include <algorithm>

namespace madoguchi::inventory {
namespace {

// A positive decimal id of at most 15 digits (far beyond any ledger, safe from overflow).
std::optional<std::int64_t> parse_id(std::string_view text) {
    if (text.empty() || text.size() > 15) return std::nullopt;
    std::int64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value < 1) return std::nullopt;
    return value;
}

std::vector<IdRange> merged(std::vector<IdRange> ranges) {
    std::sort(ranges.begin(), ranges.end(), [](const IdRange& a, const IdRange& b) { return a.first < b.first; });
    std::vector<IdRange> joined;
    for (const auto& range : ranges) {
        if (!joined.empty() && range.first <= joined.back().last + 1) {
            joined.back().last = std::max(joined.back().last, range.last);
        } else {
            joined.push_back(range);
        }
    }
    return joined;
}

}  // namespace

std::string format_id_ranges(std::vector<std::int64_t> ids) {
    std::vector<IdRange> ranges;
    for (const auto id : ids) {
        if (id >= 1) ranges.push_back({id, id});
    }
    std::string text;
    for (const auto& range : merged(std::move(ranges))) {
        if (!text.empty()) text += ',';
        text += std::to_string(range.first);
        if (range.last != range.first) {
            text += '-';
            text += std::to_string(range.last);
        }
    }
    return text;
}

std::optional<std::vector<IdRange>> parse_id_ranges(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::vector<IdRange> ranges;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        const auto item = text.substr(start, end - start);
        const auto dash = item.find('-');
        const auto first = parse_id(item.substr(0, dash));
        const auto last = dash == std::string_view::npos ? first : parse_id(item.substr(dash + 1));
        if (!first || !last || *last < *first) return std::nullopt;
        ranges.push_back({*first, *last});
        start = end + 1;
    }
    return ranges;
}

std::int64_t count_ids(std::vector<IdRange> ranges) {
    std::int64_t count = 0;
    for (const auto& range : merged(std::move(ranges))) count += range.last - range.first + 1;
    return count;
}

}  // namespace madoguchi::inventory

#pragma once
// Device ids in a query string ("ids=3,7-12,40"): the client names the rows a user picked or
// filtered, the server reads them back. Runs of consecutive ids become ranges, so the rows
// of a filtered ledger (mostly runs, as devices are added class by class) fit in a URL.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::inventory {

struct IdRange {
    std::int64_t first = 0;
    std::int64_t last = 0;  // inclusive, ≥ first
    friend bool operator==(const IdRange&, const IdRange&) = default;
};

// Sorted, without duplicates, runs joined: "3,7-12,40". Ids below 1 are left out.
std::string format_id_ranges(std::vector<std::int64_t> ids);

// The ranges of "3,7-12,40" (any order, overlaps allowed); nullopt when the text is empty or
// holds anything else than positive decimal ids and ranges first-last with first ≤ last.
std::optional<std::vector<IdRange>> parse_id_ranges(std::string_view text);

// How many ids the ranges name, overlaps counted once.
std::int64_t count_ids(std::vector<IdRange> ranges);

}  // namespace madoguchi::inventory

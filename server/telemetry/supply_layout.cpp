#include "telemetry/supply_layout.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "telemetry/reading_json.hpp"

namespace madoguchi::server::telemetry {
namespace {

template <class Row>
bool same_rows(const std::vector<Row>& rows, const std::vector<Row>& layout) {
    return std::is_permutation(rows.begin(), rows.end(), layout.begin(), layout.end(),
                               [](const Row& a, const Row& b) { return a.index == b.index; });
}

template <class Row>
const Row* row_with(const std::vector<Row>& rows, std::uint32_t index) {
    const auto found = std::find_if(rows.begin(), rows.end(), [&](const Row& row) { return row.index == index; });
    return found == rows.end() ? nullptr : &*found;
}

// A row's index, or nullopt for an entry that is not a row: without it the row cannot be matched.
std::optional<std::uint32_t> index_of(const nlohmann::json& entry) {
    if (!entry.is_object()) return std::nullopt;
    const auto index = integer_member(entry, "index");
    if (!index || *index < 0 || *index > std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
    return static_cast<std::uint32_t>(*index);
}

}  // namespace

bool reads_levels_only(const KindsDue& kinds, const std::optional<SupplyLayout>& layout) {
    return layout.has_value() && kinds.contains(SampleKind::supplies) && !kinds.contains(SampleKind::counters);
}

bool complete_from_layout(std::vector<SupplyRow>& rows, const std::vector<SupplyRow>& layout) {
    for (auto& row : rows) {
        const auto* known = row_with(layout, row.index);
        if (known == nullptr) continue;
        row.supply_class = known->supply_class;
        row.type = known->type;
        row.description = known->description;
        row.unit = known->unit;
        row.max_capacity = known->max_capacity;
    }
    return same_rows(rows, layout);
}

bool complete_from_layout(std::vector<RicohToner>& rows, const std::vector<RicohToner>& layout) {
    for (auto& row : rows) {
        if (const auto* known = row_with(layout, row.index)) row.name = known->name;
    }
    return same_rows(rows, layout);
}

std::optional<SupplyLayout> supply_layout_from_json(const nlohmann::json& reading) {
    if (!reading.is_object()) return std::nullopt;
    const auto supplies = reading.find("supplies");
    if (supplies == reading.end() || !supplies->is_array()) return std::nullopt;
    SupplyLayout layout;
    for (const auto& entry : *supplies) {
        const auto index = index_of(entry);
        if (!index) return std::nullopt;
        SupplyRow row;
        row.index = *index;
        row.supply_class = integer_member(entry, "class");
        row.type = integer_member(entry, "type");
        row.description = text_member(entry, "description");
        row.unit = integer_member(entry, "unit");
        row.max_capacity = integer_member(entry, "max_capacity");
        layout.supplies.push_back(std::move(row));
    }
    if (const auto toners = reading.find("ricoh_toners"); toners != reading.end() && toners->is_array()) {
        for (const auto& entry : *toners) {
            const auto index = index_of(entry);
            if (!index) return std::nullopt;
            layout.ricoh_toners.push_back(RicohToner{*index, text_member(entry, "name"), std::nullopt});
        }
    }
    return layout;
}

}  // namespace madoguchi::server::telemetry

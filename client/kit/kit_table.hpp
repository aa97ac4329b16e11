#pragma once
// The gallery's table section: 15,000 made-up ledger rows in the UI kit's data table, and
// buttons that show the list states (empty, loading, error) in its place.
#include <cstddef>
#include <optional>
#include <vector>

#include "i18n/catalog.hpp"
#include "kit/sample_ledger.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

enum class KitTableShown { rows, empty, loading, error };

struct KitTableState {
    static constexpr std::size_t sample_rows = 15000;

    KitTableState();
    // The columns read `ledger` and `language` through `this`: the state stays where it is.
    KitTableState(const KitTableState&) = delete;
    KitTableState& operator=(const KitTableState&) = delete;

    std::vector<SampleAsset> ledger;
    i18n::Language language = i18n::Language::ja;  // of the texts the table has sorted and filtered
    TableModel table;
    KitTableShown shown = KitTableShown::rows;
    std::optional<std::size_t> opened;  // the row last activated (Enter or double click)
};

void draw_kit_table(KitTableState& state, i18n::Language language);

}  // namespace madoguchi::client

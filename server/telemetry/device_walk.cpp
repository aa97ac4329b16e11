#include "telemetry/device_walk.hpp"

#include <algorithm>
#include <string>

namespace madoguchi::server::telemetry {
namespace {

// Cells of one table walk before it is cut (rows × columns, generously).
constexpr std::size_t max_walk_cells = max_table_rows * 12;

bool before(const Oid& a, const Oid& b) { return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end()); }

// A table's size in the last reading and the columns a walk of it meets per row: the
// Printer-MIB's accessible columns (2–9 of both tables), and Ricoh's up to the last one read
// (a counter's value is column 9, a toner's level column 5). Counting every column the MIB
// has rather than those stored keeps a real printer's walk in one request. `kept`: the
// columns a reading keeps of a table walked by column once it is long (Ricoh's).
// `level_column`: a supply table's level, walked alone between reads of the layout (0: none).
// `usually_empty`: a table most printers hold empty (the alerts), expected empty until read.
struct TableSize {
    Oid table;
    std::optional<std::size_t> TableRows::*rows;
    std::size_t columns;
    std::vector<std::uint32_t> kept;
    std::uint32_t level_column = 0;
    bool usually_empty = false;
};

const Oid supplies_table = parse_oid("1.3.6.1.2.1.43.11.1.1");
const Oid ricoh_toner_table = parse_oid("1.3.6.1.4.1.367.3.2.1.2.24.1.1");

const std::vector<TableSize>& table_sizes() {
    static const std::vector<TableSize> sizes{
        {supplies_table, &TableRows::supplies, 8, {}, 9},
        {parse_oid("1.3.6.1.2.1.43.18.1.1"), &TableRows::alerts, 8, {}, 0, true},
        {parse_oid("1.3.6.1.4.1.367.3.2.1.2.19.5.1"), &TableRows::ricoh_counters, 9, {5, 9}},
        {ricoh_toner_table, &TableRows::ricoh_toners, 5, {2, 5}, 5},
    };
    return sizes;
}

const TableSize* size_of(const Oid& table) {
    const auto size = std::find_if(table_sizes().begin(), table_sizes().end(),
                                   [&](const TableSize& known) { return known.table == table; });
    return size == table_sizes().end() ? nullptr : &*size;
}

// Walked by column: a table of kept columns whose last reading was longer than a printer's
// usual handful, as a real Ricoh's counter table is (dozens of counters by function and
// colour, beside columns the reading does not keep).
bool by_column(const TableSize& size, const TableRows& last_rows) {
    const auto& rows = last_rows.*(size.rows);
    return !size.kept.empty() && rows && *rows > column_walk_rows;
}

Oid column_of(const Oid& table, std::uint32_t column) {
    auto oid = table;
    oid.push_back(column);
    return oid;
}

// Walked by its level column alone.
bool by_level(const TableSize& size, bool levels_only) { return levels_only && size.level_column != 0; }

// Where the walks of a table start: its level column, the table, or each kept column.
std::vector<Oid> walk_bounds(const Oid& table, const TableRows& last_rows, bool levels_only) {
    const auto* size = size_of(table);
    if (size != nullptr && by_level(*size, levels_only)) return {column_of(table, size->level_column)};
    if (size == nullptr || !by_column(*size, last_rows)) return {table};
    std::vector<Oid> bounds;
    for (const auto column : size->kept) bounds.push_back(column_of(table, column));
    return bounds;
}

// The rows a poll expects of a table: as many as the last reading held, none for a table usually
// empty that was never read, nullopt when not known.
std::optional<std::size_t> expected_rows(const TableSize& size, const TableRows& last_rows) {
    const auto& rows = last_rows.*(size.rows);
    return !rows && size.usually_empty ? std::size_t{0} : rows;
}

}  // namespace

int walk_repetitions(const KindsDue& kinds, const TableRows& last_rows, int most, bool levels_only) {
    constexpr std::size_t fewest = 2;
    const auto ceiling = static_cast<std::size_t>(std::max<int>(most, fewest));
    std::size_t largest = 0;
    for (const auto& table : polled_tables(kinds)) {
        const auto* size = size_of(table);
        if (size == nullptr) return static_cast<int>(ceiling);
        const auto rows = expected_rows(*size, last_rows);
        if (!rows) return static_cast<int>(ceiling);
        const auto columns = by_level(*size, levels_only) || by_column(*size, last_rows) ? 1 : size->columns;
        largest = std::max(largest, std::min(*rows, max_table_rows) * columns);
    }
    return static_cast<int>(std::clamp(largest + 1, fewest, ceiling));
}

DeviceWalk::DeviceWalk(int most, const KindsDue& kinds, const TableRows& last_rows, std::optional<SupplyLayout> layout,
                       int max_requests)
    : most_(most), max_requests_(max_requests), scalars_(polled_scalars(kinds)), layout_(std::move(layout)) {
    const bool levels_only = reads_levels_only(kinds, layout_);
    repetitions_ = walk_repetitions(kinds, last_rows, most, levels_only);
    scalars_pending_ = !scalars_.empty();
    for (const auto& table : polled_tables(kinds)) {
        const auto* size = size_of(table);
        const bool empty = size != nullptr && expected_rows(*size, last_rows) == std::size_t{0};
        const bool levels = size != nullptr && by_level(*size, levels_only);
        for (const auto& bound : walk_bounds(table, last_rows, levels_only)) {
            walks_.push_back(Walk{table, bound, bound, 0, false, empty, levels});
        }
    }
}

bool DeviceWalk::done() const {
    return stopped_ || (!scalars_pending_ && std::all_of(walks_.begin(), walks_.end(), [](const Walk& w) { return w.finished; }));
}

BulkRequest DeviceWalk::next_request() {
    BulkRequest request;
    const bool scalars_alone = scalars_alone_ && scalars_pending_;
    request.repetitions = scalars_alone ? 0 : repetitions_;
    last_had_scalars_ = scalars_pending_;
    if (scalars_pending_) {
        for (const auto& scalar : scalars_) request.scalar_parents.emplace_back(scalar.begin(), scalar.end() - 1);
    }
    last_steps_.clear();
    last_walks_.clear();
    for (std::size_t index = 0; index < walks_.size(); ++index) {
        const auto& walk = walks_[index];
        if (walk.finished || (scalars_alone && !walk.step)) continue;
        (walk.step ? request.next_cursors : request.walk_cursors).push_back(walk.cursor);
        (walk.step ? last_steps_ : last_walks_).push_back(index);
    }
    ++requests_;
    return request;
}

void DeviceWalk::advance(Walk& walk, const VarBind& bind) {
    if (walk.finished) return;
    if (bind.value.kind == ValueKind::end_of_mib_view || !oid_starts_with(bind.oid, walk.bound)) {
        walk.finished = true;
        return;
    }
    if (!before(walk.cursor, bind.oid)) {
        builder_.note("walk_not_increasing", bind.oid, "after " + oid_text(walk.cursor));
        walk.finished = true;
        return;
    }
    if (++walk.cells > max_walk_cells) {
        builder_.note("table_too_long", walk.table, std::to_string(max_walk_cells) + " cells read");
        walk.finished = true;
        return;
    }
    walk.cursor = bind.oid;
    builder_.table_cell(walk.table, bind);
}

void DeviceWalk::take_response(const std::vector<VarBind>& binds) {
    std::size_t position = 0;
    if (last_had_scalars_) {
        for (; position < scalars_.size() && position < binds.size(); ++position) {
            builder_.scalar(scalars_[position], binds[position]);
        }
        scalars_pending_ = false;
    }
    for (const auto index : last_steps_) {
        auto& walk = walks_[index];
        if (position >= binds.size()) {
            walk.finished = true;  // nothing for it: asking again would loop
            continue;
        }
        advance(walk, binds[position++]);
        // Not its end: the table has rows now, walked as the others from here on.
        if (!walk.finished) walk.step = false;
    }
    const auto open_walks = last_walks_.size();
    std::vector<bool> answered(open_walks, false);
    for (std::size_t cell = 0; position < binds.size() && open_walks > 0; ++position, ++cell) {
        const auto slot = cell % open_walks;
        answered[slot] = true;
        advance(walks_[last_walks_[slot]], binds[position]);
    }
    // A walk the agent gave nothing for cannot advance: asking again would loop.
    for (std::size_t slot = 0; slot < open_walks; ++slot) {
        if (!answered[slot]) walks_[last_walks_[slot]].finished = true;
    }
    settle_levels();
    if (!done() && requests_ >= max_requests_) {
        builder_.note("too_many_requests", {}, std::to_string(requests_) + " requests");
        stopped_ = true;
        settle_levels();
    }
}

void DeviceWalk::take_error(long error_status) {
    builder_.note("agent_error", {}, "error-status " + std::to_string(error_status));
    stopped_ = true;
    settle_levels();
}

void DeviceWalk::settle_levels() {
    auto& reading = builder_.reading();
    for (auto& walk : walks_) {
        if (!walk.levels || !(walk.finished || stopped_)) continue;
        walk.levels = false;
        const bool supplies = walk.table == supplies_table;
        const bool same = supplies ? complete_from_layout(reading.supplies, layout_->supplies)
                                   : complete_from_layout(reading.ricoh_toners, layout_->ricoh_toners);
        if (same || stopped_) continue;
        if (supplies) {
            reading.supplies.clear();
        } else {
            reading.ricoh_toners.clear();
        }
        walk = Walk{walk.table, walk.table, walk.table};
        repetitions_ = std::max(repetitions_, most_);
    }
}

}  // namespace madoguchi::server::telemetry

#pragma once
// The requests one poll of one printer makes: a GETBULK whose non-repeaters fetch the scalars
// (GETNEXT of each scalar's parent) and whose walk_cursors walk the tables, then more GETBULKs
// for the tables not finished, until every walk has left its table. A long table of which a
// reading keeps a few columns (Ricoh's counters) is walked by those columns instead. A table
// the device's last reading held empty is asked as a non-repeater too: its one binding, the
// end, instead of a full round of repetitions past it; so is the alert table of a device never
// read, as most printers hold it empty. Between the hourly reads of a device's
// supplies layout, its supply tables are walked by their level column alone and completed from
// the layout (supply_layout.hpp). Pure: the poller sends what next_request() says and hands the
// answer to take_response().
#include <cstddef>
#include <optional>
#include <vector>

#include "telemetry/poll_target.hpp"
#include "telemetry/reading_builder.hpp"
#include "telemetry/supply_layout.hpp"

namespace madoguchi::server::telemetry {

struct BulkRequest {
    // The non-repeaters: the scalars' parents, then the tables expected empty.
    std::vector<Oid> scalar_parents;
    std::vector<Oid> next_cursors;
    std::vector<Oid> walk_cursors;
    int repetitions = 0;
};

// Rows above which a table of Ricoh's is walked by the columns a reading keeps.
inline constexpr std::size_t column_walk_rows = 8;

// GETBULK max-repetitions for a device: enough for the largest walk this poll makes, as the
// device's last reading held its table (rows × the table's columns, or rows for a walk of one
// column, as the supply tables' level columns are with `levels_only`), and the binding past its
// end, so a table that kept its size is read in one request without the agent computing
// bindings beyond it; from 2 up to `most`. A walked table of unknown size asks `most` (an alert
// table never read is expected empty). A table that grew is still walked to its end by the
// following requests.
int walk_repetitions(const KindsDue& kinds, const TableRows& last_rows, int most, bool levels_only = false);

class DeviceWalk {
public:
    // `last_rows`: the table sizes of the device's last reading, which set the repetitions
    // asked (walk_repetitions, at most `most`), the tables asked as non-repeaters (empty) and
    // those walked by column (long). `layout`: the supplies layout of that reading, which lets
    // the supply tables be walked by their levels (reads_levels_only). A misbehaving agent could
    // keep a walk going forever: the poll stops after `max_requests`.
    DeviceWalk(int most, const KindsDue& kinds, const TableRows& last_rows = {},
               std::optional<SupplyLayout> layout = std::nullopt, int max_requests = 16);

    // The first request asks the scalars (and the tables expected empty) alone, without
    // repetitions: a small question that tells quickly whether a device never read answers at
    // all, its tables walked from the next request on. False when the poll asks no scalars:
    // its first request is then as usual.
    bool ask_scalars_first() {
        scalars_alone_ = !scalars_.empty();
        return scalars_alone_;
    }

    bool done() const;
    BulkRequest next_request();
    void take_response(const std::vector<VarBind>& binds);
    // The agent answered with an error status (tooBig, genErr, …).
    void take_error(long error_status);

    ReadingBuilder& builder() { return builder_; }

private:
    struct Walk {
        Oid table;
        Oid bound;  // the table, or the column walked
        Oid cursor;
        std::size_t cells = 0;
        bool finished = false;
        // Asked as a non-repeater: the table was empty last time.
        bool step = false;
        // The level column alone, its rows completed from the layout once it ends.
        bool levels = false;
    };
    void advance(Walk& walk, const VarBind& bind);
    // Level walks that ended: their rows completed from the layout, or, when the device's rows
    // are no longer the layout's, the table walked whole from the next request on (unless the
    // poll stopped: then the rows the layout knows are completed and the others kept as read).
    void settle_levels();

    int most_;
    int repetitions_;
    int max_requests_;
    int requests_ = 0;
    bool scalars_pending_ = true;
    bool stopped_ = false;
    std::vector<Oid> scalars_;
    std::vector<Walk> walks_;
    // Which walk each binding of the last request continues: one each for the non-repeating
    // walks, round by round for the repeated ones.
    std::vector<std::size_t> last_steps_;
    std::vector<std::size_t> last_walks_;
    bool last_had_scalars_ = false;
    bool scalars_alone_ = false;
    std::optional<SupplyLayout> layout_;
    ReadingBuilder builder_;
};

}  // namespace madoguchi::server::telemetry

#pragma once
// The requests one poll of one printer makes: a GETBULK whose non-repeaters fetch the scalars
// (GETNEXT of each scalar's parent) and whose walk_cursors walk the tables, then more GETBULKs
// for the tables not finished, until every walk has left its table. A long table of which a
// reading keeps a few columns (Ricoh's counters) is walked by those columns instead. A table
// the device's last reading held empty is asked as a non-repeater too: its one binding, the
// end, instead of a full round of repetitions past it. Pure: the poller sends what
// next_request() says and hands the answer to take_response().
#include <cstddef>
#include <vector>

#include "telemetry/poll_target.hpp"
#include "telemetry/reading_builder.hpp"

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
// column), and the binding past its end, so
// a table that kept its size is read in one request without the agent computing bindings
// beyond it; from 2 up to `most`. A walked table of unknown size asks `most`. A table that
// grew is still walked to its end by the following requests.
int walk_repetitions(const KindsDue& kinds, const TableRows& last_rows, int most);

class DeviceWalk {
public:
    // `last_rows`: the table sizes of the device's last reading, which set the repetitions
    // asked (walk_repetitions, at most `most`), the tables asked as non-repeaters (empty) and
    // those walked by column (long). A misbehaving agent could keep a walk going forever: the
    // poll stops after `max_requests`.
    DeviceWalk(int most, const KindsDue& kinds, const TableRows& last_rows = {}, int max_requests = 16);

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
    };
    void advance(Walk& walk, const VarBind& bind);

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
    ReadingBuilder builder_;
};

}  // namespace madoguchi::server::telemetry

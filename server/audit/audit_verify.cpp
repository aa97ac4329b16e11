#include "audit/audit_verify.hpp"

#include <vector>

#include "audit/audit_chain.hpp"

namespace madoguchi::server::audit {
namespace {

struct Problem {
    std::string reason;
    std::string detail;
};

std::string shown(const std::optional<std::string>& hash) { return hash ? *hash : "NULL"; }

// What is wrong with `record`, given the record before it (none for the first).
std::vector<Problem> problems_of(const StoredRecord& record, const StoredRecord* previous) {
    std::vector<Problem> problems;
    if (!record.hash) problems.push_back({"hash_missing", "the record has no hash"});
    if (previous && record.id != previous->id + 1) {
        problems.push_back({"ids_not_consecutive", "ids not consecutive: it follows record " +
                                                        std::to_string(previous->id) + " (a record removed or inserted)"});
    }
    const std::string expected_prev = previous ? shown(previous->hash) : std::string(genesis_hash);
    if (record.prev_hash != expected_prev) {
        problems.push_back({"prev_hash_mismatch",
                            "prev_hash " + shown(record.prev_hash) + " does not match the " +
                                (previous ? "previous record's hash " : "chain's starting value ") + expected_prev +
                                " (a record removed or inserted)"});
    }
    if (record.hash) {
        const auto computed = record_hash(shown(record.prev_hash), record);
        if (computed != *record.hash) {
            problems.push_back({"hash_mismatch", "content changed: the stored hash " + *record.hash +
                                                     " does not match the content's hash " + computed});
        }
    }
    return problems;
}

BrokenLink broken_link(const StoredRecord& record, const std::vector<Problem>& problems) {
    BrokenLink link{record.id, record.occurred_at, problems.front().reason, {}};
    for (const auto& problem : problems) {
        if (!link.detail.empty()) link.detail += "; ";
        link.detail += problem.detail;
    }
    return link;
}

}  // namespace

store::Result<ChainReport> verify_chain(store::Database& database) {
    auto rows = database.prepare(std::string(select_records) + " ORDER BY id");
    if (!rows) return store::Error{rows.error()};
    ChainReport report;
    std::optional<StoredRecord> previous;
    while (true) {
        auto row = rows.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        auto record = read_record(rows.value());
        ++report.records;
        if (!report.first_broken) {
            const auto problems = problems_of(record, previous ? &*previous : nullptr);
            if (!problems.empty()) report.first_broken = broken_link(record, problems);
        }
        previous = std::move(record);
    }
    if (previous) report.last_hash = shown(previous->hash);
    return report;
}

}  // namespace madoguchi::server::audit

#include "audit/audit_chain.hpp"

#include "idempotency/request_hash.hpp"

namespace madoguchi::server::audit {
namespace {

// Names the encoding, so a future change of the encoding cannot produce equal hashes.
constexpr std::string_view encoding_tag = "madoguchi.audit_log.v1";

void append_text(std::string& out, std::string_view text) {
    out += 'S';
    out += std::to_string(text.size());
    out += ':';
    out += text;
}

void append_nullable(std::string& out, const std::optional<std::string>& text) {
    if (text) {
        append_text(out, *text);
    } else {
        out += 'N';
    }
}

std::optional<std::string> nullable_text(const store::Statement& row, int column) {
    if (row.column_is_null(column)) return std::nullopt;
    return row.column_text(column);
}

}  // namespace

StoredRecord read_record(const store::Statement& row) {
    return {row.column_int(0),        row.column_text(1),      row.column_text(2),      row.column_text(3),
            row.column_text(4),       row.column_text(5),      row.column_text(6),      row.column_text(7),
            nullable_text(row, 8),    nullable_text(row, 9),   nullable_text(row, 10),  nullable_text(row, 11)};
}

std::string record_hash(std::string_view prev_hash, const StoredRecord& record) {
    std::string encoded;
    encoded.reserve(160 + record.occurred_at.size() + record.actor.size() + record.object_id.size() +
                    (record.before_json ? record.before_json->size() : 0) +
                    (record.after_json ? record.after_json->size() : 0));
    append_text(encoded, encoding_tag);
    append_text(encoded, prev_hash);
    encoded += 'I';
    encoded += std::to_string(record.id);
    encoded += ';';
    append_text(encoded, record.occurred_at);
    append_text(encoded, record.actor);
    append_text(encoded, record.actor_roles);
    append_text(encoded, record.source_address);
    append_text(encoded, record.action);
    append_text(encoded, record.object_type);
    append_text(encoded, record.object_id);
    append_nullable(encoded, record.before_json);
    append_nullable(encoded, record.after_json);
    return idempotency::sha256_hex(encoded);
}

store::Result<ChainEnd> chain_end(store::Database& database) {
    auto newest = database.prepare("SELECT id, occurred_at, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (!newest) return store::Error{newest.error()};
    auto& row = newest.value();
    auto found = row.step();
    if (!found) return store::Error{found.error()};
    if (!found.value()) return ChainEnd{0, {}, std::string(genesis_hash)};
    // An unhashed newest record exists only before migration 6 has run; the chain then starts afresh.
    return ChainEnd{row.column_int(0), row.column_text(1),
                    row.column_is_null(2) ? std::string(genesis_hash) : row.column_text(2)};
}

store::Status chain_unhashed_records(store::Database& database) {
    auto rows = database.prepare(std::string(select_records) + " ORDER BY id");
    auto update = database.prepare("UPDATE audit_log SET prev_hash = ?1, hash = ?2 WHERE id = ?3");
    if (!rows) return store::Error{rows.error()};
    if (!update) return store::Error{update.error()};
    std::string previous(genesis_hash);
    while (true) {
        auto row = rows.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        const auto record = read_record(rows.value());
        auto hash = record_hash(previous, record);
        auto& statement = update.value();
        statement.bind(1, previous).bind(2, hash).bind(3, record.id);
        if (auto updated = statement.step(); !updated) return store::Error{updated.error()};
        statement.reset();
        previous = std::move(hash);
    }
    return store::success();
}

}  // namespace madoguchi::server::audit

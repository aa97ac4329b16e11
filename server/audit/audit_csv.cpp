#include "audit/audit_csv.hpp"

#include <string_view>

#include "calendar/tokyo_time.hpp"
#include "text/csv.hpp"

namespace madoguchi::server::audit {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
constexpr std::string_view header =
    "id,occurred_at,occurred_at_tokyo,actor,actor_roles,source_address,action,object_type,object_id,before_json,"
    "after_json,hash\r\n";

void append_field(std::string& out, std::string_view value) { out += text::csv_field(value); }

// Text a requester chose (a failed sign-in's login, say) must not run as a formula when an
// auditor opens the file in Excel. JSON, times, ids and hashes never start so.
void append_text_field(std::string& out, std::string_view value) { append_field(out, text::formula_guarded(value)); }

std::string tokyo_time_of(const std::string& occurred_at) {
    const auto parsed = calendar::parse_iso8601(occurred_at);
    return parsed.instant ? calendar::format_iso8601_tokyo(*parsed.instant) : std::string();
}

void append_row(std::string& out, const StoredRecord& record) {
    out += std::to_string(record.id);
    out += ',';
    append_field(out, record.occurred_at);
    out += ',';
    append_field(out, tokyo_time_of(record.occurred_at));
    for (const auto* text : {&record.actor, &record.actor_roles, &record.source_address, &record.action,
                             &record.object_type, &record.object_id}) {
        out += ',';
        append_text_field(out, *text);
    }
    out += ',';
    append_field(out, record.before_json.value_or(""));
    out += ',';
    append_field(out, record.after_json.value_or(""));
    out += ',';
    append_field(out, record.hash.value_or(""));
    out += "\r\n";
}

}  // namespace

std::string records_csv(std::span<const StoredRecord> records) {
    std::string out(byte_order_mark);
    out += header;
    for (const auto& record : records) append_row(out, record);
    return out;
}

}  // namespace madoguchi::server::audit

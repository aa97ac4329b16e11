#include "audit/audit_log.hpp"

#include "audit/audit_appender.hpp"

namespace madoguchi::server::audit {
store::Status record(store::Database& database, const AuditEntry& entry) {
    return record_at(database, entry, calendar::now());
}

store::Status record_at(store::Database& database, const AuditEntry& entry, calendar::Instant at) {
    auto appender = Appender::open(database);
    if (!appender) return store::Error{appender.error()};
    auto appended = appender.value().append(entry, at);
    if (!appended) return store::Error{appended.error()};
    return store::success();
}

}  // namespace madoguchi::server::audit

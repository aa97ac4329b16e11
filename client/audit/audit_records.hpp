#pragma once
// 監査ログ for auditors and admins: the audit trail filtered on the server (GET /api/v1/audit:
// a date range, actor, action, object), newest first, a page of 200 at a time; the record
// picked in the table; the hash chain's check (GET /api/v1/audit/verify); and the CSV export's
// address for the same date range (GET /api/v1/audit/export).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "calendar/civil_date.hpp"
#include "i18n/catalog.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

struct AuditFilters {
    std::optional<calendar::Date> from;
    std::optional<calendar::Date> to;
    std::string actor;
    std::string action;
    std::string object_type;
    std::string object_id;
    friend bool operator==(const AuditFilters&, const AuditFilters&) = default;
};

struct AuditRecord {
    std::int64_t id = 0;
    std::string occurred_at;  // UTC ISO 8601
    std::string actor;
    std::string actor_roles;
    std::string source_address;
    std::string action;
    std::string object_type;
    std::string object_id;
    nlohmann::json before;  // null when the change created the object (or changed no fields)
    nlohmann::json after;
    std::string hash;
};

std::optional<AuditRecord> audit_record_from_json(const nlohmann::json& record);
std::string audit_path(const AuditFilters& filters, int limit, int offset);
std::string audit_export_path(const AuditFilters& filters);

struct ChainCheck {
    enum class State { idle, checking, intact, broken, failed };
    State state = State::idle;
    std::int64_t records = 0;
    std::int64_t first_broken = 0;  // the first record whose link does not hold
    std::string error;
};

class AuditLog {
public:
    static constexpr int page_size = 200;
    enum class State { idle, loading, loaded, failed };

    explicit AuditLog(i18n::Language language);

    AuditFilters& filters() { return filters_; }
    // Loads the page at `offset` for the current filters; an older load's answer is dropped.
    void load(ApiClient& api, int offset = 0);
    void accept(const std::string& body, int offset);  // public for tests with fixtures
    bool has_next() const { return offset_ + static_cast<std::int64_t>(records_.size()) < total_; }
    bool has_previous() const { return offset_ > 0; }
    int offset() const { return offset_; }

    State state() const { return state_; }
    const std::string& error_text() const { return error_; }
    std::int64_t total() const { return total_; }
    const std::vector<AuditRecord>& records() const { return records_; }
    TableModel& table() { return table_; }
    const AuditRecord* current() const;
    void set_language(i18n::Language language);

    void verify(ApiClient& api);
    void accept_verification(const std::string& body);  // public for tests with fixtures
    const ChainCheck& chain() const { return chain_; }

private:
    i18n::Language language_;
    AuditFilters filters_;
    State state_ = State::idle;
    std::string error_;
    std::int64_t total_ = 0;
    int offset_ = 0;
    std::uint64_t generation_ = 0;
    std::vector<AuditRecord> records_;
    TableModel table_;
    ChainCheck chain_;
};

}  // namespace madoguchi::client

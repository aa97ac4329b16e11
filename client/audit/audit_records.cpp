#include "audit/audit_records.hpp"

#include "api/form_errors.hpp"
#include "api/query_string.hpp"
#include "calendar/tokyo_time.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

std::string text_of(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return {};
    return found->is_string() ? found->get<std::string>() : found->dump();
}

std::int64_t number_of(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_number_integer() ? found->get<std::int64_t>() : 0;
}

std::vector<std::pair<std::string, std::string>> filter_parameters(const AuditFilters& filters) {
    return {{"from", filters.from ? calendar::format_date(*filters.from) : std::string()},
            {"to", filters.to ? calendar::format_date(*filters.to) : std::string()},
            {"actor", filters.actor},
            {"action", filters.action},
            {"object_type", filters.object_type},
            {"object_id", filters.object_id}};
}

}  // namespace

std::optional<AuditRecord> audit_record_from_json(const nlohmann::json& record) {
    if (!record.is_object() || !record.contains("id") || !record["id"].is_number_integer()) return std::nullopt;
    AuditRecord result;
    result.id = record["id"].get<std::int64_t>();
    result.occurred_at = text_of(record, "occurred_at");
    result.actor = text_of(record, "actor");
    result.actor_roles = text_of(record, "actor_roles");
    result.source_address = text_of(record, "source_address");
    result.action = text_of(record, "action");
    result.object_type = text_of(record, "object_type");
    result.object_id = text_of(record, "object_id");
    result.before = record.value("before", nlohmann::json());
    result.after = record.value("after", nlohmann::json());
    result.hash = text_of(record, "hash");
    return result;
}

std::string audit_path(const AuditFilters& filters, int limit, int offset) {
    auto parameters = filter_parameters(filters);
    parameters.emplace_back("limit", std::to_string(limit));
    parameters.emplace_back("offset", std::to_string(offset));
    return with_query("/api/v1/audit", parameters);
}

std::string audit_export_path(const AuditFilters& filters) {
    return with_query("/api/v1/audit/export", {{"from", filters.from ? calendar::format_date(*filters.from) : std::string()},
                                               {"to", filters.to ? calendar::format_date(*filters.to) : std::string()}});
}

AuditLog::AuditLog(i18n::Language language)
    : language_(language),
      table_(
          {
              {"audit.column.time", 11.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   const auto instant = calendar::parse_iso8601(records_[row].occurred_at).instant;
                   return instant ? format_display_time(*instant, language_, false) : records_[row].occurred_at;
               }},
              {"audit.column.actor", 8.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return records_[row].actor; }},
              {"audit.column.action", 11.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return records_[row].action; }},
              {"audit.column.object", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   std::string text = records_[row].object_type;
                   if (!records_[row].object_id.empty()) {
                       text += ' ';
                       text += records_[row].object_id;
                   }
                   return text;
               }},
              {"audit.column.address", 8.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return records_[row].source_address; }},
          },
          0,
          [this](std::size_t row) {
              const auto& record = records_[row];
              auto label = std::to_string(record.id);
              label += ' ';
              label += record.action;
              return label;
          }) {}

void AuditLog::load(ApiClient& api, int offset) {
    ++generation_;
    state_ = State::loading;
    error_.clear();
    api.get(audit_path(filters_, page_size, offset), [this, offset, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;
        if (!result.ok()) {
            state_ = State::failed;
            error_ = client::error_text(result.error, language_);
            return;
        }
        accept(result.body, offset);
    });
}

void AuditLog::accept(const std::string& body, int offset) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("records") || !document["records"].is_array()) {
        state_ = State::failed;
        error_ = i18n::text("audit.load_failed", language_);
        return;
    }
    records_.clear();
    for (const auto& item : document["records"]) {
        if (auto record = audit_record_from_json(item)) records_.push_back(std::move(*record));
    }
    total_ = number_of(document, "total");
    offset_ = offset;
    table_.set_rows(records_.size());
    state_ = State::loaded;
}

const AuditRecord* AuditLog::current() const {
    const auto row = table_.current_row();
    return row && *row < records_.size() ? &records_[*row] : nullptr;
}

void AuditLog::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

void AuditLog::verify(ApiClient& api) {
    chain_ = {};
    chain_.state = ChainCheck::State::checking;
    api.get("/api/v1/audit/verify", [this](const ApiResult& result) {
        if (!result.ok()) {
            chain_.state = ChainCheck::State::failed;
            chain_.error = client::error_text(result.error, language_);
            return;
        }
        accept_verification(result.body);
    });
}

void AuditLog::accept_verification(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("intact") || !document["intact"].is_boolean()) {
        chain_.state = ChainCheck::State::failed;
        chain_.error = i18n::text("audit.load_failed", language_);
        return;
    }
    chain_.records = number_of(document, "records");
    chain_.first_broken = number_of(document, "first_broken");
    chain_.state = document["intact"].get<bool>() ? ChainCheck::State::intact : ChainCheck::State::broken;
}

}  // namespace madoguchi::client

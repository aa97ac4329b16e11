#include "lending/loss_report_form.hpp"

#include <array>

#include "lending/lending_records.hpp"
#include "platform/uuid.hpp"

namespace madoguchi::client {
namespace {

constexpr std::array<std::string_view, 5> field_order{"tag", "kind", "occurred_at", "place", "circumstances"};

}  // namespace

nlohmann::json loss_body(const lending::LossDraft& draft) {
    return {{"tag", draft.tag},
            {"kind", draft.kind},
            {"occurred_at", draft.occurred_at},
            {"place", draft.place},
            {"circumstances", draft.circumstances}};
}

lending::LossDraft loss_from_body(const nlohmann::json& body) {
    lending::LossDraft draft;
    if (!body.is_object()) return draft;
    draft.tag = string_field(body, "tag");
    draft.kind = string_field(body, "kind");
    draft.occurred_at = string_field(body, "occurred_at");
    draft.place = string_field(body, "place");
    draft.circumstances = string_field(body, "circumstances");
    return draft;
}

void LossReportForm::set_owner(std::string login) {
    if (login == owner_) return;
    if (dirty_) save();
    reset();
    owner_ = std::move(login);
}

void LossReportForm::choose_tag(const std::string& tag, Clock::time_point now) {
    values_.tag = tag;
    left("tag", now);
}

void LossReportForm::choose_kind(lending::LossKind kind, Clock::time_point now) {
    values_.kind = std::string(lending::loss_kind_name(kind));
    left("kind", now);
}

void LossReportForm::occurred_changed(Clock::time_point now) {
    const auto instant = occurred_.value();
    // With the Tokyo offset, as staff read it back in the incident.
    values_.occurred_at = instant ? calendar::format_iso8601_tokyo(*instant) : std::string();
    left("occurred_at", now);
}

void LossReportForm::edited(Clock::time_point now) {
    dirty_ = true;
    changed_at_ = now;
}

void LossReportForm::left(std::string_view field, Clock::time_point now) {
    checked_.emplace(field);
    server_errors_.erase(std::string(field));
    edited(now);
    save();
}

void LossReportForm::update(Clock::time_point now) {
    if (dirty_ && now - changed_at_ >= save_pause) save();
}

LossReportForm::Submission LossReportForm::submit(calendar::Instant now, Clock::time_point steady_now) {
    checked_.insert(field_order.begin(), field_order.end());
    server_errors_.clear();
    refusal_ja_.clear();
    refusal_en_.clear();
    save();
    if (!lending::validate(values_, now).empty()) return Submission::invalid;
    outbox_.submit(draft_id_, steady_now);
    reset();
    return Submission::queued;
}

bool LossReportForm::outbox_event(const OutboxEvent& event) {
    const auto* draft = store_.find(event.draft_id);
    if (draft == nullptr || draft->form != loss_report_form_name) return false;
    if (event.kind == OutboxEvent::Kind::sent) {
        incident_ = event.receipt;
        return true;
    }
    if (dirty_) save();
    const auto refused = *draft;
    if (event.kind == OutboxEvent::Kind::rejected) {
        // The server keeps a refusal under the draft's key: the values go on under a new one.
        store_.remove(refused.id);
        auto again = refused;
        again.id.clear();
        again.field_errors = nlohmann::json::object();
        open(again);
    } else {
        open(refused);
    }
    refusal_ja_ = refused.error_ja;
    refusal_en_ = refused.error_en;
    return true;
}

std::string LossReportForm::refusal(i18n::Language language) const {
    return language == i18n::Language::ja || refusal_en_.empty() ? refusal_ja_ : refusal_en_;
}

std::string LossReportForm::error_for(std::string_view field, calendar::Instant now, i18n::Language language) const {
    if (checked_.contains(field)) {
        for (const auto& problem : lending::validate(values_, now)) {
            if (problem.field == field) return i18n::text(problem.reason_key, language);
        }
    }
    const auto found = server_errors_.find(field);
    return found == server_errors_.end() ? std::string() : found->second;
}

void LossReportForm::open(const Draft& draft) {
    reset();
    draft_id_ = draft.id;
    load_values(draft.fields);
    for (const auto& [field, message] : draft.field_errors.items()) {
        if (message.is_string()) server_errors_.emplace(field, message.get<std::string>());
    }
    checked_.insert(field_order.begin(), field_order.end());
    dirty_ = true;
    save();
}

void LossReportForm::discard() {
    if (!draft_id_.empty()) store_.remove(draft_id_);
    reset();
}

bool LossReportForm::has_content() const {
    const auto& v = values_;
    return !(v.tag.empty() && v.kind.empty() && v.occurred_at.empty() && v.place.empty() && v.circumstances.empty());
}

void LossReportForm::load_values(const nlohmann::json& fields) {
    values_ = loss_from_body(fields);
    occurred_.set(calendar::parse_iso8601(values_.occurred_at).instant);
}

void LossReportForm::save() {
    dirty_ = false;
    if (draft_id_.empty() && !has_content()) return;
    if (draft_id_.empty()) draft_id_ = new_uuid();
    Draft draft;
    if (const auto* stored = store_.find(draft_id_)) draft = *stored;
    draft.id = draft_id_;
    draft.form = loss_report_form_name;
    if (draft.owner.empty()) draft.owner = owner_;
    draft.title = values_.tag;
    draft.fields = loss_body(values_);
    draft.state = DraftState::editing;
    draft.field_errors = nlohmann::json::object();
    for (const auto& [field, message] : server_errors_) draft.field_errors[field] = message;
    draft.saved_at = calendar::format_iso8601_utc(calendar::now());
    store_.put(draft);
}

void LossReportForm::reset() {
    values_ = {};
    occurred_.set(std::nullopt);
    draft_id_.clear();
    server_errors_.clear();
    checked_.clear();
    refusal_ja_.clear();
    refusal_en_.clear();
    dirty_ = false;
}

}  // namespace madoguchi::client

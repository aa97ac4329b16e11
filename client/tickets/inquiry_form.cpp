#include "tickets/inquiry_form.hpp"

#include <algorithm>

#include "calendar/tokyo_time.hpp"
#include "platform/uuid.hpp"

namespace madoguchi::client {
namespace {

constexpr std::string_view field_order[] = {"requester_name", "division", "contact", "category", "subject", "body"};

bool same_values(const tickets::Inquiry& a, const tickets::Inquiry& b) {
    return a.requester_name == b.requester_name && a.division == b.division && a.contact == b.contact &&
           a.category == b.category && a.subject == b.subject && a.body == b.body;
}

}  // namespace

tickets::Inquiry inquiry_from_draft(const Draft& draft) {
    return tickets::inquiry_from_json(draft.fields).inquiry;
}

void InquiryForm::set_requester(std::string owner, const tickets::Inquiry& details) {
    tickets::Inquiry prefill;
    prefill.requester_name = details.requester_name;
    prefill.division = details.division;
    prefill.contact = details.contact;
    const bool untouched = draft_id_.empty() && !dirty_ && same_values(values_, prefill_);
    if (owner != owner_) {
        // Another user's unsaved typing is theirs: it goes to their draft before the switch.
        if (dirty_) save();
        reset();
        owner_ = std::move(owner);
        prefill_ = prefill;
        values_ = prefill_;
        return;
    }
    prefill_ = prefill;
    if (untouched) values_ = prefill_;
}

int InquiryForm::category_index() const {
    const auto categories = tickets::inquiry_categories();
    const auto found = std::find(categories.begin(), categories.end(), values_.category);
    return found == categories.end() ? -1 : static_cast<int>(found - categories.begin());
}

void InquiryForm::choose_category(int index, Clock::time_point now) {
    const auto categories = tickets::inquiry_categories();
    if (index < 0 || index >= static_cast<int>(categories.size())) return;
    values_.category = categories[static_cast<std::size_t>(index)];
    left("category", now);
}

void InquiryForm::edited(Clock::time_point now) {
    dirty_ = true;
    changed_at_ = now;
}

void InquiryForm::left(std::string_view field, Clock::time_point now) {
    checked_.emplace(field);
    server_errors_.erase(std::string(field));
    edited(now);
    save();
}

void InquiryForm::update(Clock::time_point now) {
    if (dirty_ && now - changed_at_ >= save_pause) save();
}

InquiryForm::Submission InquiryForm::submit(Clock::time_point now) {
    checked_.insert(std::begin(field_order), std::end(field_order));
    server_errors_.clear();
    if (!tickets::validate(values_).empty()) {
        save();
        return Submission::invalid;
    }
    save();
    outbox_.submit(draft_id_, now);
    reset();
    return Submission::queued;
}

void InquiryForm::open(const std::string& draft_id) {
    if (dirty_) save();
    const auto* draft = store_.find(draft_id);
    if (draft == nullptr) return;
    reset();
    draft_id_ = draft->id;
    saved_at_ = draft->saved_at;
    values_ = inquiry_from_draft(*draft);
    for (const auto& [field, message] : draft->field_errors.items()) {
        if (message.is_string()) server_errors_.emplace(field, message.get<std::string>());
    }
    // A draft sent back by the server shows its problems at once.
    if (!server_errors_.empty()) checked_.insert(std::begin(field_order), std::end(field_order));
}

void InquiryForm::discard() {
    if (!draft_id_.empty()) store_.remove(draft_id_);
    reset();
}

std::string InquiryForm::error_for(std::string_view field, i18n::Language language) const {
    if (checked_.contains(field)) {
        for (const auto& problem : tickets::validate(values_)) {
            if (problem.field == field) return i18n::text(problem.reason_key, language);
        }
    }
    // A problem only the server could see, in the words it sent.
    if (const auto server = server_errors_.find(field); server != server_errors_.end()) return server->second;
    return {};
}

bool InquiryForm::has_content() const {
    const auto& v = values_;
    return !(v.requester_name.empty() && v.division.empty() && v.contact.empty() && v.category.empty() &&
             v.subject.empty() && v.body.empty());
}

void InquiryForm::save() {
    dirty_ = false;
    // An untouched form is not worth a draft; an emptied one keeps its draft until discarded.
    if (draft_id_.empty() && !has_content()) return;
    if (draft_id_.empty()) draft_id_ = new_uuid();
    Draft draft;
    if (const auto* stored = store_.find(draft_id_)) draft = *stored;
    draft.id = draft_id_;
    draft.form = inquiry_form_name;
    if (draft.owner.empty()) draft.owner = owner_;
    draft.title = values_.subject;
    draft.fields = tickets::to_json(values_);
    draft.state = DraftState::editing;
    draft.field_errors = nlohmann::json::object();
    for (const auto& [field, message] : server_errors_) draft.field_errors[field] = message;
    draft.saved_at = calendar::format_iso8601_utc(calendar::now());
    if (store_.put(draft)) saved_at_ = draft.saved_at;
}

void InquiryForm::reset() {
    values_ = prefill_;
    draft_id_.clear();
    saved_at_.clear();
    server_errors_.clear();
    checked_.clear();
    dirty_ = false;
}

}  // namespace madoguchi::client

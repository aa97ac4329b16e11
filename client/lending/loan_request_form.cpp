#include "lending/loan_request_form.hpp"

#include <algorithm>
#include <array>

#include "calendar/tokyo_time.hpp"
#include "platform/uuid.hpp"

namespace madoguchi::client {
namespace {

constexpr std::array<std::string_view, 11> field_order{"class",          "quantity",     "purpose",
                                                       "start_date",     "due_date",     "delivery",
                                                       "pickup_location_id", "ship_address", "ship_recipient",
                                                       "accessories",    "terms"};

// "accessories" stands for each "accessories[i]" the shared check names.
bool names_field(std::string_view problem_field, std::string_view field) {
    if (problem_field == field) return true;
    return field == "accessories" && problem_field.starts_with("accessories[");
}

// Splits on 、 , and ， and trims spaces; empty pieces are dropped.
std::vector<std::string> split_accessories(const std::string& text) {
    std::string unified = text;
    for (const std::string_view separator : {"、", "，"}) {
        for (auto at = unified.find(separator); at != std::string::npos; at = unified.find(separator, at)) {
            unified.replace(at, separator.size(), ",");
        }
    }
    std::vector<std::string> pieces;
    std::size_t begin = 0;
    while (begin <= unified.size()) {
        auto end = unified.find(',', begin);
        if (end == std::string::npos) end = unified.size();
        auto piece = unified.substr(begin, end - begin);
        const auto first = piece.find_first_not_of(" \t");
        const auto last = piece.find_last_not_of(" \t");
        if (first != std::string::npos) pieces.push_back(piece.substr(first, last - first + 1));
        begin = end + 1;
    }
    return pieces;
}

std::string join_accessories(const std::vector<std::string>& accessories) {
    std::string text;
    for (const auto& accessory : accessories) {
        if (!text.empty()) text += "、";
        text += accessory;
    }
    return text;
}

std::optional<calendar::Date> date_of(const std::string& text) { return calendar::parse_date(text); }

}  // namespace

nlohmann::json request_body(const lending::RequestDraft& draft, int terms_version) {
    nlohmann::json body{{"class", draft.class_code},       {"quantity", draft.quantity},
                        {"purpose", draft.purpose},        {"start_date", draft.start_date},
                        {"due_date", draft.due_date},      {"delivery", draft.delivery},
                        {"accessories", draft.accessories}, {"terms_version", terms_version}};
    if (draft.delivery == lending::delivery_name(lending::Delivery::pickup)) {
        body["pickup_location_id"] = draft.pickup_location_id;
    } else if (draft.delivery == lending::delivery_name(lending::Delivery::shipping)) {
        body["ship_address"] = draft.ship_address;
        body["ship_recipient"] = draft.ship_recipient;
    }
    return body;
}

lending::RequestDraft request_from_body(const nlohmann::json& body) {
    lending::RequestDraft draft;
    if (!body.is_object()) return draft;
    draft.class_code = string_field(body, "class");
    draft.quantity = body.contains("quantity") ? integer_field(body, "quantity") : 1;
    draft.purpose = string_field(body, "purpose");
    draft.start_date = string_field(body, "start_date");
    draft.due_date = string_field(body, "due_date");
    draft.delivery = string_field(body, "delivery");
    draft.pickup_location_id = integer_field(body, "pickup_location_id");
    draft.ship_address = string_field(body, "ship_address");
    draft.ship_recipient = string_field(body, "ship_recipient");
    if (const auto found = body.find("accessories"); found != body.end() && found->is_array()) {
        for (const auto& accessory : *found) {
            if (accessory.is_string()) draft.accessories.push_back(accessory.get<std::string>());
        }
    }
    return draft;
}

void LoanRequestForm::set_owner(std::string login) {
    if (login == owner_) return;
    if (dirty_) save();
    reset();
    owner_ = std::move(login);
}

void LoanRequestForm::choose_class(const std::string& class_code, Clock::time_point now) {
    values_.class_code = class_code;
    left("class", now);
}

void LoanRequestForm::choose_delivery(lending::Delivery delivery, Clock::time_point now) {
    values_.delivery = std::string(lending::delivery_name(delivery));
    left("delivery", now);
}

void LoanRequestForm::choose_location(std::int64_t location_id, Clock::time_point now) {
    values_.pickup_location_id = location_id;
    left("pickup_location_id", now);
}

void LoanRequestForm::dates_changed(Clock::time_point now) {
    const auto& start = start_field_.value();
    const auto& due = due_field_.value();
    values_.start_date = start ? calendar::format_date(*start) : std::string();
    values_.due_date = due ? calendar::format_date(*due) : std::string();
    // A period picked by hand replaces the one the server offered.
    offer_.reset();
    if (start) left("start_date", now);
    if (due) left("due_date", now);
}

void LoanRequestForm::accept_terms(bool accepted, Clock::time_point now) {
    const auto& terms = reference_.terms();
    accepted_version_ = accepted && terms ? terms->version : 0;
    left("terms", now);
}

bool LoanRequestForm::terms_accepted() const {
    const auto& terms = reference_.terms();
    return terms && accepted_version_ == terms->version;
}

void LoanRequestForm::edited(Clock::time_point now) {
    dirty_ = true;
    changed_at_ = now;
}

void LoanRequestForm::left(std::string_view field, Clock::time_point now) {
    checked_.emplace(field);
    server_errors_.erase(std::string(field));
    edited(now);
    save();
}

void LoanRequestForm::update(Clock::time_point now) {
    if (dirty_ && now - changed_at_ >= save_pause) save();
}

LoanRequestForm::Submission LoanRequestForm::submit(const calendar::Date& today, Clock::time_point now) {
    values_.accessories = split_accessories(accessories_text_);
    checked_.insert(field_order.begin(), field_order.end());
    server_errors_.clear();
    refusal_ja_.clear();
    refusal_en_.clear();
    save();
    if (!terms_accepted() || !lending::validate(values_, rule(), today).empty()) return Submission::invalid;
    outbox_.submit(draft_id_, now);
    reset();
    return Submission::queued;
}

bool LoanRequestForm::outbox_event(const OutboxEvent& event) {
    const auto* draft = store_.find(event.draft_id);
    if (draft == nullptr || draft->form != loan_request_form_name) return false;
    if (event.kind == OutboxEvent::Kind::sent) return false;
    if (dirty_) save();
    if (event.kind == OutboxEvent::Kind::needs_changes) {
        // A 422 is not kept under the key: the same draft is fixed and sent again.
        open(event.draft_id);
        refusal_ja_ = draft->error_ja;
        refusal_en_ = draft->error_en;
        return true;
    }
    const auto refused = *draft;
    reopen_as_new(refused);
    refusal_ja_ = refused.error_ja;
    refusal_en_ = refused.error_en;
    const auto& body = event.refusal;
    const auto code = body.is_object() && body.contains("error") && body["error"].is_object()
                          ? string_field(body["error"], "code")
                          : std::string();
    if (code == "not_available") {
        const auto start = date_of(string_field(body, "earliest_start"));
        const auto due = date_of(string_field(body, "earliest_due"));
        if (start && due) offer_ = OfferedPeriod{*start, *due};
    } else if (code == "terms_not_current") {
        if (auto terms = terms_from_json(body.value("terms", nlohmann::json()))) reference_.replace_terms(std::move(*terms));
        accepted_version_ = 0;
    }
    return true;
}

void LoanRequestForm::take_offer(Clock::time_point now) {
    if (!offer_) return;
    const auto offered = *offer_;
    start_field_.set(offered.start);
    due_field_.set(offered.due);
    dates_changed(now);
    refusal_ja_.clear();
    refusal_en_.clear();
}

std::string LoanRequestForm::refusal(i18n::Language language) const {
    return language == i18n::Language::ja || refusal_en_.empty() ? refusal_ja_ : refusal_en_;
}

std::string LoanRequestForm::error_for(std::string_view field, const calendar::Date& today,
                                       i18n::Language language) const {
    if (checked_.contains(field)) {
        if (field == "terms") {
            if (!reference_.terms()) return i18n::text("error.no_terms", language);
            if (!terms_accepted()) return i18n::text("lending_client.terms_required", language);
            return {};
        }
        auto checked = values_;
        checked.accessories = split_accessories(accessories_text_);
        for (const auto& problem : lending::validate(checked, rule(), today)) {
            if (names_field(problem.field, field)) return i18n::text(problem.reason_key, language);
        }
    }
    for (const auto& [name, message] : server_errors_) {
        if (names_field(name, field)) return message;
    }
    return {};
}

void LoanRequestForm::open(const std::string& draft_id) {
    if (dirty_) save();
    const auto* draft = store_.find(draft_id);
    if (draft == nullptr) return;
    reset();
    draft_id_ = draft->id;
    saved_at_ = draft->saved_at;
    load_values(draft->fields);
    for (const auto& [field, message] : draft->field_errors.items()) {
        if (message.is_string()) server_errors_.emplace(field, message.get<std::string>());
    }
    if (!server_errors_.empty()) checked_.insert(field_order.begin(), field_order.end());
}

void LoanRequestForm::reopen_as_new(const Draft& refused) {
    reset();
    store_.remove(refused.id);
    load_values(refused.fields);
    checked_.insert(field_order.begin(), field_order.end());
    dirty_ = true;
    save();
}

void LoanRequestForm::discard() {
    if (!draft_id_.empty()) store_.remove(draft_id_);
    reset();
}

bool LoanRequestForm::has_content() const {
    const auto& v = values_;
    return !(v.class_code.empty() && v.purpose.empty() && v.start_date.empty() && v.due_date.empty() &&
             v.delivery.empty() && v.ship_address.empty() && v.ship_recipient.empty() && accessories_text_.empty());
}

void LoanRequestForm::load_values(const nlohmann::json& fields) {
    values_ = request_from_body(fields);
    accessories_text_ = join_accessories(values_.accessories);
    start_field_.set(date_of(values_.start_date));
    due_field_.set(date_of(values_.due_date));
    accepted_version_ = static_cast<int>(integer_field(fields, "terms_version"));
}

void LoanRequestForm::save() {
    dirty_ = false;
    if (draft_id_.empty() && !has_content()) return;
    if (draft_id_.empty()) draft_id_ = new_uuid();
    values_.accessories = split_accessories(accessories_text_);
    Draft draft;
    if (const auto* stored = store_.find(draft_id_)) draft = *stored;
    draft.id = draft_id_;
    draft.form = loan_request_form_name;
    if (draft.owner.empty()) draft.owner = owner_;
    draft.title = values_.purpose;
    draft.fields = request_body(values_, accepted_version_);
    draft.state = DraftState::editing;
    draft.field_errors = nlohmann::json::object();
    for (const auto& [field, message] : server_errors_) draft.field_errors[field] = message;
    draft.saved_at = calendar::format_iso8601_utc(calendar::now());
    if (store_.put(draft)) saved_at_ = draft.saved_at;
}

void LoanRequestForm::reset() {
    values_ = {};
    start_field_.set(std::nullopt);
    due_field_.set(std::nullopt);
    accessories_text_.clear();
    accepted_version_ = 0;
    draft_id_.clear();
    saved_at_.clear();
    server_errors_.clear();
    checked_.clear();
    offer_.reset();
    refusal_ja_.clear();
    refusal_en_.clear();
    dirty_ = false;
}

}  // namespace madoguchi::client

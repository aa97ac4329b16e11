#include "drafts/outbox.hpp"

#include <algorithm>

namespace madoguchi::client {
namespace {

// Answers worth sending again: no answer at all, a timeout, overload, a server-side failure,
// a session that ended before the server looked at the draft.
bool worth_retrying(const ApiResult& result) {
    if (result.kind == ApiResult::Kind::transport_error) return true;
    return result.status == 408 || result.status == 429 || result.status >= 500 || result.session_ended();
}

Outbox::Clock::duration pause_after(int attempts) {
    auto pause = std::chrono::duration_cast<Outbox::Clock::duration>(Outbox::first_pause);
    for (int i = 1; i < attempts && pause < Outbox::longest_pause; ++i) pause *= 2;
    return std::min<Outbox::Clock::duration>(pause, Outbox::longest_pause);
}

}  // namespace

void Outbox::submit(const std::string& draft_id, Clock::time_point now) {
    const auto* stored = store_.find(draft_id);
    if (stored == nullptr) return;
    auto draft = *stored;
    if (draft.owner.empty()) draft.owner = owner_;
    draft.state = DraftState::queued;
    draft.attempts = 0;
    draft.error_ja.clear();
    draft.error_en.clear();
    draft.field_errors = nlohmann::json::object();
    store_.put(draft);
    send(draft, now);
}

void Outbox::update(Clock::time_point now) {
    for (const auto* draft : store_.list()) {
        if (draft->state != DraftState::queued || in_flight_.contains(draft->id)) continue;
        if (!belongs_to(*draft, owner_)) continue;
        const auto due = next_try_.find(draft->id);
        if (due == next_try_.end() || due->second <= now) send(*draft, now);
    }
}

void Outbox::send_all(Clock::time_point now) {
    next_try_.clear();
    update(now);
}

std::size_t Outbox::waiting() const {
    const auto drafts = store_.list();
    return static_cast<std::size_t>(std::count_if(drafts.begin(), drafts.end(), [this](const Draft* d) {
        return d->state == DraftState::queued && belongs_to(*d, owner_);
    }));
}

std::vector<OutboxEvent> Outbox::take_events() {
    std::vector<OutboxEvent> taken;
    taken.swap(events_);
    return taken;
}

void Outbox::send(const Draft& draft, Clock::time_point now) {
    const auto route = routes_.find(draft.form);
    if (route == routes_.end()) return;
    auto updated = draft;
    ++updated.attempts;
    store_.put(updated);
    in_flight_.insert(updated.id);
    next_try_[updated.id] = now + pause_after(updated.attempts);
    // The same fields give the same bytes on every attempt: the server compares a hash of them.
    HttpRequest request{"POST", route->second.path, updated.fields.dump(), {{"Idempotency-Key", updated.id}}};
    api_.send(std::move(request), [this, id = updated.id](const ApiResult& result) { answered(id, result); });
}

void Outbox::answered(const std::string& draft_id, const ApiResult& result) {
    in_flight_.erase(draft_id);
    const auto* stored = store_.find(draft_id);
    if (stored == nullptr || stored->state != DraftState::queued) return;
    auto draft = *stored;
    if (worth_retrying(result)) {
        // Stays queued; update() sends it again when its pause is over.
        draft.error_ja = result.error.message_ja;
        draft.error_en = result.error.message;
        store_.put(draft);
        return;
    }
    next_try_.erase(draft_id);
    const auto& route = routes_.at(draft.form);
    OutboxEvent event;
    event.draft_id = draft_id;
    event.title = draft.title;
    if (result.ok()) {
        const auto body = nlohmann::json::parse(result.body, nullptr, false);
        const auto pointer = nlohmann::json::json_pointer(route.receipt_pointer);
        if (body.is_object() && body.contains(pointer) && body.at(pointer).is_string()) {
            draft.receipt = body.at(pointer).get<std::string>();
        }
        // The server has the record; the device keeps only its number and title.
        draft.state = DraftState::sent;
        draft.fields = nlohmann::json::object();
        draft.error_ja.clear();
        draft.error_en.clear();
        event.kind = OutboxEvent::Kind::sent;
        event.message_key = route.sent_key;
        event.receipt = draft.receipt;
    } else if (result.status == 422) {
        // The fields need changing: back to the form, with the server's reasons beside them.
        draft.state = DraftState::editing;
        draft.field_errors = nlohmann::json::object();
        for (const auto& [field, message] : result.error.fields) draft.field_errors[field] = message;
        draft.error_ja = result.error.message_ja;
        draft.error_en = result.error.message;
        event.kind = OutboxEvent::Kind::needs_changes;
        event.message_key = route.needs_changes_key;
    } else {
        draft.state = DraftState::rejected;
        draft.error_ja = result.error.message_ja;
        draft.error_en = result.error.message;
        event.kind = OutboxEvent::Kind::rejected;
        event.message_key = route.rejected_key;
    }
    if (!result.ok()) {
        event.refusal = nlohmann::json::parse(result.body, nullptr, false);
        if (event.refusal.is_discarded()) event.refusal = nullptr;
    }
    store_.put(draft);
    events_.push_back(std::move(event));
}

}  // namespace madoguchi::client

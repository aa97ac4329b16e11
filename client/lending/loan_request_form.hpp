#pragma once
// 貸出申請 (the staff loan request form) as a draft, like the inquiry form: every change is
// saved on this device, the fields are checked by the same shared/lending validate() the
// server runs, the current terms of use must be accepted, and submitting puts the draft in the
// outbox, which sends it once with its id as Idempotency-Key. A refusal the user can act on
// comes back into the form: a 422 beside its fields; 409 not_available with the earliest
// period the server found, taken with one click; 409 terms_not_current with the new terms to
// accept again. The server keeps a 409 under the draft's key, so the refused request goes on
// as a new draft (a new key) with the same values.
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "drafts/outbox.hpp"
#include "i18n/catalog.hpp"
#include "lending/lending_reference.hpp"
#include "lending/loan_request.hpp"
#include "ui/date_field_model.hpp"

namespace madoguchi::client {

inline constexpr const char* loan_request_form_name = "loan_request";

// The first period of the same length the server can lend (409 not_available).
struct OfferedPeriod {
    calendar::Date start;
    calendar::Date due;
};

// The request's body as the API takes it (also the draft's fields), and back.
nlohmann::json request_body(const lending::RequestDraft& draft, int terms_version);
lending::RequestDraft request_from_body(const nlohmann::json& body);

class LoanRequestForm {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds save_pause{800};

    LoanRequestForm(DraftStore& store, Outbox& outbox, LendingReference& reference)
        : store_(store), outbox_(outbox), reference_(reference) {}

    // Who writes: another user's unsaved typing goes to their draft and a blank form starts.
    void set_owner(std::string login);
    const std::string& owner() const { return owner_; }

    lending::RequestDraft& values() { return values_; }
    const lending::RequestDraft& values() const { return values_; }
    DateFieldModel& start_field() { return start_field_; }
    DateFieldModel& due_field() { return due_field_; }
    // Accessories as typed, separated by 、 or commas.
    std::string& accessories_text() { return accessories_text_; }
    const lending::LoanRule* rule() const { return reference_.rule_for(values_.class_code); }

    void choose_class(const std::string& class_code, Clock::time_point now);
    void choose_delivery(lending::Delivery delivery, Clock::time_point now);
    void choose_location(std::int64_t location_id, Clock::time_point now);
    // The date fields changed: their values go into the draft and are checked.
    void dates_changed(Clock::time_point now);
    // Ticks or unticks "I accept" for the terms on screen.
    void accept_terms(bool accepted, Clock::time_point now);
    bool terms_accepted() const;

    void edited(Clock::time_point now);
    void left(std::string_view field, Clock::time_point now);
    void update(Clock::time_point now);
    void flush() {
        if (dirty_) save();
    }

    enum class Submission { invalid, queued };
    Submission submit(const calendar::Date& today, Clock::time_point now);

    // The outbox's answer to one of this form's drafts; true when the form took it back.
    bool outbox_event(const OutboxEvent& event);
    const std::optional<OfferedPeriod>& offer() const { return offer_; }
    // Moves the dates to the offered period.
    void take_offer(Clock::time_point now);
    // Why the server refused the last submission (ja or en); empty when it did not.
    std::string refusal(i18n::Language language) const;

    // The shared check's text for the field once it was left or a submit was tried, else the
    // server's; empty when fine. "terms" is the acceptance.
    std::string error_for(std::string_view field, const calendar::Date& today, i18n::Language language) const;

    void open(const std::string& draft_id);
    void discard();
    bool has_content() const;
    const std::string& draft_id() const { return draft_id_; }
    const std::string& saved_at() const { return saved_at_; }
    bool unsaved() const { return dirty_; }

private:
    void save();
    void reset();
    void load_values(const nlohmann::json& fields);
    // Continues the refused draft under a new id.
    void reopen_as_new(const Draft& refused);

    DraftStore& store_;
    Outbox& outbox_;
    LendingReference& reference_;
    lending::RequestDraft values_;
    DateFieldModel start_field_;
    DateFieldModel due_field_;
    std::string accessories_text_;
    int accepted_version_ = 0;  // the terms version ticked; 0: not accepted
    std::string owner_;
    std::string draft_id_;
    std::string saved_at_;
    std::map<std::string, std::string, std::less<>> server_errors_;
    std::set<std::string, std::less<>> checked_;
    std::optional<OfferedPeriod> offer_;
    std::string refusal_ja_;
    std::string refusal_en_;
    bool dirty_ = false;
    Clock::time_point changed_at_{};
};

}  // namespace madoguchi::client

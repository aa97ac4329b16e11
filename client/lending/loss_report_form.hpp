#pragma once
// 紛失・盗難の届出 (the staff's lost/stolen report) as a draft, like the loan request form: kept
// on this device as it is typed, checked by the same shared/lending validate() the server
// runs, and sent through the outbox with the draft's id as Idempotency-Key, so a report
// written offline goes out once when the connection returns. The server opens a security
// incident for it (its number comes back as the receipt) and, for a GSS terminal, records that
// a remote wipe is requested. A 422 comes back beside its fields; any other refusal (the
// device is not on loan any more) goes on as a new draft with the same values.
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "drafts/outbox.hpp"
#include "i18n/catalog.hpp"
#include "lending/loss.hpp"
#include "ui/date_field_model.hpp"

namespace madoguchi::client {

inline constexpr const char* loss_report_form_name = "loss_report";

// The report's body as the API takes it (also the draft's fields), and back.
nlohmann::json loss_body(const lending::LossDraft& draft);
lending::LossDraft loss_from_body(const nlohmann::json& body);

class LossReportForm {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds save_pause{800};

    LossReportForm(DraftStore& store, Outbox& outbox) : store_(store), outbox_(outbox) {}

    // Who writes: another user's unsaved typing goes to their draft and a blank form starts.
    void set_owner(std::string login);
    const std::string& owner() const { return owner_; }

    lending::LossDraft& values() { return values_; }
    const lending::LossDraft& values() const { return values_; }
    DateTimeFieldModel& occurred() { return occurred_; }

    void choose_tag(const std::string& tag, Clock::time_point now);
    void choose_kind(lending::LossKind kind, Clock::time_point now);
    // The date-time field changed: its instant goes into the draft.
    void occurred_changed(Clock::time_point now);
    void edited(Clock::time_point now);
    void left(std::string_view field, Clock::time_point now);
    void update(Clock::time_point now);

    enum class Submission { invalid, queued };
    Submission submit(calendar::Instant now, Clock::time_point steady_now);

    // The outbox's answer to one of this form's drafts; true when it was this form's.
    bool outbox_event(const OutboxEvent& event);
    // Once: the security incident's number of a report the server took.
    std::string take_incident() { return std::exchange(incident_, {}); }
    // Why the server refused the last report (ja or en); empty when it did not.
    std::string refusal(i18n::Language language) const;

    // The shared check's text for the field once it was left or a submit was tried, else the
    // server's; empty when fine.
    std::string error_for(std::string_view field, calendar::Instant now, i18n::Language language) const;

    void discard();
    bool has_content() const;
    const std::string& draft_id() const { return draft_id_; }

private:
    void save();
    void reset();
    void load_values(const nlohmann::json& fields);
    void open(const Draft& draft);

    DraftStore& store_;
    Outbox& outbox_;
    lending::LossDraft values_;
    DateTimeFieldModel occurred_;
    std::string owner_;
    std::string draft_id_;
    std::map<std::string, std::string, std::less<>> server_errors_;
    std::set<std::string, std::less<>> checked_;
    std::string refusal_ja_;
    std::string refusal_en_;
    std::string incident_;
    bool dirty_ = false;
    Clock::time_point changed_at_{};
};

}  // namespace madoguchi::client

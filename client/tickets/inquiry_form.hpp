#pragma once
// The staff inquiry form (問い合わせ) as a draft: every change is saved on this device, the
// fields are checked by the same shared/ validation the server runs, and submitting puts the
// draft in the outbox, which delivers it exactly once however often it has to retry.
#include <chrono>
#include <map>
#include <set>
#include <string>

#include "drafts/outbox.hpp"
#include "i18n/catalog.hpp"
#include "tickets/inquiry.hpp"

namespace madoguchi::client {

inline constexpr const char* inquiry_form_name = "inquiry";

class InquiryForm {
public:
    using Clock = std::chrono::steady_clock;
    // Typing pauses this long before the draft is written (every key would be too often).
    static constexpr std::chrono::milliseconds save_pause{800};

    InquiryForm(DraftStore& store, Outbox& outbox) : store_(store), outbox_(outbox) {}

    // Who writes: new drafts are theirs, and a new form starts with their 氏名, 所属 and
    // 連絡先 filled in (a blank form not yet touched takes new details at once).
    void set_requester(std::string owner, const tickets::Inquiry& details);
    const std::string& owner() const { return owner_; }

    tickets::Inquiry& values() { return values_; }
    // The category as an index into tickets::inquiry_categories(); -1 before one is chosen.
    int category_index() const;
    void choose_category(int index, Clock::time_point now);

    // A field changed (saved after the pause) or was left (checked and saved now).
    void edited(Clock::time_point now);
    void left(std::string_view field, Clock::time_point now);
    // Writes a pending change once the pause is over; once per frame.
    void update(Clock::time_point now);
    // Writes a pending change now: the page is being hidden or closed.
    void flush() {
        if (dirty_) save();
    }

    enum class Submission { invalid, queued };
    // Checks every field; when all are fine the draft goes to the outbox and a new form starts.
    Submission submit(Clock::time_point now);

    // Continues a saved draft (or one the server sent back for changes).
    void open(const std::string& draft_id);
    // Drops the form's draft and starts a blank one.
    void discard();

    // The text to show under a field: the shared check once the field was left or a submit was
    // tried, else what the server said about it; empty when fine.
    std::string error_for(std::string_view field, i18n::Language language) const;
    bool has_content() const;
    const std::string& draft_id() const { return draft_id_; }
    bool unsaved() const { return dirty_; }
    const std::string& saved_at() const { return saved_at_; }  // UTC ISO 8601; empty before the first save

private:
    void save();
    void reset();

    DraftStore& store_;
    Outbox& outbox_;
    tickets::Inquiry values_;
    tickets::Inquiry prefill_;  // only the requester's fields are set
    std::string owner_;
    std::string draft_id_;
    std::string saved_at_;
    std::map<std::string, std::string, std::less<>> server_errors_;  // field -> message from a 422
    std::set<std::string, std::less<>> checked_;  // fields whose problems are shown
    bool dirty_ = false;
    Clock::time_point changed_at_{};
};

// The draft's fields in the form's JSON, and back.
tickets::Inquiry inquiry_from_draft(const Draft& draft);

}  // namespace madoguchi::client

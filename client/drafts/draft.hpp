#pragma once
// 下書き (draft): a request form kept on this device until the server has it. It survives
// reloads, browser restarts and offline periods, and its id becomes the Idempotency-Key of
// its submission, so sending it twice, or again after a timeout, creates one record.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::client {

enum class DraftState {
    editing,   // being written; saved as the user types
    queued,    // submitted; in the outbox until the server answers
    sent,      // the server has it; `receipt` names the record
    rejected,  // the server refused it for a reason other than its fields
};

struct Draft {
    std::string id;         // a UUID made on this device
    std::string form;       // which form: "inquiry", later "loan_request", …
    std::string title;      // what lists show, e.g. the subject
    nlohmann::json fields = nlohmann::json::object();  // the form's values by field name
    std::string saved_at;   // UTC ISO 8601, last change
    DraftState state = DraftState::editing;
    int attempts = 0;       // sends tried for the current submission
    std::string error_ja;   // why the last send failed, for the outbox
    std::string error_en;
    nlohmann::json field_errors = nlohmann::json::object();  // the server's per-field messages
    std::string receipt;    // e.g. "INQ-2026-000001" once sent
    // The login of the user who wrote it: on a shared PC each user sees and sends only their
    // own drafts (the server would file another's under the wrong requester). Empty for
    // drafts kept from before sign-in existed; those go with whoever is signed in.
    std::string owner;
};

// Whether the draft is `login`'s to see and send.
bool belongs_to(const Draft& draft, std::string_view login);

std::string_view state_name(DraftState state);
nlohmann::json to_json(const Draft& draft);
// Empty when the stored text is not a draft (a damaged file is skipped, not fatal).
std::optional<Draft> draft_from_json(const nlohmann::json& stored);

}  // namespace madoguchi::client

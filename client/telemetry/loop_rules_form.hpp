#pragma once
// 設定 (the closed loops' rules, GET/PUT /api/v1/telemetry/rules) as a form: when a silent
// device counts as unreachable, the toner forecast and order thresholds, and the desk account
// the fault incidents are filed under. Checked with the shared rule (shared/telemetry/
// loop_rules.hpp) before it is sent; the server's refusals show beside their fields in the
// user's language, with who changed the rules last and when; 元に戻す goes back to what is
// stored. The IT office and admins save; the desk and auditors read (the view decides).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "telemetry/loop_rules.hpp"

namespace madoguchi::client {

struct StoredLoopRules {
    telemetry::LoopRules rules;
    std::int64_t version = 0;  // 0: nobody has changed the defaults
    std::string updated_by;
    std::optional<calendar::Instant> updated_at;
};

// Empty when the JSON is not the rules' answer.
std::optional<StoredLoopRules> loop_rules_from_json(const nlohmann::json& json);

// A whole number as typed: full-width digits (the IME on) count, spaces around do not; empty
// when it is not one.
std::optional<std::int64_t> typed_whole_number(std::string_view text);

class LoopRulesForm {
public:
    enum class State { idle, loading, loaded, failed };

    // The fields as typed, by the wire names the errors use.
    struct Inputs {
        std::string offline_cycles;
        std::string lead_time_days;
        std::string order_at_percent;
        std::string replacement_rise;
        std::string window_days;
        std::string min_days;
        std::string incident_requester;
        bool operator==(const Inputs&) const = default;
    };

    LoopRulesForm() = default;
    LoopRulesForm(const LoopRulesForm&) = delete;
    LoopRulesForm& operator=(const LoopRulesForm&) = delete;

    // Reads the stored rules; the fields start at them. A reload leaves a changed form as it
    // is (typing and the version it was typed against).
    void load(ApiClient& api);
    void clear();
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const StoredLoopRules* stored() const { return stored_ ? &*stored_ : nullptr; }

    Inputs& inputs() { return inputs_; }
    // The fields differ from what is stored.
    bool changed() const;
    // The fields back to what is stored, their problems gone.
    void revert();
    // PUT with the stored version: false (nothing sent) when a field is not a whole number or
    // breaks the shared rule, or a save is under way. Someone else's save first (409) shows
    // their rules, and says so.
    bool save(ApiClient& api);
    bool busy() const { return busy_; }
    // The field's problem in `language`; empty when none.
    std::string field_error(std::string_view field, i18n::Language language) const { return errors_.field(field, language); }
    // A problem not tied to a field (forbidden, stale, the network), message_ja first.
    std::string general_error(i18n::Language language) const { return errors_.general(language); }
    // Once after a save went through.
    bool take_saved() { return std::exchange(saved_, false); }

private:
    void show(const StoredLoopRules& stored);

    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    std::optional<StoredLoopRules> stored_;
    Inputs inputs_;
    bool busy_ = false;
    FormErrors errors_;
    bool saved_ = false;
};

// "itoffice1 が 2026-11-27 13:05 に変更" / "Changed by itoffice1 at …"; the defaults say so.
std::string rules_changed_text(const StoredLoopRules& stored, i18n::Language language, bool wareki);

}  // namespace madoguchi::client

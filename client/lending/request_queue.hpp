#pragma once
// 貸出申請一覧 (the desk's and managers' request queue): the requests the server lets the
// user see (the desk all, a manager the division's), filtered by state and class, in the UI
// kit's table; one opened shows its detail and, for whoever the class's rule names, approve
// and reject (a reason required); a loan opened shows its extensions, the one waiting decided
// by the same approver (extension_decisions.hpp). Anyone else is told why the buttons are not
// there.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "identity/current_user.hpp"
#include "lending/extension_decisions.hpp"
#include "lending/lending_reference.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

// Why `user` may not decide `request`: a catalog key, empty when they may. The same test as
// the server's (the rule's approver role; a manager only for the own division; never one's own).
std::string decision_block(const LoanRequestRecord& request, const lending::LoanRule* rule, const CurrentUser& user);
// The same for deciding an extension of the loan, whatever the request's state.
std::string approver_block(const LoanRequestRecord& request, const lending::LoanRule* rule, const CurrentUser& user);

// The state column: "貸出中（延長申請中 → 2026-12-18）" while an extension waits for a decision.
std::string queue_state_text(const LoanRequestRecord& request, i18n::Language language);

// Those who decide requests or read a division's: the desk, the IT office, managers, admins.
bool sees_lending_queue(const CurrentUser& user);

class RequestQueue {
public:
    enum class State { idle, loading, loaded, failed };

    explicit RequestQueue(i18n::Language language);
    RequestQueue(const RequestQueue&) = delete;
    RequestQueue& operator=(const RequestQueue&) = delete;

    // "" for every state or class; a change reads the list again. The state filter may also
    // be extension_pending_filter: loans with an extension waiting for a decision.
    static constexpr const char* extension_pending_filter = "extension_pending";
    std::string state_filter = "submitted";
    std::string class_filter;
    void load(ApiClient& api);
    void accept(const ApiResult& result);

    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<LoanRequestRecord>& rows() const { return rows_; }
    TableModel& table() { return table_; }
    void set_language(i18n::Language language);

    // Opens a listed request; it stays open (with its new state and devices once decided)
    // when a reload no longer lists it.
    void open(std::int64_t id);
    // Opens the request once the next read lists it (a notification's link), whatever its state.
    void focus(std::int64_t id);
    void close() {
        opened_.reset();
        extensions.close();
    }
    const LoanRequestRecord* opened() const { return opened_ ? &*opened_ : nullptr; }

    // The rejection reason typed for the opened request.
    std::string reason;
    enum class Decision { approve, reject };
    // False (and nothing sent) for a rejection without a reason.
    bool decide(ApiClient& api, Decision decision);
    bool deciding() const { return deciding_; }
    // Why the last decision was refused, in the user's words (409 not_available explained).
    std::string decision_error(i18n::Language language) const;
    bool reason_missing() const { return reason_missing_; }
    // Once: the number of the request just decided.
    std::string take_decided() { return std::exchange(decided_, {}); }

    // The opened loan's extensions.
    ExtensionDecisions extensions;

private:
    void accept_decision(const ApiResult& result);

    i18n::Language language_;
    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    std::vector<LoanRequestRecord> rows_;
    TableModel table_;
    std::optional<LoanRequestRecord> opened_;
    std::optional<std::int64_t> focus_;
    bool deciding_ = false;
    bool reason_missing_ = false;
    api::ApiError decision_error_;
    std::string decided_;
};

}  // namespace madoguchi::client

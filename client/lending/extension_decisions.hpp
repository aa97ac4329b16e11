#pragma once
// 延長申請の判断 (extension decisions) for the class's approver: the extensions of a loan opened
// in the request queue, the one waiting approved or rejected (a reason required to reject).
// An approval moves the loan's due date, so the queue reads its list again.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "lending/extension_records.hpp"

namespace madoguchi::client {

class ExtensionDecisions {
public:
    enum class State { closed, loading, loaded, failed };

    // Reads the loan's extensions (again).
    void open(ApiClient& api, std::int64_t request_id);
    void close();
    std::optional<std::int64_t> request_id() const { return request_id_; }
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<ExtensionRecord>& extensions() const { return extensions_; }
    // The extension waiting for a decision; null when none is.
    const ExtensionRecord* pending() const;

    std::string reason;
    enum class Decision { approve, reject };
    // False (and nothing sent) with nothing pending or a rejection without a reason.
    bool decide(ApiClient& api, Decision decision);
    bool deciding() const { return deciding_; }
    bool reason_missing() const { return reason_missing_; }
    // Why the last decision was refused, in the user's words; empty when it was not.
    std::string decision_error(i18n::Language language) const;
    // Once: the extension just decided, for the toast and to read the queue again.
    std::optional<ExtensionRecord> take_decided();

private:
    void accept(const ApiResult& result);

    State state_ = State::closed;
    std::uint64_t generation_ = 0;
    std::optional<std::int64_t> request_id_;
    api::ApiError error_;
    std::vector<ExtensionRecord> extensions_;
    bool deciding_ = false;
    bool reason_missing_ = false;
    api::ApiError decision_error_;
    std::optional<ExtensionRecord> decided_;
};

}  // namespace madoguchi::client

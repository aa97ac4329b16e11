#pragma once
// What every lending screen reads first: the rules per class (which classes can be asked for,
// their longest period and approver), the current terms of use of the request form, and the
// locations (pickup counters). Loaded together; a missing terms document (404 no_terms) is
// not a failure, the form then says that no request can be made yet.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "lending/lending_records.hpp"

namespace madoguchi::client {

class LendingReference {
public:
    enum class State { idle, loading, loaded, failed };

    // Asks for the three documents (again after a failure); older answers are dropped.
    void load(ApiClient& api);
    // Reads one answer; public for tests with fixtures.
    void accept_rules(const ApiResult& result);
    void accept_terms(const ApiResult& result);
    void accept_locations(const ApiResult& result);

    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }

    const std::vector<lending::LoanRule>& rules() const { return rules_; }
    const lending::LoanRule* rule_for(const std::string& class_code) const;
    // Empty before the first terms are published.
    const std::optional<LoanTerms>& terms() const { return terms_; }
    // Newer terms the server answered with (409 terms_not_current).
    void replace_terms(LoanTerms terms) { terms_ = std::move(terms); }
    const std::vector<LocationChoice>& locations() const { return locations_; }
    std::string location_name(std::int64_t id) const;

private:
    void settle(const ApiResult& result, bool read);

    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    int waiting_ = 0;
    api::ApiError error_;
    std::vector<lending::LoanRule> rules_;
    std::optional<LoanTerms> terms_;
    std::vector<LocationChoice> locations_;
};

}  // namespace madoguchi::client

#include "lending/lending_reference.hpp"

#include <algorithm>

namespace madoguchi::client {

void LendingReference::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    error_ = {};
    waiting_ = 3;
    const auto when_current = [this, generation = generation_](void (LendingReference::*accept)(const ApiResult&)) {
        return [this, generation, accept](const ApiResult& result) {
            if (generation == generation_) (this->*accept)(result);
        };
    };
    api.get("/api/v1/lending/rules", when_current(&LendingReference::accept_rules));
    api.get("/api/v1/lending/terms/loan_request", when_current(&LendingReference::accept_terms));
    api.get("/api/v1/locations", when_current(&LendingReference::accept_locations));
}

void LendingReference::accept_rules(const ApiResult& result) {
    auto rules = result.ok() ? rules_from_body(result.body) : std::nullopt;
    if (rules) rules_ = std::move(*rules);
    settle(result, rules.has_value());
}

void LendingReference::accept_terms(const ApiResult& result) {
    if (result.status == 404 && result.error.code == "no_terms") {
        terms_.reset();
        settle(ApiResult{}, true);
        return;
    }
    auto terms = result.ok() ? terms_from_body(result.body) : std::nullopt;
    if (terms) terms_ = std::move(*terms);
    settle(result, terms.has_value());
}

void LendingReference::accept_locations(const ApiResult& result) {
    auto locations = result.ok() ? locations_from_body(result.body) : std::nullopt;
    if (locations) locations_ = std::move(*locations);
    settle(result, locations.has_value());
}

void LendingReference::settle(const ApiResult& result, bool read) {
    if (!read && error_.code.empty()) error_ = result.ok() ? api::make_error("internal") : result.error;
    if (waiting_ > 0) --waiting_;
    if (waiting_ == 0) state_ = error_.code.empty() ? State::loaded : State::failed;
}

const lending::LoanRule* LendingReference::rule_for(const std::string& class_code) const {
    const auto found = std::find_if(rules_.begin(), rules_.end(),
                                    [&](const lending::LoanRule& rule) { return rule.class_code == class_code; });
    return found == rules_.end() ? nullptr : &*found;
}

std::string LendingReference::location_name(std::int64_t id) const {
    const auto found = std::find_if(locations_.begin(), locations_.end(),
                                    [&](const LocationChoice& location) { return location.id == id; });
    return found == locations_.end() ? std::string() : found->name;
}

}  // namespace madoguchi::client

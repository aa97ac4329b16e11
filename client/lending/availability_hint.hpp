#pragma once
// The request form's availability hint: for the class, counter and period being typed, the
// fewest devices free on any of its days (GET /lending/availability), so staff see before
// sending whether the request can be met. Asked again only when the period or class changes.
#include <cstdint>
#include <optional>
#include <string>

#include "api/api_client.hpp"
#include "calendar/civil_date.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

struct AvailabilityQuery {
    std::string class_code;
    std::int64_t location_id = 0;  // 0: every place
    calendar::Date from;
    calendar::Date to;
    friend bool operator==(const AvailabilityQuery&, const AvailabilityQuery&) = default;
};

class AvailabilityHint {
public:
    // Asks for the query when it differs from the last one; nothing clears the hint.
    void want(ApiClient& api, const std::optional<AvailabilityQuery>& query);
    // Reads the answer to the current query; public for tests with fixtures.
    void accept(const ApiResult& result);

    bool loading() const { return loading_; }
    // The fewest devices free on a day of the period; empty before an answer.
    std::optional<int> fewest() const { return fewest_; }
    // "この期間は最少 3 台が空いています" or that `quantity` cannot be met; empty without an answer.
    std::string text(std::int64_t quantity, i18n::Language language) const;
    bool short_of(std::int64_t quantity) const { return fewest_ && *fewest_ < quantity; }

private:
    std::optional<AvailabilityQuery> query_;
    std::uint64_t generation_ = 0;
    bool loading_ = false;
    std::optional<int> fewest_;
};

}  // namespace madoguchi::client

#include "lending/availability_hint.hpp"

#include <algorithm>

#include "lending/lending_records.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {

void AvailabilityHint::want(ApiClient& api, const std::optional<AvailabilityQuery>& query) {
    if (query == query_) return;
    query_ = query;
    ++generation_;
    fewest_.reset();
    loading_ = query.has_value();
    if (!query) return;
    api.get(availability_path(query->class_code, query->location_id, query->from, query->to),
            [this, generation = generation_](const ApiResult& result) {
                if (generation == generation_) accept(result);
            });
}

void AvailabilityHint::accept(const ApiResult& result) {
    loading_ = false;
    const auto days = result.ok() ? availability_from_body(result.body) : std::nullopt;
    if (!days || days->empty()) return;
    fewest_ = std::min_element(days->begin(), days->end(), [](const auto& a, const auto& b) {
                  return a.available < b.available;
              })->available;
}

std::string AvailabilityHint::text(std::int64_t quantity, i18n::Language language) const {
    if (!fewest_) return {};
    const auto key = short_of(quantity) ? "lending_client.hint.short" : "lending_client.hint.free";
    return fill_template(i18n::text(key, language), {{"n", std::to_string(*fewest_)}});
}

}  // namespace madoguchi::client

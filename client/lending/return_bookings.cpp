#include "lending/return_bookings.hpp"

#include <nlohmann/json.hpp>

#include "lending/lending_records.hpp"

namespace madoguchi::client {

std::optional<std::vector<BookedReturn>> return_bookings_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("return_bookings") || !document["return_bookings"].is_array()) {
        return std::nullopt;
    }
    std::vector<BookedReturn> rows;
    for (const auto& item : document["return_bookings"]) {
        if (!item.is_object()) continue;
        const auto slot = calendar::parse_iso8601(string_field(item, "slot_at")).instant;
        if (!slot || integer_field(item, "request_id") <= 0) continue;
        BookedReturn row;
        row.request_id = integer_field(item, "request_id");
        row.request_number = string_field(item, "request_number");
        if (const auto borrower = item.find("borrower"); borrower != item.end() && borrower->is_object()) {
            row.borrower_login = string_field(*borrower, "login");
            row.borrower_name = string_field(*borrower, "name");
        }
        if (const auto tags = item.find("asset_tags"); tags != item.end() && tags->is_array()) {
            for (const auto& tag : *tags) {
                if (tag.is_string()) row.asset_tags.push_back(tag.get<std::string>());
            }
        }
        if (const auto counter = item.find("counter"); counter != item.end() && counter->is_object()) {
            row.counter_id = integer_field(*counter, "id");
            row.counter_name = string_field(*counter, "name");
        }
        row.slot_at = *slot;
        rows.push_back(std::move(row));
    }
    return rows;
}

void ReturnBookingList::load(ApiClient& api, const calendar::Date& today) {
    if (!day_.value()) day_.set(today);
    ++generation_;
    state_ = State::loading;
    // Another day or counter is another list: its loading state, not the old rows. A reload of
    // the same keeps them until the answer replaces them.
    const Shown asked{*day_.value(), counter_};
    if (shown_ != asked) rows_.clear();
    shown_ = asked;
    auto path = "/api/v1/lending/return-bookings?date=" + calendar::format_date(*day_.value());
    if (counter_ != 0) path += "&location=" + std::to_string(counter_);
    api.get(path, [this, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;
        auto rows = result.ok() ? return_bookings_from_body(result.body) : std::nullopt;
        if (!rows) {
            error_ = result.ok() ? api::make_error("internal") : result.error;
            state_ = State::failed;
            return;
        }
        rows_ = std::move(*rows);
        error_ = {};
        state_ = State::loaded;
    });
}

void ReturnBookingList::choose_counter(ApiClient& api, std::int64_t location_id, const calendar::Date& today) {
    counter_ = location_id;
    load(api, today);
}

std::size_t ReturnBookingList::device_count() const {
    std::size_t count = 0;
    for (const auto& row : rows_) count += row.asset_tags.size();
    return count;
}

}  // namespace madoguchi::client

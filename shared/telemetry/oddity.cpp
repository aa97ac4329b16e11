#include "telemetry/oddity.hpp"

#include <algorithm>
#include <array>

#include "tickets/named_values.hpp"

namespace madoguchi::telemetry {

namespace {

constexpr std::array<tickets::Named<Oddity>, 12> oddity_texts{{
    {Oddity::missing_value, "missing_value", "telemetry.oddity.missing_value"},
    {Oddity::unexpected_value, "unexpected_value", "telemetry.oddity.unexpected_value"},
    {Oddity::level_above_max, "level_above_max", "telemetry.oddity.level_above_max"},
    {Oddity::negative_level, "negative_level", "telemetry.oddity.negative_level"},
    {Oddity::bad_max_capacity, "bad_max_capacity", "telemetry.oddity.bad_max_capacity"},
    {Oddity::text_not_utf8, "text_not_utf8", "telemetry.oddity.text_not_utf8"},
    {Oddity::text_too_long, "text_too_long", "telemetry.oddity.text_too_long"},
    {Oddity::unknown_error_bits, "unknown_error_bits", "telemetry.oddity.unknown_error_bits"},
    {Oddity::counter_negative, "counter_negative", "telemetry.oddity.counter_negative"},
    {Oddity::counter_backwards, "counter_backwards", "telemetry.oddity.counter_backwards"},
    {Oddity::counter_jump, "counter_jump", "telemetry.oddity.counter_jump"},
    {Oddity::sample_out_of_order, "sample_out_of_order", "telemetry.oddity.sample_out_of_order"},
}};
static_assert(tickets::in_enum_order(oddity_texts));

}  // namespace

std::string_view oddity_name(Oddity oddity) {
    return tickets::named(oddity_texts, oddity).name;
}

std::string_view oddity_label_key(Oddity oddity) {
    return tickets::named(oddity_texts, oddity).label_key;
}

std::optional<Oddity> parse_oddity(std::string_view name) {
    return tickets::parse_named(oddity_texts, name);
}

std::span<const Oddity> all_oddities() {
    static constexpr auto all = tickets::values_of(oddity_texts);
    return all;
}

void note(std::vector<Oddity>& oddities, Oddity oddity) {
    if (std::find(oddities.begin(), oddities.end(), oddity) == oddities.end()) oddities.push_back(oddity);
}

}  // namespace madoguchi::telemetry

#include "kit/sample_ledger.hpp"

#include <cstdint>

namespace madoguchi::client {
namespace {

std::vector<std::string> numbered_keys(const char* prefix, int count) {
    std::vector<std::string> keys;
    for (int index = 0; index < count; ++index) keys.push_back(std::string(prefix) + std::to_string(index));
    return keys;
}

// A fixed scramble of the row number (splitmix64), so columns do not march in step.
std::uint64_t scramble(std::uint64_t value) {
    value += 0x9E3779B97F4A7C15ULL;
    value = (value ^ (value >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    value = (value ^ (value >> 27U)) * 0x94D049BB133111EBULL;
    return value ^ (value >> 31U);
}

constexpr calendar::Date first_acquired{2016, 4, 1};
constexpr std::int64_t acquired_span_days = 3650;

std::string tag_for(std::size_t number) {
    constexpr std::size_t digits = 6;
    const auto text = std::to_string(number);
    std::string tag = "PC-";
    if (text.size() < digits) tag.append(digits - text.size(), '0');
    tag += text;
    return tag;
}

}  // namespace

const std::vector<std::string>& sample_device_class_keys() {
    static const auto keys = numbered_keys("kit.table.class.", 8);
    return keys;
}

const std::vector<std::string>& sample_status_keys() {
    static const auto keys = numbered_keys("kit.table.status.", 5);
    return keys;
}

const std::vector<std::string>& sample_division_keys() {
    static const auto keys = numbered_keys("kit.table.division.", 12);
    return keys;
}

std::vector<SampleAsset> make_sample_ledger(std::size_t count) {
    std::vector<SampleAsset> rows;
    rows.reserve(count);
    const auto classes = sample_device_class_keys().size();
    const auto statuses = sample_status_keys().size();
    const auto divisions = sample_division_keys().size();
    for (std::size_t index = 0; index < count; ++index) {
        const auto bits = scramble(index);
        SampleAsset asset;
        asset.tag = tag_for(index + 1);
        asset.device_class = static_cast<int>(bits % classes);
        asset.status = static_cast<int>((bits >> 8U) % statuses);
        asset.division = static_cast<int>((bits >> 16U) % divisions);
        asset.acquired = calendar::add_days(first_acquired, static_cast<std::int64_t>((bits >> 24U) % acquired_span_days));
        rows.push_back(std::move(asset));
    }
    return rows;
}

}  // namespace madoguchi::client

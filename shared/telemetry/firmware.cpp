#include "telemetry/firmware.hpp"

#include <array>

#include "tickets/named_values.hpp"

namespace madoguchi::telemetry {

namespace {

constexpr std::size_t max_version_bytes = 64;
// Digit runs longer than this do not fit an unsigned long long; no real version has one.
constexpr std::size_t max_digits = 18;

constexpr std::array<tickets::Named<FirmwareStanding>, 4> standing_texts{{
    {FirmwareStanding::behind, "behind", "telemetry.firmware.behind"},
    {FirmwareStanding::current, "current", "telemetry.firmware.current"},
    {FirmwareStanding::ahead, "ahead", "telemetry.firmware.ahead"},
    {FirmwareStanding::unknown, "unknown", "telemetry.firmware.unknown"},
}};
static_assert(tickets::in_enum_order(standing_texts));

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_separator(char c) { return c == '.' || c == '-' || c == '_' || c == ' '; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

}  // namespace

std::optional<FirmwareVersion> parse_firmware_version(std::string_view text) {
    text = trimmed(text);
    if (text.empty() || text.size() > max_version_bytes) return std::nullopt;
    if (text.size() > 1 && (text[0] == 'v' || text[0] == 'V') && is_digit(text[1])) text.remove_prefix(1);
    FirmwareVersion version;
    bool has_digit = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (is_separator(c)) {
            ++i;
        } else if (is_digit(c)) {
            const auto start = i;
            while (i < text.size() && is_digit(text[i])) ++i;
            auto digits = text.substr(start, i - start);
            while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
            if (digits.size() > max_digits) return std::nullopt;
            FirmwareVersion::Part part;
            part.number = true;
            for (const char d : digits) part.value = part.value * 10 + static_cast<unsigned>(d - '0');
            version.parts.push_back(part);
            has_digit = true;
        } else if (is_letter(c)) {
            FirmwareVersion::Part part;
            while (i < text.size() && is_letter(text[i])) part.letters.push_back(lower(text[i++]));
            version.parts.push_back(std::move(part));
        } else {
            return std::nullopt;
        }
    }
    if (!has_digit) return std::nullopt;
    return version;
}

std::strong_ordering compare_versions(const FirmwareVersion& a, const FirmwareVersion& b) {
    const auto common = std::min(a.parts.size(), b.parts.size());
    for (std::size_t i = 0; i < common; ++i) {
        const auto& x = a.parts[i];
        const auto& y = b.parts[i];
        if (x.number != y.number) return x.number ? std::strong_ordering::greater : std::strong_ordering::less;
        const auto order = x.number ? x.value <=> y.value : x.letters.compare(y.letters) <=> 0;
        if (order != 0) return order;
    }
    return a.parts.size() <=> b.parts.size();
}

FirmwareStanding firmware_standing(std::string_view running, std::optional<std::string_view> target) {
    if (!target) return FirmwareStanding::unknown;
    const auto have = parse_firmware_version(running);
    const auto want = parse_firmware_version(*target);
    if (!have || !want) return FirmwareStanding::unknown;
    const auto order = compare_versions(*have, *want);
    if (order < 0) return FirmwareStanding::behind;
    if (order > 0) return FirmwareStanding::ahead;
    return FirmwareStanding::current;
}

std::optional<std::string_view> target_for(std::span<const FirmwareTarget> targets, std::string_view model) {
    for (const auto& target : targets)
        if (target.model == model) return target.version;
    return std::nullopt;
}

std::string_view firmware_standing_name(FirmwareStanding standing) {
    return tickets::named(standing_texts, standing).name;
}
std::string_view firmware_standing_label_key(FirmwareStanding standing) {
    return tickets::named(standing_texts, standing).label_key;
}

}  // namespace madoguchi::telemetry

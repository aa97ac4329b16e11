#pragma once
// ファームウェア (firmware) compliance: the version a device runs against the target version
// set per model; devices behind form the release plan (リリース管理).
#include <compare>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::telemetry {

// A version as vendors write them: "1.02", "v2.10a", "E1.03.1", "3.0-beta2". Parts are the
// runs of digits and of letters; ".", "-", "_" and spaces only separate them.
struct FirmwareVersion {
    struct Part {
        bool number = false;
        unsigned long long value = 0;  // when a number
        std::string letters;           // when letters, lower-cased
    };
    std::vector<Part> parts;
};

// Empty for text that is not a version: empty, no digit at all, longer than 64 bytes, or
// characters other than ASCII letters, digits and the separators. A leading "v" or "V"
// before a digit is dropped ("v2.1" is "2.1").
std::optional<FirmwareVersion> parse_firmware_version(std::string_view text);

// Part by part: numbers numerically ("1.10" after "1.9", "1.02" equal to "1.2"), letters
// alphabetically ignoring case, a number after letters in the same place; a version that
// runs out first is the older ("2.01" before "2.01a" and "2.01.1").
std::strong_ordering compare_versions(const FirmwareVersion& a, const FirmwareVersion& b);

enum class FirmwareStanding { behind, current, ahead, unknown };

// The running version against the model's target; unknown when either is not a version
// (or the model has no target).
FirmwareStanding firmware_standing(std::string_view running, std::optional<std::string_view> target);

// The target version of each model, as the IT office sets them.
struct FirmwareTarget {
    std::string model;    // device model name as in the ledger, e.g. "RICOH IM C3510F"
    std::string version;  // e.g. "1.07"
};
// The target for `model`; empty when the model has none.
std::optional<std::string_view> target_for(std::span<const FirmwareTarget> targets, std::string_view model);

// Names and catalog keys "telemetry.firmware.<name>".
std::string_view firmware_standing_name(FirmwareStanding standing);
std::string_view firmware_standing_label_key(FirmwareStanding standing);

}  // namespace madoguchi::telemetry

#include "lending/scan_code.hpp"

#include <algorithm>
#include <cctype>

namespace madoguchi::lending {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return c >= 'A' && c <= 'Z'; }

bool is_asset_tag(std::string_view code) {
    const auto hyphen = code.find('-');
    if (hyphen == std::string_view::npos) return false;
    const auto prefix = code.substr(0, hyphen);
    const auto number = code.substr(hyphen + 1);
    return prefix.size() >= 2 && prefix.size() <= 4 && std::all_of(prefix.begin(), prefix.end(), is_letter) &&
           number.size() >= 4 && number.size() <= 8 && std::all_of(number.begin(), number.end(), is_digit);
}

bool is_staff_id(std::string_view code) {
    return code.size() >= 4 && code.size() <= 20 &&
           std::all_of(code.begin(), code.end(), [](char c) { return is_digit(c) || is_letter(c); }) &&
           std::any_of(code.begin(), code.end(), is_digit);
}

}  // namespace

ScanCode classify_scan(std::string_view raw) {
    const auto first = raw.find_first_not_of(" \t\r\n");
    const auto last = raw.find_last_not_of(" \t\r\n");
    std::string code;
    if (first != std::string_view::npos) code = raw.substr(first, last - first + 1);
    std::transform(code.begin(), code.end(), code.begin(),
                   [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
    ScanCode result{ScanKind::invalid, code};
    if (is_asset_tag(code)) result.kind = ScanKind::asset_tag;
    else if (is_staff_id(code)) result.kind = ScanKind::staff_id;
    return result;
}

}  // namespace madoguchi::lending

#pragma once
// What a code read at the lending counter (窓口) is: a staff ID card (職員証) or a device's
// asset tag (資産番号, e.g. "PC-000123"). Scanners type ASCII; codes typed by hand may carry
// spaces around them or lower-case letters, which are forgiven.
#include <string>
#include <string_view>

namespace madoguchi::lending {

enum class ScanKind {
    staff_id,   // 4–20 digits and letters without a hyphen
    asset_tag,  // 2–4 letters, a hyphen, 4–8 digits
    invalid,    // anything else: a misread, the wrong barcode, an empty scan
};

struct ScanCode {
    ScanKind kind = ScanKind::invalid;
    std::string code;  // trimmed and upper-cased
};

ScanCode classify_scan(std::string_view raw);

}  // namespace madoguchi::lending

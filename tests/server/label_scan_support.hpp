#pragma once
// Label sheets as a counter scanner meets them: every QR code in a page image, read back by a
// real decoder (zbarimg).
#include <set>
#include <string>

namespace madoguchi::testing {

// The payloads of every QR code zbarimg finds in the PNG; fails the test when it cannot run.
std::multiset<std::string> qr_codes_in(const std::string& png_path);

}  // namespace madoguchi::testing

#pragma once
// Text as list filters compare it: staff type both 全角 and 半角 letters and digits (Ａ１ and A1)
// and either case, so both sides of a comparison are folded the same way first.
#include <string>
#include <string_view>

namespace madoguchi::client {

// Full-width ASCII (U+FF01–U+FF5E) and the ideographic space become their half-width forms,
// then ASCII letters lower case; everything else is kept as it is.
std::string fold_for_search(std::string_view text);

// True when `needle` (already folded) occurs in `folded_haystack`; an empty needle matches all.
bool contains_folded(std::string_view folded_haystack, std::string_view folded_needle);

}  // namespace madoguchi::client

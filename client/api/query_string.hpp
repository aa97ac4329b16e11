#pragma once
// Building request addresses: percent-encoded query values and path segments (UTF-8 as is
// becomes %XX bytes), and "?a=1&b=2" from the parameters that are set.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace madoguchi::client {

std::string percent_encode(std::string_view text);

// `path` + "?name=value&…" for the non-empty values, in the given order; `path` alone when none.
std::string with_query(std::string path, const std::vector<std::pair<std::string, std::string>>& parameters);

}  // namespace madoguchi::client

#pragma once
// madoguchi division <add|import|list>: the organisation's divisions (課室) as a tree.
#include <span>
#include <string_view>

namespace madoguchi::server::cli {

// `arguments` follow the word "division".
int run_division_command(std::span<const std::string_view> arguments);

}  // namespace madoguchi::server::cli

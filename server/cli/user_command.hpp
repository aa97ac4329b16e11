#pragma once
// madoguchi user <add|set-password|set-roles|disable|enable|list|import>: accounts from the
// operators' command line.
#include <span>
#include <string_view>

namespace madoguchi::server::cli {

// `arguments` follow the word "user".
int run_user_command(std::span<const std::string_view> arguments);

}  // namespace madoguchi::server::cli

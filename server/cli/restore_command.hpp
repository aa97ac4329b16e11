#pragma once
// madoguchi restore FROM --db FILE
#include <span>
#include <string_view>

namespace madoguchi::server::cli {

// `arguments` follow the word "restore"; returns the exit status (0, 1 failure, 2 usage).
int run_restore_command(std::span<const std::string_view> arguments);

}  // namespace madoguchi::server::cli

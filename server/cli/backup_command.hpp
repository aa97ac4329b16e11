#pragma once
// madoguchi backup --db FILE --to DIR
#include <span>
#include <string_view>

namespace madoguchi::server::cli {

// `arguments` follow the word "backup"; returns the exit status (0, 1 failure, 2 usage).
int run_backup_command(std::span<const std::string_view> arguments);

}  // namespace madoguchi::server::cli

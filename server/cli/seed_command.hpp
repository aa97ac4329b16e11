#pragma once
// madoguchi seed-demo: a demo organisation with accounts of every role, to try the app.
#include <span>
#include <string_view>

namespace madoguchi::server::cli {

// `arguments` follow the word "seed-demo".
int run_seed_command(std::span<const std::string_view> arguments);

}  // namespace madoguchi::server::cli

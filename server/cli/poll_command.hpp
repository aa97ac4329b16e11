#pragma once
// madoguchi poll --once: one telemetry poll cycle over the whole fleet (or one device) from
// the command line, stored like a scheduled one, with a summary printed.
#include <span>
#include <string_view>

namespace madoguchi::server::cli {

// `arguments` follow the word "poll".
int run_poll_command(std::span<const std::string_view> arguments);

}  // namespace madoguchi::server::cli

#pragma once
// serve's chatbot options: --chatbot-url turns the availability probe on; --chatbot-every,
// --chatbot-timeout and --chatbot-ca tune it and need the URL.
#include <optional>
#include <string_view>

#include "cli/command_line.hpp"

namespace madoguchi::server::cli {

bool is_chatbot_option(std::string_view name);
// Empty when the value is accepted; a usage error otherwise.
std::optional<UsageError> read_chatbot_option(std::string_view name, std::string_view value, ServeOptions& options);
// A usage error when an interval or a timeout was given without the URL.
std::optional<UsageError> check_chatbot_options(const ServeOptions& options);

}  // namespace madoguchi::server::cli

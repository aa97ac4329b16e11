#pragma once
// A new password for the command line, read from standard input and never from the
// arguments (which other users of the machine can see in the process list).
#include <string>
#include <variant>

namespace madoguchi::server::cli {

struct PasswordInputError {
    std::string message;
};

// On a terminal: prompts on stderr twice without echo and requires both to match.
// Otherwise: the first line of standard input (without its line end). Empty means
// "no password".
std::variant<std::string, PasswordInputError> read_new_password();

}  // namespace madoguchi::server::cli

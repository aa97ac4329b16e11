#include "cli/password_input.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace madoguchi::server::cli {
namespace {

std::string read_line() {
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

// Echo off for as long as it lives; the terminal is restored even on an early return.
class HiddenInput {
public:
    HiddenInput() {
        if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios hidden = saved_;
        hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        hidden.c_lflag |= ECHONL;
        active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden) == 0;
    }
    ~HiddenInput() {
        if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }
    HiddenInput(const HiddenInput&) = delete;
    HiddenInput& operator=(const HiddenInput&) = delete;

private:
    termios saved_{};
    bool active_ = false;
};

}  // namespace

std::variant<std::string, PasswordInputError> read_new_password() {
    if (!isatty(STDIN_FILENO)) return read_line();
    HiddenInput hidden;
    std::fputs("New password (empty for none): ", stderr);
    std::fflush(stderr);
    auto first = read_line();
    if (!std::cin) return PasswordInputError{"no password was entered (standard input closed)"};
    if (first.empty()) return first;
    std::fputs("Repeat the password: ", stderr);
    std::fflush(stderr);
    const auto second = read_line();
    if (first != second) return PasswordInputError{"the two passwords do not match; nothing was changed"};
    return first;
}

}  // namespace madoguchi::server::cli

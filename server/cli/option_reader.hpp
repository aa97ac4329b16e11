#pragma once
// Reads a command's options, "--name value" and "--name=value", one option per call.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "cli/command_line.hpp"

namespace madoguchi::server::cli {

inline bool is_help(std::string_view argument) { return argument == "-h" || argument == "--help"; }

class OptionReader {
public:
    OptionReader(std::string_view command, std::span<const std::string_view> arguments)
        : command_(command), arguments_(arguments) {}

    bool done() const { return index_ >= arguments_.size(); }

    // The option's name ("--port"), advancing past it; its inline value is kept for value().
    std::string_view next_name() {
        const auto argument = arguments_[index_++];
        const auto equals = argument.find('=');
        if (argument.starts_with("--") && equals != std::string_view::npos) {
            inline_value_ = argument.substr(equals + 1);
            return argument.substr(0, equals);
        }
        inline_value_.reset();
        return argument;
    }

    std::optional<std::string_view> value() {
        if (inline_value_) return std::exchange(inline_value_, std::nullopt);
        if (done()) return std::nullopt;
        return arguments_[index_++];
    }

    UsageError missing_value(std::string_view name) const {
        return {"madoguchi " + std::string(command_) + ": option " + std::string(name) + " needs a value"};
    }
    UsageError unknown(std::string_view name) const {
        return {"madoguchi " + std::string(command_) + ": unknown option '" + std::string(name) + "' (see madoguchi " +
                std::string(command_) + " --help)"};
    }

private:
    std::string_view command_;
    std::span<const std::string_view> arguments_;
    std::size_t index_ = 0;
    std::optional<std::string_view> inline_value_;
};

}  // namespace madoguchi::server::cli

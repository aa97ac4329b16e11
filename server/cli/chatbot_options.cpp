#include "cli/chatbot_options.hpp"

#include <filesystem>
#include <string>

#include "http/query_params.hpp"

namespace madoguchi::server::cli {

bool is_chatbot_option(std::string_view name) {
    return name == "--chatbot-url" || name == "--chatbot-every" || name == "--chatbot-timeout" || name == "--chatbot-ca";
}

std::optional<UsageError> read_chatbot_option(std::string_view name, std::string_view value, ServeOptions& options) {
    auto& probe = options.chatbot_probe ? *options.chatbot_probe : options.chatbot_probe.emplace();
    if (name == "--chatbot-url") {
        if (!chatbot::parse_probe_url(value)) {
            return UsageError{"madoguchi serve: --chatbot-url must be an http:// or https:// URL, not '" +
                              std::string(value) + "'"};
        }
        probe.url = value;
        return std::nullopt;
    }
    if (name == "--chatbot-ca") {
        std::error_code error;
        if (!std::filesystem::is_regular_file(std::filesystem::path(value), error)) {
            return UsageError{"madoguchi serve: --chatbot-ca must name a PEM file of certificate authorities, not '" +
                              std::string(value) + "'"};
        }
        probe.ca_file = value;
        return std::nullopt;
    }
    const bool interval = name == "--chatbot-every";
    const std::int64_t most = interval ? 3600 : 60;
    const auto seconds = http::parse_integer(value);
    if (!seconds || *seconds < 1 || *seconds > most) {
        return UsageError{"madoguchi serve: " + std::string(name) + " must be a number of seconds from 1 to " +
                          std::to_string(most) + ", not '" + std::string(value) + "'"};
    }
    (interval ? probe.interval : probe.timeout) = std::chrono::seconds(*seconds);
    return std::nullopt;
}

std::optional<UsageError> check_chatbot_options(const ServeOptions& options) {
    if (options.chatbot_probe && options.chatbot_probe->url.empty()) {
        return UsageError{"madoguchi serve: --chatbot-every, --chatbot-timeout and --chatbot-ca need --chatbot-url"};
    }
    return std::nullopt;
}

}  // namespace madoguchi::server::cli

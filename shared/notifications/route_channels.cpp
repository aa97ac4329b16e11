#include "notifications/route_channels.hpp"

#include <array>

namespace madoguchi::notifications {
namespace {

constexpr std::array channels{RouteChannel::email, RouteChannel::in_app};

}  // namespace

std::string_view route_channel_name(RouteChannel channel) {
    return channel == RouteChannel::email ? "email" : "in_app";
}

std::optional<RouteChannel> parse_route_channel(std::string_view name) {
    for (const auto channel : channels) {
        if (route_channel_name(channel) == name) return channel;
    }
    return std::nullopt;
}

std::span<const RouteChannel> all_route_channels() { return channels; }

ParsedChannels parse_route_channels(std::span<const std::string> names) {
    ParsedChannels parsed;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (const auto channel = parse_route_channel(names[i])) {
            parsed.channels.set(*channel, true);
        } else {
            parsed.unknown.push_back(i);
        }
    }
    return parsed;
}

bool names_users(std::string_view recipient) {
    return recipient == "requester" || recipient == "assignee" || recipient == "vendor_contacts" ||
           recipient.starts_with("role:");
}

nlohmann::json recipient_json(const std::string& recipient, const RouteChannels& told) {
    if (!names_users(recipient) || told == RouteChannels{}) return recipient;
    auto names = nlohmann::json::array();
    for (const auto channel : channels) {
        if (told.has(channel)) names.push_back(route_channel_name(channel));
    }
    return {{"recipient", recipient}, {"channels", names}};
}

}  // namespace madoguchi::notifications

#pragma once
// How a user the routing names is told (通知手段): by e-mail, in the app's inbox (アプリ内通知),
// or both, chosen per event and recipient. Fixed addresses (email:<address>, slack:<webhook>)
// reach one place only and take no choice. On the wire a recipient told by every way its kind
// has is a bare string ("requester"), as before channels were a choice; one told by fewer is
//   {"recipient": "requester", "channels": ["in_app"]}
// Server and client write it with recipient_json, so what one sends the other reads back.
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::notifications {

enum class RouteChannel { email, in_app };
std::string_view route_channel_name(RouteChannel channel);
std::optional<RouteChannel> parse_route_channel(std::string_view name);

struct RouteChannels {
    bool email = true;
    bool in_app = true;

    bool has(RouteChannel channel) const { return channel == RouteChannel::email ? email : in_app; }
    void set(RouteChannel channel, bool on) { (channel == RouteChannel::email ? email : in_app) = on; }
    bool any() const { return email || in_app; }
    friend bool operator==(const RouteChannels&, const RouteChannels&) = default;
};

// Every channel, in the order the editor shows and the wire lists them.
std::span<const RouteChannel> all_route_channels();

// The channels the names give, and the positions of the names that are none.
struct ParsedChannels {
    RouteChannels channels{false, false};
    std::vector<std::size_t> unknown;
};
ParsedChannels parse_route_channels(std::span<const std::string> names);

// Whether the recipient names users (requester, assignee, vendor_contacts, role:<role>), who
// can be told either way; email: and slack: recipients cannot.
bool names_users(std::string_view recipient);

nlohmann::json recipient_json(const std::string& recipient, const RouteChannels& channels);

}  // namespace madoguchi::notifications

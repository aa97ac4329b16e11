#include "http/client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace madoguchi::server::http {
namespace {

struct Parsed {
    bool ipv6 = false;
    std::array<unsigned char, 16> bytes{};
};

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

constexpr unsigned char v4_mapped_prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

// An address as inet_pton reads it: "192.0.2.1", "2001:db8::1".
std::optional<Parsed> parse_plain(std::string_view text) {
    if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
    const std::string terminated(text);
    Parsed parsed;
    if (inet_pton(AF_INET, terminated.c_str(), parsed.bytes.data()) == 1) return parsed;
    if (inet_pton(AF_INET6, terminated.c_str(), parsed.bytes.data()) != 1) return std::nullopt;
    // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; they are IPv4 clients.
    if (std::memcmp(parsed.bytes.data(), v4_mapped_prefix, sizeof v4_mapped_prefix) == 0) {
        std::memmove(parsed.bytes.data(), parsed.bytes.data() + 12, 4);
        std::fill(parsed.bytes.begin() + 4, parsed.bytes.end(), 0);
        return parsed;
    }
    parsed.ipv6 = true;
    return parsed;
}

// Also as proxies write hops: "192.0.2.1:8080", "[2001:db8::1]", "[2001:db8::1]:8080".
std::optional<Parsed> parse_address(std::string_view text) {
    text = trimmed(text);
    if (text.starts_with('[')) {
        const auto closing = text.find(']');
        if (closing == std::string_view::npos) return std::nullopt;
        text = text.substr(1, closing - 1);
    } else if (std::count(text.begin(), text.end(), ':') == 1) {
        text = text.substr(0, text.find(':'));
    }
    return parse_plain(text);
}

std::string written(const Parsed& parsed) {
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(parsed.ipv6 ? AF_INET6 : AF_INET, parsed.bytes.data(), text, sizeof text);
    return text;
}

}  // namespace

std::string normal_address(std::string_view text) {
    const auto parsed = parse_address(text);
    return parsed ? written(*parsed) : std::string();
}

std::optional<ProxyNetwork> ProxyNetwork::parse(std::string_view text) {
    const auto slash = text.find('/');
    const auto address = parse_plain(text.substr(0, slash));
    if (!address) return std::nullopt;
    ProxyNetwork network;
    network.ipv6_ = address->ipv6;
    network.bytes_ = address->bytes;
    const int width = address->ipv6 ? 128 : 32;
    network.prefix_bits_ = width;
    if (slash != std::string_view::npos) {
        const auto bits = text.substr(slash + 1);
        int prefix = -1;
        const auto [end, error] = std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
        if (error != std::errc{} || end != bits.data() + bits.size() || prefix < 0 || prefix > width) return std::nullopt;
        network.prefix_bits_ = prefix;
    }
    return network;
}

bool ProxyNetwork::contains(std::string_view address) const {
    const auto parsed = parse_address(address);
    if (!parsed || parsed->ipv6 != ipv6_) return false;
    const int whole_bytes = prefix_bits_ / 8;
    if (std::memcmp(parsed->bytes.data(), bytes_.data(), static_cast<std::size_t>(whole_bytes)) != 0) return false;
    const int rest = prefix_bits_ % 8;
    if (rest == 0) return true;
    const auto mask = static_cast<unsigned char>(0xff << (8 - rest));
    return (parsed->bytes[static_cast<std::size_t>(whole_bytes)] & mask) == (bytes_[static_cast<std::size_t>(whole_bytes)] & mask);
}

bool TrustedProxies::trusted(std::string_view address) const {
    return std::any_of(networks_.begin(), networks_.end(),
                       [&](const ProxyNetwork& network) { return network.contains(address); });
}

std::string TrustedProxies::client_of(const httplib::Request& request) const {
    if (networks_.empty()) return normal_address(request.remote_addr);
    std::string forwarded_for;
    const auto count = request.get_header_value_count("X-Forwarded-For");
    for (std::size_t index = 0; index < count; ++index) {
        if (index > 0) forwarded_for += ',';
        forwarded_for += request.get_header_value("X-Forwarded-For", index);
    }
    return client_of(request.remote_addr, forwarded_for);
}

std::string TrustedProxies::client_of(std::string_view peer, std::string_view forwarded_for) const {
    std::string client = normal_address(peer);
    if (client.empty()) client = std::string(peer);
    // From the newest hop back: each trusted proxy vouches for the hop before it.
    while (trusted(client) && !forwarded_for.empty()) {
        const auto comma = forwarded_for.rfind(',');
        const auto hop = comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1);
        forwarded_for = comma == std::string_view::npos ? std::string_view{} : forwarded_for.substr(0, comma);
        const auto address = normal_address(hop);
        // Something that is not an address ("unknown", garbage): the last proxy is all we know.
        if (address.empty()) break;
        client = address;
    }
    return client;
}

}  // namespace madoguchi::server::http

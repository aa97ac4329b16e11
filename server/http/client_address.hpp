#pragma once
// Who sent a request. Behind a reverse proxy every connection comes from the proxy, which
// names the client in X-Forwarded-For; without believing it, the per-address sign-in
// throttle would block everyone behind the proxy at once, and the audit trail would show
// the proxy. The header is believed only from proxies named with serve --trusted-proxy,
// and only as far back as the chain of hops runs through them: anyone can write the header,
// only a trusted proxy's own entry is true.
#include <httplib.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::server::http {

// An address or a network of them: "192.0.2.10", "10.0.0.0/8", "2001:db8::/32".
class ProxyNetwork {
public:
    static std::optional<ProxyNetwork> parse(std::string_view text);
    bool contains(std::string_view address) const;

private:
    bool ipv6_ = false;
    std::array<unsigned char, 16> bytes_{};
    int prefix_bits_ = 0;
};

class TrustedProxies {
public:
    TrustedProxies() = default;
    explicit TrustedProxies(std::vector<ProxyNetwork> networks) : networks_(std::move(networks)) {}

    // The client's address as the request's own connection and headers tell it.
    std::string client_of(const httplib::Request& request) const;
    // `peer` is the connection's address; `forwarded_for` the X-Forwarded-For hops, oldest
    // first, comma-separated (several headers joined with commas).
    std::string client_of(std::string_view peer, std::string_view forwarded_for) const;

private:
    bool trusted(std::string_view address) const;
    std::vector<ProxyNetwork> networks_;
};

// The address in its usual written form ("::ffff:192.0.2.1" as "192.0.2.1"); empty when
// `text` is not an IPv4 or IPv6 address. A port a proxy may have added is dropped.
std::string normal_address(std::string_view text);

}  // namespace madoguchi::server::http

#pragma once
// How the chatbot service's health check runs (serve --chatbot-url, --chatbot-every,
// --chatbot-timeout, --chatbot-ca): the URL asked, how often, how long an answer may take
// before the service counts as down, and whom an https certificate must come from.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::server::chatbot {

struct ProbeSettings {
    std::string url;  // http:// or https://, e.g. https://chatbot.example.go.jp/health
    std::chrono::milliseconds interval{std::chrono::seconds(60)};
    std::chrono::milliseconds timeout{std::chrono::seconds(5)};
    // PEM file of the certificate authorities an https answer's certificate must chain to;
    // empty: the system's (OpenSSL's default paths). The certificate is always checked.
    std::string ca_file;
};

// "https://host:8443/health" → {"https://host:8443", "/health"}; empty for anything but an
// http or https URL with a host.
struct ProbeUrl {
    std::string origin;
    std::string path;
};
std::optional<ProbeUrl> parse_probe_url(std::string_view url);

}  // namespace madoguchi::server::chatbot

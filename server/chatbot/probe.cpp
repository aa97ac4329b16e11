#include "chatbot/probe.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>

namespace madoguchi::server::chatbot {

std::optional<ProbeUrl> parse_probe_url(std::string_view url) {
    std::string_view rest;
    if (url.starts_with("http://")) rest = url.substr(7);
    else if (url.starts_with("https://")) rest = url.substr(8);
    else return std::nullopt;
    const auto slash = rest.find('/');
    const auto host = rest.substr(0, slash);
    if (host.empty() || host.find_first_of(" @?#") != std::string_view::npos) return std::nullopt;
    ProbeUrl parsed;
    parsed.origin = std::string(url.substr(0, url.size() - rest.size())) + std::string(host);
    parsed.path = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
    return parsed;
}

ProbeResult probe(const ProbeSettings& settings) {
    ProbeResult result;
    result.at = calendar::now();
    result.interval_seconds =
        std::max<std::int64_t>(1, std::chrono::duration_cast<std::chrono::seconds>(settings.interval).count());
    const auto url = parse_probe_url(settings.url);
    if (!url) {
        result.failure = "bad_url";
        return result;
    }
    httplib::Client client(url->origin);
    if (!settings.ca_file.empty()) client.set_ca_cert_path(settings.ca_file);
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(settings.timeout);
    const auto microseconds = std::chrono::duration_cast<std::chrono::microseconds>(settings.timeout - seconds);
    client.set_connection_timeout(seconds.count(), microseconds.count());
    client.set_read_timeout(seconds.count(), microseconds.count());
    client.set_write_timeout(seconds.count(), microseconds.count());
    const auto started = std::chrono::steady_clock::now();
    const auto answer = client.Get(url->path);
    const auto elapsed = std::chrono::steady_clock::now() - started;
    result.response_milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
    if (!answer) {
        const auto error = answer.error();
        result.failure = error == httplib::Error::Read || error == httplib::Error::ConnectionTimeout ? "timeout"
                         : error == httplib::Error::SSLConnection || error == httplib::Error::SSLServerVerification
                             ? "tls"
                             : "connection";
        return result;
    }
    result.http_status = answer->status;
    // An answer that came after the timeout (httplib's timeouts are per read) is still too slow.
    if (elapsed > settings.timeout) {
        result.failure = "timeout";
    } else if (answer->status < 200 || answer->status > 299) {
        result.failure = "http_status";
    } else {
        result.up = true;
    }
    return result;
}

store::Status record_probe(store::Database& database, const ProbeResult& result) {
    auto insert = database.prepare(
        "INSERT INTO chatbot_probes (at, up, http_status, response_milliseconds, failure, interval_seconds) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert) return store::Error{insert.error()};
    insert.value()
        .bind(1, calendar::format_iso8601_utc(result.at))
        .bind(2, std::int64_t{result.up ? 1 : 0})
        .bind(3, std::int64_t{result.http_status})
        .bind(4, result.response_milliseconds)
        .bind(5, result.failure)
        .bind(6, result.interval_seconds);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace madoguchi::server::chatbot

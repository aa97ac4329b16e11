#pragma once
// One health check of the chatbot service: up when it answers 2xx within the timeout, with
// the response time; down with the reason otherwise. Stored in chatbot_probes (migration 29).
#include <cstdint>
#include <string>

#include "calendar/tokyo_time.hpp"
#include "chatbot/probe_settings.hpp"
#include "store/database.hpp"

namespace madoguchi::server::chatbot {

struct ProbeResult {
    calendar::Instant at;
    bool up = false;
    int http_status = 0;  // 0 without an answer
    std::int64_t response_milliseconds = 0;
    // "timeout", "connection", "tls" (no TLS session or a certificate not trusted for the
    // host), "http_status", "bad_url"; empty when up
    std::string failure;
    std::int64_t interval_seconds = 60;  // the settings' interval: how long this result vouches for
};

ProbeResult probe(const ProbeSettings& settings);

store::Status record_probe(store::Database& database, const ProbeResult& result);

}  // namespace madoguchi::server::chatbot

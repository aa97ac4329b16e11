#pragma once
// The chatbot health check inside `serve` (on with serve --chatbot-url): probes at once and
// then every interval on a thread and connection of its own (store/periodic_job.hpp).
#include <filesystem>

#include "chatbot/probe_settings.hpp"
#include "store/periodic_job.hpp"

namespace madoguchi::server::chatbot {

class ProbeJob {
public:
    ProbeJob(std::filesystem::path database, ProbeSettings settings);

private:
    store::PeriodicJob job_;
};

}  // namespace madoguchi::server::chatbot

#pragma once
// The escalation job inside `serve`: runs the escalation sweep (ticket_escalation.hpp) at once
// and then every `interval` (a minute unless serve --escalation-every says otherwise) on a
// thread and connection of its own (store/periodic_job.hpp).
#include <chrono>
#include <filesystem>

#include "store/periodic_job.hpp"

namespace madoguchi::server::tickets {

inline constexpr std::chrono::seconds default_escalation_interval{60};

class EscalationJob {
public:
    EscalationJob(std::filesystem::path database, std::chrono::milliseconds interval);

private:
    store::PeriodicJob job_;
};

}  // namespace madoguchi::server::tickets

#include "chatbot/probe_job.hpp"

#include "chatbot/probe.hpp"

namespace madoguchi::server::chatbot {

ProbeJob::ProbeJob(std::filesystem::path database, ProbeSettings settings)
    : job_("chatbot probe", std::move(database), settings.interval,
           [settings](store::Database& connection) { return record_probe(connection, probe(settings)); }) {}

}  // namespace madoguchi::server::chatbot

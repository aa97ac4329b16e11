#pragma once
// Real SNMP agents for the telemetry tests: scripts/fleet-sim (snmpsim) on a free loopback
// port, serving either the generated demo fleet or records a test writes itself; and a
// migrated database holding the devices to poll.
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "support/child_process.hpp"
#include "support/server_process.hpp"

namespace madoguchi::testing {

struct SimulatorOptions {
    std::vector<std::string> arguments;  // e.g. {"--devices", "20"} or {"--serve-only"}
    std::string v3_user;                 // with auth and priv passphrases below: v3 authPriv
    std::string v3_auth = "auth-passphrase-1";
    std::string v3_priv = "priv-passphrase-1";
};

// Serves the records a test wrote, as they are.
SimulatorOptions serve_only();

class FleetSimulator {
public:
    // `data_dir` holds the records (written by the test for --serve-only).
    FleetSimulator(const std::filesystem::path& data_dir, const SimulatorOptions& options);
    ~FleetSimulator();  // SIGTERM, waits for snmpsimd to stop
    std::string agent() const { return "127.0.0.1:" + std::to_string(port_); }
    std::set<std::string> offline() const;  // asset tags listed in offline.txt

private:
    std::filesystem::path data_dir_;
    int port_ = 0;
    std::optional<ChildProcess> process_;
};

// snmprec lines "OID|tag|value", sorted by OID here as snmpsim needs.
void write_records(const std::filesystem::path& data_dir, const std::string& community, std::vector<std::string> lines);

// A migrated database in `folder`, and devices in it.
server::store::Database telemetry_database(const std::filesystem::path& folder);
std::int64_t add_polled_device(server::store::Database& database, const std::string& asset_tag,
                               const std::string& profile = "ricoh-v2c");
void add_v3_profile(server::store::Database& database, const std::string& name, const SimulatorOptions& options);
// The demo's printers and MFPs, tagged as scripts/fleet-sim generates them.
std::vector<std::string> demo_fleet_tags();
std::int64_t query_number(server::store::Database& database, const std::string& sql);
std::string query_text(server::store::Database& database, const std::string& sql);

}  // namespace madoguchi::testing

#include "telemetry/fleet_sim_support.hpp"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "store/migrations.hpp"
#include "telemetry/snmp_value.hpp"

namespace madoguchi::testing {
namespace {

int free_udp_port() {
    const int fd = socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

}  // namespace

SimulatorOptions serve_only() {
    SimulatorOptions options;
    options.arguments = {"--serve-only"};
    return options;
}

FleetSimulator::FleetSimulator(const std::filesystem::path& data_dir, const SimulatorOptions& options)
    : data_dir_(data_dir), port_(free_udp_port()) {
    std::vector<std::string> command{MADOGUCHI_FLEET_SIM, "--dir", data_dir.string(), "--port", std::to_string(port_)};
    command.insert(command.end(), options.arguments.begin(), options.arguments.end());
    if (!options.v3_user.empty()) {
        command.insert(command.end(), {"--v3-user", options.v3_user, "--v3-auth-key", options.v3_auth, "--v3-priv-key",
                                       options.v3_priv});
    }
    process_.emplace(command);
    // snmpsimd indexes every data file before it answers: 723 of them take a while on a busy machine.
    std::string line;
    for (int wait = 0; wait < 6 && line.empty(); ++wait) line = process_->read_line();
    REQUIRE(line == "ready " + agent());
}

FleetSimulator::~FleetSimulator() {
    process_->send_signal(SIGTERM);
    process_->wait();
}

std::set<std::string> FleetSimulator::offline() const {
    std::set<std::string> tags;
    std::ifstream listing(data_dir_ / "offline.txt");
    for (std::string tag; std::getline(listing, tag);) tags.insert(tag);
    return tags;
}

void write_records(const std::filesystem::path& data_dir, const std::string& community, std::vector<std::string> lines) {
    std::filesystem::create_directories(data_dir);
    const auto key = [](const std::string& line) { return server::telemetry::parse_oid(line.substr(0, line.find('|'))); };
    std::sort(lines.begin(), lines.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
    std::ofstream file(data_dir / (community + ".snmprec"));
    for (const auto& line : lines) file << line << '\n';
}

server::store::Database telemetry_database(const std::filesystem::path& folder) {
    auto database = server::store::Database::open(folder / "madoguchi.db");
    REQUIRE(database);
    REQUIRE(server::store::migrate(database.value()));
    return std::move(database.value());
}

std::int64_t add_polled_device(server::store::Database& database, const std::string& asset_tag, const std::string& profile) {
    auto insert = database.prepare(
        "INSERT INTO devices (asset_tag, class, network_address, snmp_profile, state, updated_at) "
        "VALUES (?1, 'mfp', '10.20.3.10', ?2, 'installed', '2026-11-25T00:00:00Z')");
    REQUIRE(insert);
    insert.value().bind(1, asset_tag).bind(2, profile);
    REQUIRE(insert.value().step());
    return database.last_insert_id();
}

void add_v3_profile(server::store::Database& database, const std::string& name, const SimulatorOptions& options) {
    auto insert = database.prepare(
        "INSERT INTO telemetry_snmp_profiles (name, version, v3_user, v3_auth_passphrase, v3_priv_passphrase, v3_context) "
        "VALUES (?1, 'v3', ?2, ?3, ?4, '{asset_tag}')");
    REQUIRE(insert);
    insert.value().bind(1, name).bind(2, options.v3_user).bind(3, options.v3_auth).bind(4, options.v3_priv);
    REQUIRE(insert.value().step());
}

std::vector<std::string> demo_fleet_tags() {
    std::vector<std::string> tags;
    const auto add = [&](const char* prefix, int count) {
        for (int number = 1; number <= count; ++number) {
            char tag[16];
            std::snprintf(tag, sizeof tag, "%s-%06d", prefix, number);
            tags.emplace_back(tag);
        }
    };
    add("MFP", 573);
    add("FPM", 86);
    add("FPC", 64);
    return tags;
}

std::int64_t query_number(server::store::Database& database, const std::string& sql) {
    auto value = database.query_int(sql);
    REQUIRE(value);
    return value.value().value_or(-1);
}

std::string query_text(server::store::Database& database, const std::string& sql) {
    auto statement = database.prepare(sql);
    REQUIRE(statement);
    auto row = statement.value().step();
    REQUIRE(row);
    REQUIRE(row.value());
    return statement.value().column_text(0);
}

}  // namespace madoguchi::testing

#pragma once
// The printers the billing, firmware and anomaly tests share: models, floors, divisions and
// polled devices in the app's database, with counter (kind 3) and firmware (kind 4) samples
// written in the compact format the poller stores (migration 25), and the people who read
// and act on them.
#include <cstdint>
#include <string>
#include <vector>

#include "configuration_test_support.hpp"
#include "identity_test_support.hpp"

namespace madoguchi::testing {

struct PrinterFleet {
    RunningApp server;
    SignedIn desk = signed_in_user(server, {"desk1", {Role::desk_operator}, "D-DESK"});
    SignedIn it_office = signed_in_user(server, {"itoffice1", {Role::it_office}, "D-IT"});
    SignedIn staff = signed_in_user(server, {"sato", {Role::staff}});

    std::int64_t model(const std::string& maker, const std::string& name);
    std::int64_t floor(const std::string& building, const std::string& floor);
    // A polled MFP (profile ricoh-v2c) of the model, on the floor (0: none), in the division.
    std::int64_t printer(const std::string& tag, std::int64_t model_id, std::int64_t location_id,
                         const std::string& division = "D-SOUMU");
    // A counter sample at an ISO 8601 instant: prtMarkerLifeCount and its unit (7 impressions).
    void counter(std::int64_t device, const std::string& at, std::int64_t pages, int unit = 7);
    // A firmware sample at an ISO 8601 instant.
    void firmware(std::int64_t device, const std::string& at, const std::string& version);
    void execute(const std::string& sql);
    std::int64_t count(const std::string& sql);
};

}  // namespace madoguchi::testing

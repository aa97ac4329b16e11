#pragma once
// The lending server tests' world: a counter location, mobile printers and business PCs in
// stock, published terms of use, and the people who ask, approve and run the desk; plus
// Tokyo dates chosen so periods fall on business days.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "calendar/civil_date.hpp"
#include "configuration_test_support.hpp"
#include "identity_test_support.hpp"

namespace madoguchi::testing {

// A Monday at least `days_ahead` days after today (Tokyo) from which two whole weeks,
// Monday to Friday, are business days: periods inside it need no holiday arithmetic.
calendar::Date quiet_monday(int days_ahead = 14);
std::string iso(const calendar::Date& date);

struct LendingDesk {
    RunningApp server;
    SignedIn admin = signed_in_user(server, {"admin1", {Role::admin}, "D-ADMIN"});
    SignedIn desk = signed_in_user(server, {"desk1", {Role::desk_operator}, "D-DESK"});
    SignedIn staff = signed_in_user(server, {"sato", {Role::staff}});
    SignedIn colleague = signed_in_user(server, {"suzuki", {Role::staff}});
    SignedIn manager = signed_in_user(server, {"boss1", {Role::manager}});
    SignedIn other_manager = signed_in_user(server, {"boss2", {Role::manager}, "D-OTHER"});
    std::int64_t counter = 0;  // 経済産業省 別館 1階 貸出窓口
    std::int64_t terms_version = 0;

    // `printers` mobile printers MPR-000001… and `pcs` business PCs BPC-000001… in stock at the counter.
    explicit LendingDesk(int printers = 2, int pcs = 1);

    // A device in stock of the class, at the counter; answers the device.
    nlohmann::json add_device(const std::string& class_code, const std::string& tag);
    // A pickup request body at the counter for the class over [start, due].
    nlohmann::json request_body(const std::string& class_code, int quantity, const calendar::Date& start,
                                const calendar::Date& due) const;
    // POST /api/v1/lending/requests by the user (audited when it succeeds).
    httplib::Result submit(SignedIn& user, const nlohmann::json& body);
    // The same, REQUIREing 201; answers the request.
    nlohmann::json submitted(SignedIn& user, const nlohmann::json& body);
    // POST …/{id}/transitions to the state, with the request's version.
    httplib::Result decide(SignedIn& user, const nlohmann::json& request, const std::string& to,
                           const std::string& reason = "");
    // The device's state as the ledger has it.
    std::string device_state(const std::string& tag);
    // SQL straight into the app's database (e.g. what the counter will do at handover).
    void execute(const std::string& sql);
    // Puts an approved request on loan as the counter's handover will (the request and its
    // devices on_loan), by SQL until the handover exists; answers the request as it is then.
    nlohmann::json hand_over(SignedIn& reader, const nlohmann::json& approved);
};

std::string request_path(const nlohmann::json& request, const std::string& rest = "");

}  // namespace madoguchi::testing

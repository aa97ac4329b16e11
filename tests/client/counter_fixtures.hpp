#pragma once
// The counter's world on a real server process, set up through the API as the desk would: a
// counter location, two mobile printers, published terms, sato's staff card, and sato's loan
// of one printer approved, starting today and kitted, so it is ready to collect.
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "api/api_client.hpp"
#include "identity/session.hpp"
#include "platform/native/http_native.hpp"
#include "support/server_process.hpp"

namespace madoguchi::testing {

inline constexpr const char* sato_card = "MT200001";

// A browser tab signed in as the login.
struct SignedInTab {
    SignedInTab(int port, const std::string& login);
    client::ApiClient api;
    client::NativeHttpTransport transport;
    client::Session session;
    // The request's answer, waited for.
    client::ApiResult call(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr);
};

struct CounterWorld {
    CounterWorld();
    ServerProcess server;
    std::unique_ptr<SignedInTab> desk;   // operator and admin
    std::unique_ptr<SignedInTab> staff;  // sato, who borrows
    std::int64_t counter = 0;
    nlohmann::json loan;  // sato's request as approved
    std::string ready_tag;  // the printer allocated to it, kitted
    std::string other_tag;  // a printer in stock, nobody's
    // The device's state in the ledger.
    std::string device_state(const std::string& tag);
};

}  // namespace madoguchi::testing

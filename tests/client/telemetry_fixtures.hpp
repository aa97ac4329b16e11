#pragma once
// A real server with a small polled fleet for the テレメトリ client tests: three Ricoh printers
// (one jammed on the 10th floor, one at 6 % black toner beside it, one on the 3rd floor that
// never answers) recorded as a poll cycle records them, and a desk operator signed in through
// the client's own API client. With an agent, the server's manual polls go to that snmpsim.
#include <memory>
#include <string>

#include "api/api_client.hpp"
#include "identity/session.hpp"
#include "platform/native/http_native.hpp"
#include "support/server_process.hpp"

namespace madoguchi::testing {

struct TelemetryServer {
    explicit TelemetryServer(const std::string& snmp_agent = {});

    // Adds `count` devices that were never polled (state unknown), tagged PRN-000001….
    void add_unpolled(int count);

    std::unique_ptr<ServerProcess> server;
    std::int64_t jammed = 0, low = 0, silent = 0, model = 0;
};

// A desk operator's browser tab on `server`, signed in.
struct DeskTab {
    explicit DeskTab(const ServerProcess& server);
    client::ApiClient api;
    client::NativeHttpTransport transport;
    client::Session session;
};

}  // namespace madoguchi::testing

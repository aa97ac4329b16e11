#pragma once
// Browser transport: window.fetch through a small JS bridge; the response bytes come back
// into WASM memory and are queued on the ApiClient until the next frame drains them.
#include "api/api_client.hpp"

namespace madoguchi::client {

class WebFetchTransport final : public Transport {
public:
    explicit WebFetchTransport(ApiClient& api);
    void send(std::uint64_t id, const HttpRequest& request) override;
};

}  // namespace madoguchi::client

#pragma once
// 設置申請's list: the install / move / remove requests the user may see (GET
// /api/v1/placement-requests — a manager the own division's, a vendor its company's tasks,
// the desk all), and for the desk the vendor companies a request can be handed to.
#include <cstdint>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"
#include "placement/placement_request.hpp"

namespace madoguchi::client {

class PlacementBoard {
public:
    enum class State { idle, loading, loaded, failed };

    // Asks again; an older answer still on its way is dropped. The rows read last stay until
    // the answer comes.
    void reload(ApiClient& api);
    // Reads the list; public for tests with fixtures. False when the body is not the list.
    bool accept(const std::string& body);

    State state() const { return state_; }
    std::string error_text(i18n::Language language) const;
    const std::vector<placement::PlacementRequest>& requests() const { return requests_; }
    const std::vector<std::string>& vendor_companies() const { return vendor_companies_; }

    // The row's summary as a user reads it: "移設 MFP-000001 → 中央合同庁舎第3号館 11階 1105".
    static std::string summary(const placement::PlacementRequest& request, i18n::Language language);

private:
    State state_ = State::idle;
    api::ApiError error_;
    std::uint64_t generation_ = 0;
    std::vector<placement::PlacementRequest> requests_;
    std::vector<std::string> vendor_companies_;
};

}  // namespace madoguchi::client

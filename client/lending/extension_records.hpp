#pragma once
// 貸出期間の延長 (extensions) as the lending API answers them: one asked for by the borrower,
// with the due date asked, the reason and, once decided, who decided and why.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "calendar/civil_date.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

struct ExtensionRecord {
    std::int64_t id = 0;
    std::int64_t request_id = 0;
    std::string requested_by;
    calendar::Date current_due;  // the due date when it was asked for
    calendar::Date due;          // the due date asked for
    std::string reason;
    std::string state;  // "requested" | "approved" | "rejected"
    std::string decided_by;
    std::string decision_reason;

    bool pending() const { return state == "requested"; }
};

std::optional<ExtensionRecord> extension_from_json(const nlohmann::json& item);
// {"extensions":[…]} of GET /lending/requests/{id}/extensions; unreadable ones are left out.
std::optional<std::vector<ExtensionRecord>> extensions_from_body(const std::string& body);

// POST /lending/requests/{id}/extensions asking for `due` (reason optional).
HttpRequest extension_request(std::int64_t request_id, const calendar::Date& due, const std::string& reason);
// POST …/extensions/{eid}/decision: approve, or reject with a reason.
HttpRequest extension_decision(const ExtensionRecord& extension, bool approve, const std::string& reason);

// "判断待ち" / "承認" / "却下" from lending_client.extension.state.<state>.
std::string extension_state_text(const std::string& state, i18n::Language language);

}  // namespace madoguchi::client

#pragma once
// The テレメトリ area's state: one struct per tab.
#include "telemetry/billing_report.hpp"
#include "telemetry/chatbot_availability.hpp"
#include "telemetry/firmware_compliance.hpp"
#include "telemetry/toner_board.hpp"

namespace madoguchi::client {

struct TelemetryPage {
    TonerBoard toner;
    FirmwareCompliance firmware;
    Billing billing;
    ChatbotAvailability chatbot;

    // Another user signed in: every tab reads afresh what that user may see.
    void forget() {
        toner.clear();
        firmware.clear();
        billing.clear();
        chatbot.clear();
    }
};

}  // namespace madoguchi::client

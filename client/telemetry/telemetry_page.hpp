#pragma once
// The テレメトリ area's state: the fleet overview with its filter bar, the device opened from
// it, the anomalies to review, the office's tabs (toner orders, firmware, billing, the
// chatbot's availability) and the settings (the loops' rules, the models' speeds). The tabs
// themselves are listed in telemetry_view.cpp.
#include <string_view>

#include "i18n/catalog.hpp"
#include "telemetry/anomaly_review.hpp"
#include "telemetry/billing_report.hpp"
#include "telemetry/chatbot_availability.hpp"
#include "telemetry/device_telemetry.hpp"
#include "telemetry/firmware_compliance.hpp"
#include "telemetry/fleet_overview.hpp"
#include "telemetry/loop_rules_form.hpp"
#include "telemetry/model_speeds.hpp"
#include "telemetry/toner_board.hpp"

namespace madoguchi::client {

struct TelemetryPage {
    explicit TelemetryPage(i18n::Language language) : fleet(language), device(language), anomalies(language, false) {}

    FleetOverview fleet;
    FleetFilter filter;      // as the filter bar holds it; the fleet reads it on 検索
    DeviceTelemetry device;  // the device opened from the fleet; none while the list shows
    AnomalyReview anomalies;
    TonerBoard toner;
    FirmwareCompliance firmware;
    Billing billing;
    ChatbotAvailability chatbot;
    LoopRulesForm rules;
    ModelSpeeds speeds;
    bool started = false;
    // The tab drawn last frame (its label key), so opening a tab reads its data afresh.
    std::string_view shown_tab;

    // Another user signed in: the fleet's first page, no device open, and every tab reads
    // afresh what that user may see (a vendor's toner orders are its company's only).
    void forget() {
        started = false;
        filter = {};
        device.close();
        toner.clear();
        firmware.clear();
        billing.clear();
        chatbot.clear();
        rules.clear();
        speeds.clear();
    }
};

}  // namespace madoguchi::client

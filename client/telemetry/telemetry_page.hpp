#pragma once
// The テレメトリ area's state: the fleet overview with its filter bar, the device opened from
// it, and the anomalies to review. The tabs themselves are listed in telemetry_view.cpp.
#include <string_view>

#include "i18n/catalog.hpp"
#include "telemetry/anomaly_review.hpp"
#include "telemetry/device_telemetry.hpp"
#include "telemetry/fleet_overview.hpp"

namespace madoguchi::client {

struct TelemetryPage {
    explicit TelemetryPage(i18n::Language language) : fleet(language), device(language), anomalies(language, false) {}

    FleetOverview fleet;
    FleetFilter filter;      // as the filter bar holds it; the fleet reads it on 検索
    DeviceTelemetry device;  // the device opened from the fleet; none while the list shows
    AnomalyReview anomalies;
    bool started = false;
    // The tab drawn last frame (its label key), so opening a tab reads its data afresh.
    std::string_view shown_tab;
};

}  // namespace madoguchi::client

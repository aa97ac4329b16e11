#pragma once
#include "api/api_client.hpp"
#include "calendar/tokyo_time.hpp"
#include "dashboard/dashboard_view_model.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {
// Draws the dashboard from its view-model; the Retry button asks the view-model to retry.
void draw_dashboard(DashboardViewModel& model, ApiClient& api, i18n::Language language, bool wareki,
                    calendar::Instant now);
}  // namespace madoguchi::client

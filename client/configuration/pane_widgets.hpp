#pragma once
// Small pieces the 構成管理 tabs share: an alert line in the error colour, a status line and a
// tab's loading or failed state.
#include <string>
#include <string_view>

#include "i18n/catalog.hpp"

namespace madoguchi::client {

// Wrapped text in the alert colour, recorded as role "alert"; nothing when empty.
void draw_alert(const std::string& text);
// A plain line recorded as role "status".
void draw_status(const std::string& text);
// A small section heading recorded as role "heading".
void draw_heading(const std::string& text);

}  // namespace madoguchi::client

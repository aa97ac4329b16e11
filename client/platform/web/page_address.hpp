#pragma once
// Parameters of the page's address (`?view=kit&kiosk=1`), read once at start.
#include <string>

namespace madoguchi::client {

// The value of `name` in the query string; empty when absent.
std::string page_parameter(const char* name);

}  // namespace madoguchi::client

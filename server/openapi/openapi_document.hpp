#pragma once
#include <string_view>

namespace madoguchi::server {
// The text of server/openapi/openapi.json, compiled in by CMake.
std::string_view openapi_document();
}  // namespace madoguchi::server

#pragma once
#include <string_view>

namespace madoguchi::i18n {
// The catalog file's text, generated into the build from assets/i18n/catalog.json.
std::string_view catalog_json();
}

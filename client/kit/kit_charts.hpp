#pragma once
// The gallery's chart section: line, bar and stacked bar charts over fixed sample data.
#include "i18n/catalog.hpp"

namespace madoguchi::client {

void draw_kit_charts(i18n::Language language);

}  // namespace madoguchi::client

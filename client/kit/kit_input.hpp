#pragma once
// The gallery's text input section: Japanese fields, a multi-line field and a scan field.
#include <string>
#include <vector>

#include "i18n/catalog.hpp"

namespace madoguchi::client {

struct KitInputState {
    std::string name;
    std::string note;
    std::string code;
    std::vector<std::string> scanned;  // newest last
    int name_submits = 0;              // Enter pressed in the name field
};

void draw_kit_input(KitInputState& state, i18n::Language language);

}  // namespace madoguchi::client

#include <cstdio>
#include <cstdlib>

#include "ui/imgui_config.hpp"

namespace madoguchi::ui {

void imgui_assert_failed(const char* expression, const char* file, int line) {
    std::fprintf(stderr, "ImGui assertion failed: %s (%s:%d)\n", expression, file, line);
    std::abort();
}

}  // namespace madoguchi::ui

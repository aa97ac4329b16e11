#pragma once
// Dear ImGui compile-time configuration (IMGUI_USER_CONFIG). Assertions stay on in every build
// type and go through one handler: the web app reports them, the headless tests fail on them.
namespace madoguchi::ui {
[[noreturn]] void imgui_assert_failed(const char* expression, const char* file, int line);
}
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : ::madoguchi::ui::imgui_assert_failed(#_EXPR, __FILE__, __LINE__))

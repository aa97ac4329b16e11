#include "headless_imgui.hpp"

#include <imgui.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "ui/fonts.hpp"
#include "ui/item_registry.hpp"
#include "ui/key_map.hpp"
#include "ui/style.hpp"

namespace madoguchi::testing {

HeadlessImGui::HeadlessImGui(float width, float height, float scale) {
    std::ifstream file(MADOGUCHI_TEST_FONT, std::ios::binary);
    font_.assign(std::istreambuf_iterator<char>(file), {});
    if (font_.empty()) throw std::runtime_error("cannot read the UI font " MADOGUCHI_TEST_FONT);
    ImGui::CreateContext();
    auto& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    client::install_key_map();
    client::install_item_hooks();
    if (!client::build_font_atlas(font_, scale)) throw std::runtime_error("the UI font atlas did not build");
    unsigned char* pixels = nullptr;
    int atlas_width = 0;
    int atlas_height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &atlas_width, &atlas_height);
    client::apply_style(scale, client::Theme::standard);
    resize(width, height);
}

HeadlessImGui::~HeadlessImGui() { ImGui::DestroyContext(); }

void HeadlessImGui::resize(float width, float height) { ImGui::GetIO().DisplaySize = ImVec2(width, height); }

int HeadlessImGui::frame(const std::function<void()>& draw) {
    auto& io = ImGui::GetIO();
    io.DeltaTime = 1.0F / 60.0F;
    ImGui::NewFrame();
    draw();
    ImGui::Render();
    return ImGui::GetDrawData()->TotalVtxCount;
}

}  // namespace madoguchi::testing

#pragma once
// Dear ImGui with no renderer: a real context and font atlas, frames begun and rendered into
// draw lists nobody displays. Enough to run every view's code path natively.
#include <functional>
#include <string>

struct ImDrawData;

namespace madoguchi::testing {

class HeadlessImGui {
public:
    HeadlessImGui(float width, float height, float scale = 1.0F);
    ~HeadlessImGui();
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    // One frame: NewFrame, draw, Render. Returns the number of vertices drawn.
    int frame(const std::function<void()>& draw);
    void resize(float width, float height);

private:
    std::string font_;
};

}  // namespace madoguchi::testing

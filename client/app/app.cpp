#include "app/app.hpp"

#include "app/app_view.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {

void App::frame(calendar::Instant now) {
    api_.drain();
    dashboard_.update(api_, now);
    draw_app(*this, now);
    finish_item_frame();
    if (dashboard_.has_data()) ready_ = true;
}

}  // namespace madoguchi::client

#include "app/app.hpp"

#include "app/app_view.hpp"

namespace madoguchi::client {

void App::frame(calendar::Instant now) {
    api_.drain();
    dashboard_.update(api_, now);
    draw_app(*this, now);
    if (dashboard_.has_data()) ready_ = true;
}

}  // namespace madoguchi::client

#include "platform/web/reload_web.hpp"

#include <emscripten.h>

namespace {

EM_JS(int, madoguchi_update_ready, (), { return window.madoguchi.updateReady ? 1 : 0; });

EM_JS(void, madoguchi_reload, (), { window.madoguchi.reload(); });

}  // namespace

namespace madoguchi::client {

bool web_update_ready() { return madoguchi_update_ready() != 0; }

void reload_into_new_build() { madoguchi_reload(); }

}  // namespace madoguchi::client

#include "platform/web/download_web.hpp"

#include <emscripten.h>

namespace madoguchi::client {
namespace {

EM_JS(void, madoguchi_download, (const char* path), {
    const link = document.createElement("a");
    link.href = UTF8ToString(path);
    link.download = "";
    document.body.appendChild(link);
    link.click();
    link.remove();
});

}  // namespace

void download_from(const std::string& path) { madoguchi_download(path.c_str()); }

}  // namespace madoguchi::client

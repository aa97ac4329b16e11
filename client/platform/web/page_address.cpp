#include "platform/web/page_address.hpp"

#include <emscripten.h>

#include <cstdlib>

namespace madoguchi::client {
namespace {

EM_JS(char*, madoguchi_page_parameter, (const char* name), {
    const value = new URLSearchParams(window.location.search).get(UTF8ToString(name));
    return stringToNewUTF8(value === null ? "" : value);
});

}  // namespace

std::string page_parameter(const char* name) {
    char* raw = madoguchi_page_parameter(name);
    std::string value(raw);
    std::free(raw);
    return value;
}

}  // namespace madoguchi::client

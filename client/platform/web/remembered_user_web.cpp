#include "platform/web/remembered_user_web.hpp"

#include <emscripten.h>

#include <cstdlib>

namespace madoguchi::client {
namespace {

EM_JS(char*, madoguchi_load_user, (), {
    try {
        return stringToNewUTF8(window.localStorage.getItem("madoguchi.user") || "");
    } catch (error) {
        return stringToNewUTF8("");
    }
});

EM_JS(void, madoguchi_store_user, (const char* text), {
    try {
        const value = UTF8ToString(text);
        if (value === "") {
            window.localStorage.removeItem("madoguchi.user");
        } else {
            window.localStorage.setItem("madoguchi.user", value);
        }
    } catch (error) {
    }
});

}  // namespace

std::string load_remembered_user() {
    char* text = madoguchi_load_user();
    std::string result(text);
    std::free(text);
    return result;
}

void store_remembered_user(const std::string& text) { madoguchi_store_user(text.c_str()); }

}  // namespace madoguchi::client

#include "platform/web/local_storage_web.hpp"

#include <emscripten.h>

#include <cstdlib>

namespace madoguchi::client {
namespace {

EM_JS(int, madoguchi_load_stored_number, (const char* key, int fallback), {
    try {
        const value = window.localStorage.getItem("madoguchi." + UTF8ToString(key));
        return value === null ? fallback : Number(value) | 0;
    } catch (error) {
        return fallback;
    }
});

EM_JS(void, madoguchi_store_number, (const char* key, int value), {
    try {
        window.localStorage.setItem("madoguchi." + UTF8ToString(key), String(value));
    } catch (error) {
    }
});

EM_JS(char*, madoguchi_load_stored_text, (const char* key), {
    let value = "";
    try {
        value = window.localStorage.getItem("madoguchi." + UTF8ToString(key)) || "";
    } catch (error) {
    }
    return stringToNewUTF8(value);
});

EM_JS(void, madoguchi_store_text, (const char* key, const char* text), {
    try {
        window.localStorage.setItem("madoguchi." + UTF8ToString(key), UTF8ToString(text));
    } catch (error) {
    }
});

}  // namespace

std::string load_stored_text(const std::string& key) {
    char* text = madoguchi_load_stored_text(key.c_str());
    std::string result(text);
    std::free(text);
    return result;
}

void store_text(const std::string& key, const std::string& text) { madoguchi_store_text(key.c_str(), text.c_str()); }

int load_stored_number(const char* key, int fallback) { return madoguchi_load_stored_number(key, fallback); }

void store_number(const char* key, int value) { madoguchi_store_number(key, value); }

}  // namespace madoguchi::client

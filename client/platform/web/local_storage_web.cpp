#include "platform/web/local_storage_web.hpp"

#include <emscripten.h>

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

}  // namespace

int load_stored_number(const char* key, int fallback) { return madoguchi_load_stored_number(key, fallback); }

void store_number(const char* key, int value) { madoguchi_store_number(key, value); }

}  // namespace madoguchi::client

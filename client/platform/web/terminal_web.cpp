#include "platform/web/terminal_web.hpp"

#include <emscripten.h>

#include <charconv>
#include <string>

#include "platform/web/page_address.hpp"

namespace madoguchi::client {
namespace {

EM_JS(int, madoguchi_terminal_setting, (const char* key, int fallback), {
    try {
        const value = window.localStorage.getItem("madoguchi.terminal." + UTF8ToString(key));
        return value === null ? fallback : Number(value) | 0;
    } catch (error) {
        return fallback;
    }
});

EM_JS(void, madoguchi_keep_terminal_setting, (const char* key, int value), {
    try {
        window.localStorage.setItem("madoguchi.terminal." + UTF8ToString(key), String(value));
    } catch (error) {
    }
});

// A whole number from the address, or the fallback when absent or not a number.
int address_number(const char* name, int fallback) {
    const auto text = page_parameter(name);
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc{} && end == text.data() + text.size() && !text.empty() ? value : fallback;
}

}  // namespace

TerminalSettings load_terminal_settings() {
    TerminalSettings settings;
    settings.kiosk = madoguchi_terminal_setting("kiosk", 0) == 1;
    settings.idle_seconds = madoguchi_terminal_setting("idle_seconds", settings.idle_seconds);
    const int kiosk = address_number("kiosk", -1);
    if (kiosk == 0 || kiosk == 1) {
        settings.kiosk = kiosk == 1;
        madoguchi_keep_terminal_setting("kiosk", kiosk);
    }
    const int idle = address_number("idle", -1);
    if (idle > 0) {
        settings.idle_seconds = idle;
        madoguchi_keep_terminal_setting("idle_seconds", idle);
    }
    return settings;
}

}  // namespace madoguchi::client

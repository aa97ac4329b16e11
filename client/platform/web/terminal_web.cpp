#include "platform/web/terminal_web.hpp"

#include <charconv>
#include <string>

#include "platform/web/local_storage_web.hpp"
#include "platform/web/page_address.hpp"

namespace madoguchi::client {
namespace {

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
    settings.kiosk = load_stored_number("terminal.kiosk", 0) == 1;
    settings.idle_seconds = load_stored_number("terminal.idle_seconds", settings.idle_seconds);
    const int kiosk = address_number("kiosk", -1);
    if (kiosk == 0 || kiosk == 1) {
        settings.kiosk = kiosk == 1;
        store_number("terminal.kiosk", kiosk);
    }
    settings.counter_location_id = load_stored_number("terminal.counter", 0);
    if (const int counter = address_number("counter", -1); counter >= 0) {
        settings.counter_location_id = counter;
        store_number("terminal.counter", counter);
    }
    const int idle = address_number("idle", -1);
    if (idle > 0) {
        settings.idle_seconds = idle;
        store_number("terminal.idle_seconds", idle);
    }
    return settings;
}

void remember_terminal_settings(const TerminalSettings& settings) {
    store_number("terminal.counter", static_cast<int>(settings.counter_location_id));
}

}  // namespace madoguchi::client

#include "platform/web/preferences_web.hpp"

#include <emscripten.h>

namespace {

// localStorage may be unavailable (private modes, blocked storage): then defaults apply.
EM_JS(int, madoguchi_load_preference, (const char* key, int fallback), {
    try {
        const value = window.localStorage.getItem("madoguchi." + UTF8ToString(key));
        return value === null ? fallback : Number(value) | 0;
    } catch (error) {
        return fallback;
    }
});

EM_JS(void, madoguchi_save_preference, (const char* key, int value), {
    try {
        window.localStorage.setItem("madoguchi." + UTF8ToString(key), String(value));
    } catch (error) {
    }
});

}  // namespace

namespace madoguchi::client {

Preferences load_preferences() {
    Preferences preferences;
    preferences.language = madoguchi_load_preference("language", 0) == 1 ? i18n::Language::en : i18n::Language::ja;
    preferences.wareki = madoguchi_load_preference("wareki", 0) == 1;
    preferences.theme = madoguchi_load_preference("theme", 0) == 1 ? Theme::high_contrast : Theme::standard;
    const int percent = madoguchi_load_preference("text_percent", Preferences::smallest_text_percent);
    // A stored value from elsewhere (or tampered with) must not break the layout.
    if (percent >= Preferences::smallest_text_percent && percent <= Preferences::largest_text_percent &&
        percent % Preferences::text_percent_step == 0) {
        preferences.text_percent = percent;
    }
    return preferences;
}

void save_preferences(const Preferences& preferences) {
    madoguchi_save_preference("language", preferences.language == i18n::Language::en ? 1 : 0);
    madoguchi_save_preference("wareki", preferences.wareki ? 1 : 0);
    madoguchi_save_preference("theme", preferences.theme == Theme::high_contrast ? 1 : 0);
    madoguchi_save_preference("text_percent", preferences.text_percent);
}

}  // namespace madoguchi::client

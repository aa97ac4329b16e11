#include "platform/web/preferences_web.hpp"

#include "platform/web/local_storage_web.hpp"

namespace madoguchi::client {

Preferences load_preferences() {
    Preferences preferences;
    preferences.language = load_stored_number("language", 0) == 1 ? i18n::Language::en : i18n::Language::ja;
    preferences.wareki = load_stored_number("wareki", 0) == 1;
    preferences.theme = load_stored_number("theme", 0) == 1 ? Theme::high_contrast : Theme::standard;
    const int percent = load_stored_number("text_percent", Preferences::smallest_text_percent);
    // A stored value from elsewhere (or tampered with) must not break the layout.
    if (percent >= Preferences::smallest_text_percent && percent <= Preferences::largest_text_percent &&
        percent % Preferences::text_percent_step == 0) {
        preferences.text_percent = percent;
    }
    return preferences;
}

void save_preferences(const Preferences& preferences) {
    store_number("language", preferences.language == i18n::Language::en ? 1 : 0);
    store_number("wareki", preferences.wareki ? 1 : 0);
    store_number("theme", preferences.theme == Theme::high_contrast ? 1 : 0);
    store_number("text_percent", preferences.text_percent);
}

}  // namespace madoguchi::client

#pragma once
// Whole numbers and texts kept in the browser's localStorage under "madoguchi.<key>". Storage may be
// unavailable (private modes, blocked storage): reads then give the fallback and writes do
// nothing, so the app still runs with its defaults.
#include <string>

namespace madoguchi::client {

int load_stored_number(const char* key, int fallback);
void store_number(const char* key, int value);
// An empty text when nothing is stored.
std::string load_stored_text(const std::string& key);
void store_text(const std::string& key, const std::string& text);

}  // namespace madoguchi::client

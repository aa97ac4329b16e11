#pragma once
// Whole numbers kept in the browser's localStorage under "madoguchi.<key>". Storage may be
// unavailable (private modes, blocked storage): reads then give the fallback and writes do
// nothing, so the app still runs with its defaults.
namespace madoguchi::client {

int load_stored_number(const char* key, int fallback);
void store_number(const char* key, int value);

}  // namespace madoguchi::client

#pragma once
// The last signed-in user of this browser, in localStorage under "madoguchi.user" (the text
// of remembered_text(): no token, no password), so the app opens offline for them.
#include <string>

namespace madoguchi::client {

std::string load_remembered_user();
// An empty text forgets the user.
void store_remembered_user(const std::string& text);

}  // namespace madoguchi::client

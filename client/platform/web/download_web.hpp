#pragma once
// Saves a file the server makes (e.g. the audit CSV) the way the browser downloads a link:
// same origin, with the session cookie, into the user's downloads.
#include <string>

namespace madoguchi::client {

void download_from(const std::string& path);

}  // namespace madoguchi::client

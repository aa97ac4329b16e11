#pragma once
// What the web app's files are: their MIME type and how long browsers may cache them.
#include <string_view>

namespace madoguchi::server::http {

// By extension; application/octet-stream for anything unknown.
std::string_view mime_type_for(std::string_view file_name);

// True for names the build stamps with their content hash, e.g. app.3f9a2c1b.wasm: a
// dot-separated segment of at least 8 hex digits before the extension.
bool is_content_hashed(std::string_view file_name);

// Hashed files never change under their name, so browsers keep them for a year; the page
// shell and other plain names must be revalidated on every load to pick up a new build.
std::string_view cache_control_for(std::string_view file_name);

}  // namespace madoguchi::server::http

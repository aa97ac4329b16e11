#pragma once
// Baseline security headers, added to every response the server writes.
#include <httplib.h>

#include <string_view>

namespace madoguchi::server::http {

// Scripts only from the app's own files (no inline script: the page shell loads its
// bootstrap as a file), WebAssembly compilation allowed, inline styles allowed for the
// shell's <style>, images also as data: URLs, requests to our own origin only, no framing.
// The offline shell's service worker (/sw.js) and the web manifest are our own files too.
inline constexpr std::string_view content_security_policy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

void add_security_headers(httplib::Response& response);

}  // namespace madoguchi::server::http

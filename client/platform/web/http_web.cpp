#include "platform/web/http_web.hpp"

#include <emscripten.h>

namespace {

madoguchi::client::ApiClient* completion_target = nullptr;

// The id travels as a double: JS numbers hold it exactly, and no BigInt bridging is needed.
// Extra headers come as "Name: value" lines; a body with its own Content-Type (a file
// upload) is sent as the bytes it is, a body without one as JSON text. A request with no
// answer after the timeout is aborted and reported as a network failure, so nothing waits
// forever on a dead connection.
EM_JS(void, madoguchi_js_fetch, (double id, const char* method, const char* url, const char* body, int body_length,
                                 const char* header_lines), {
    const controller = new AbortController();
    const init = {method : UTF8ToString(method), credentials : "same-origin", headers : {"Accept" : "application/json"},
                  signal : controller.signal};
    UTF8ToString(header_lines).split("\n").forEach(function(line) {
        const colon = line.indexOf(":");
        if (colon > 0) init.headers[line.slice(0, colon)] = line.slice(colon + 1).trim();
    });
    if (body_length > 0) {
        if (init.headers["Content-Type"]) {
            init.body = HEAPU8.slice(body, body + body_length);
        } else {
            init.body = UTF8ToString(body, body_length);
            init.headers["Content-Type"] = "application/json";
        }
    }
    const timer = setTimeout(function() { controller.abort(); }, 30000);
    const deliver = function(status, bytes, error, retryAfter) {
        clearTimeout(timer);
        const pointer = _malloc(Math.max(bytes.length, 1));
        HEAPU8.set(bytes, pointer);
        const errorLength = lengthBytesUTF8(error) + 1;
        const errorPointer = _malloc(errorLength);
        stringToUTF8(error, errorPointer, errorLength);
        _madoguchi_http_done(id, status, pointer, bytes.length, errorPointer, retryAfter);
        _free(pointer);
        _free(errorPointer);
    };
    fetch(UTF8ToString(url), init)
        .then(function(response) {
            const retryAfter = parseInt(response.headers.get("Retry-After") || "0", 10) || 0;
            return response.arrayBuffer().then(
                function(buffer) { deliver(response.status, new Uint8Array(buffer), "", retryAfter); });
        })
        .catch(function(error) { deliver(0, new Uint8Array(0), String(error && error.message || error), 0); });
});

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_http_done(double id, int status, const char* body, int body_length,
                                                          const char* error, int retry_after_seconds) {
    if (completion_target == nullptr) return;
    completion_target->complete(static_cast<std::uint64_t>(id),
                                madoguchi::client::HttpResponse{status, std::string(body, static_cast<std::size_t>(body_length)),
                                                                status == 0 ? std::string(error) : std::string(),
                                                                retry_after_seconds});
}

namespace madoguchi::client {

WebFetchTransport::WebFetchTransport(ApiClient& api) { completion_target = &api; }

void WebFetchTransport::send(std::uint64_t id, const HttpRequest& request) {
    std::string header_lines;
    for (const auto& [name, value] : request.headers) {
        header_lines += name;
        header_lines += ": ";
        header_lines += value;
        header_lines += '\n';
    }
    madoguchi_js_fetch(static_cast<double>(id), request.method.c_str(), request.path.c_str(), request.body.data(),
                       static_cast<int>(request.body.size()), header_lines.c_str());
}

}  // namespace madoguchi::client

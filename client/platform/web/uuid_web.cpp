#include <emscripten.h>

#include <cstdlib>

#include "platform/uuid.hpp"

namespace madoguchi::client {
namespace {

EM_JS(char*, madoguchi_random_uuid, (), {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, function(b) { return b.toString(16).padStart(2, "0"); }).join("");
    return stringToNewUTF8(hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" +
                           hex.slice(16, 20) + "-" + hex.slice(20));
});

}  // namespace

std::string new_uuid() {
    char* raw = madoguchi_random_uuid();
    std::string text(raw);
    std::free(raw);
    return text;
}

}  // namespace madoguchi::client

#include "platform/web/file_picker_web.hpp"

#include <emscripten.h>

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace madoguchi::client {
namespace {

struct Delivery {
    std::uint64_t id = 0;
    std::optional<PickedFile> file;
};

std::uint64_t last_id = 0;
std::map<std::uint64_t, FilePicked> waiting;
std::vector<Delivery> arrived;

// The chooser opens from the frame after the click, within the click's user activation,
// which browsers require. "cancel" (closing the chooser) is reported so a wizard stops waiting.
EM_JS(void, madoguchi_open_file_chooser, (double id, const char* accept), {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = UTF8ToString(accept);
    input.style.display = "none";
    const finish = function() { input.remove(); };
    const send = function(bytes, name, type, cancelled) {
        const pointer = _malloc(Math.max(bytes.length, 1));
        HEAPU8.set(bytes, pointer);
        const nameLength = lengthBytesUTF8(name) + 1;
        const namePointer = _malloc(nameLength);
        stringToUTF8(name, namePointer, nameLength);
        const typeLength = lengthBytesUTF8(type) + 1;
        const typePointer = _malloc(typeLength);
        stringToUTF8(type, typePointer, typeLength);
        _madoguchi_file_picked(id, namePointer, typePointer, pointer, bytes.length, cancelled);
        _free(pointer);
        _free(namePointer);
        _free(typePointer);
    };
    input.addEventListener("cancel", function() {
        finish();
        send(new Uint8Array(0), "", "", 1);
    });
    input.addEventListener("change", function() {
        finish();
        const file = input.files && input.files[0];
        if (!file) {
            send(new Uint8Array(0), "", "", 1);
            return;
        }
        file.arrayBuffer().then(function(buffer) { send(new Uint8Array(buffer), file.name, file.type || "", 0); },
                                function() { send(new Uint8Array(0), "", "", 1); });
    });
    document.body.appendChild(input);
    input.click();
});

}  // namespace

void pick_file_web(const std::string& accept, FilePicked done) {
    const auto id = ++last_id;
    waiting.emplace(id, std::move(done));
    madoguchi_open_file_chooser(static_cast<double>(id), accept.c_str());
}

void deliver_picked_files() {
    auto ready = std::exchange(arrived, {});
    for (auto& delivery : ready) {
        const auto found = waiting.find(delivery.id);
        if (found == waiting.end()) continue;
        auto done = std::move(found->second);
        waiting.erase(found);
        done(std::move(delivery.file));
    }
}

}  // namespace madoguchi::client

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_file_picked(double id, const char* name, const char* type,
                                                            const char* bytes, int length, int cancelled) {
    using namespace madoguchi::client;
    Delivery delivery{static_cast<std::uint64_t>(id), std::nullopt};
    if (cancelled == 0)
        delivery.file = PickedFile{name, type, std::string(bytes, static_cast<std::size_t>(length))};
    arrived.push_back(std::move(delivery));
}

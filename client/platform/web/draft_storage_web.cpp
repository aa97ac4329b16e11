#include "platform/web/draft_storage_web.hpp"

#include <emscripten.h>

namespace madoguchi::client {
namespace {

bool loaded = false;

EM_JS(void, madoguchi_mount_drafts, (const char* folder), {
    const path = UTF8ToString(folder);
    FS.mkdir(path);
    FS.mount(IDBFS, {}, path);
    FS.syncfs(true, function(error) {
        if (error) console.warn("drafts could not be read from IndexedDB", error);
        _madoguchi_drafts_ready();
    });
});

// One sync at a time: a change during a sync asks for one more afterwards.
EM_JS(void, madoguchi_sync_drafts, (), {
    const state = Module.madoguchiDraftSync || (Module.madoguchiDraftSync = {running: false, again: false});
    if (state.running) {
        state.again = true;
        return;
    }
    const run = function() {
        state.running = true;
        state.again = false;
        FS.syncfs(false, function(error) {
            if (error) console.warn("drafts could not be written to IndexedDB", error);
            state.running = false;
            if (state.again) run();
        });
    };
    run();
});

}  // namespace

void mount_draft_storage() { madoguchi_mount_drafts(web_drafts_folder); }

bool drafts_loaded() { return loaded; }

void persist_drafts() { madoguchi_sync_drafts(); }

}  // namespace madoguchi::client

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_drafts_ready() { madoguchi::client::loaded = true; }

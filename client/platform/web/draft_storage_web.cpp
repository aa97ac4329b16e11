#include "platform/web/draft_storage_web.hpp"

#include <emscripten.h>

namespace madoguchi::client {
namespace {

bool loaded = false;

// IndexedDB is asynchronous: a save made as the page goes away (a reload, a closed tab) may
// never reach it. So the page's last moment also copies every draft into localStorage, which
// is written at once; the next start merges that copy back (the newer saved_at wins) and
// drops it once IndexedDB holds it.
EM_JS(void, madoguchi_define_draft_storage, (), {
    Module.madoguchiDraftJournal = {
        key: "madoguchi.drafts.journal",
        savedAt: function(text) {
            try { return JSON.parse(text).saved_at || ""; } catch (error) { return ""; }
        },
        write: function(folder) {
            const files = {};
            for (const name of FS.readdir(folder)) {
                if (name.endsWith(".json")) files[name] = FS.readFile(folder + "/" + name, {encoding: "utf8"});
            }
            try {
                localStorage.setItem(this.key, JSON.stringify({written: Date.now(), files: files}));
            } catch (error) {
                console.warn("drafts could not be copied to localStorage", error);
            }
        },
        read: function() {
            try { return JSON.parse(localStorage.getItem(this.key) || "null"); } catch (error) { return null; }
        },
        // Brings the journal's drafts into the folder where they are newer; whether any was.
        merge: function(folder) {
            const journal = this.read();
            if (!journal || !journal.files) return false;
            let changed = false;
            for (const name of Object.keys(journal.files)) {
                const text = journal.files[name];
                const path = folder + "/" + name;
                let stored = null;
                try { stored = FS.readFile(path, {encoding: "utf8"}); } catch (error) { stored = null; }
                if (stored === text || (stored !== null && this.savedAt(stored) > this.savedAt(text))) continue;
                FS.writeFile(path, text);
                changed = true;
            }
            return changed;
        },
        // A sync that started after the journal was written has put its drafts in IndexedDB.
        settled: function(syncStarted) {
            const journal = this.read();
            if (journal && journal.written <= syncStarted) localStorage.removeItem(this.key);
        },
    };
    // One sync to IndexedDB at a time: a change during a sync asks for one more afterwards.
    Module.madoguchiDraftSync = {
        running: false,
        again: false,
        request: function() {
            if (this.running) {
                this.again = true;
                return;
            }
            this.running = true;
            this.again = false;
            const started = Date.now();
            FS.syncfs(false, (error) => {
                if (error) console.warn("drafts could not be written to IndexedDB", error);
                else Module.madoguchiDraftJournal.settled(started);
                this.running = false;
                if (this.again) this.request();
            });
        },
    };
});

EM_JS(void, madoguchi_sync_drafts, (), { Module.madoguchiDraftSync.request(); });

EM_JS(void, madoguchi_mount_drafts, (const char* folder), {
    const path = UTF8ToString(folder);
    FS.mkdir(path);
    FS.mount(IDBFS, {}, path);
    FS.syncfs(true, function(error) {
        if (error) console.warn("drafts could not be read from IndexedDB", error);
        if (Module.madoguchiDraftJournal.merge(path)) Module.madoguchiDraftSync.request();
        else Module.madoguchiDraftJournal.settled(Date.now());
        _madoguchi_drafts_ready();
    });
});

EM_JS(void, madoguchi_journal_drafts, (const char* folder), {
    Module.madoguchiDraftJournal.write(UTF8ToString(folder));
});

}  // namespace

void mount_draft_storage() {
    madoguchi_define_draft_storage();
    madoguchi_mount_drafts(web_drafts_folder);
}

bool drafts_loaded() { return loaded; }

void persist_drafts() { madoguchi_sync_drafts(); }

void journal_drafts() {
    if (loaded) madoguchi_journal_drafts(web_drafts_folder);
}

}  // namespace madoguchi::client

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_drafts_ready() { madoguchi::client::loaded = true; }

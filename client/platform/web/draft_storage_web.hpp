#pragma once
// The drafts' folder in the browser: /drafts, backed by IndexedDB through Emscripten's IDBFS,
// so drafts survive reloads, browser restarts and offline periods.
namespace madoguchi::client {

inline constexpr const char* web_drafts_folder = "/drafts";

// Mounts the folder and starts reading it from IndexedDB; drafts_loaded() turns true after.
void mount_draft_storage();
bool drafts_loaded();
// Writes the folder back to IndexedDB; called after every change, coalesced while one runs.
void persist_drafts();
// Copies every draft into localStorage at once, for the page's last moment (pagehide), when
// the asynchronous write to IndexedDB may not finish; the next start merges the copy back.
void journal_drafts();

}  // namespace madoguchi::client

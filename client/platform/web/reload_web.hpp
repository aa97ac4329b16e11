#pragma once
// The page's side of app updates: boot.js (assets/web/boot.js) watches the service worker
// for a newer build; these read its finding and reload into that build.

namespace madoguchi::client {

// True once the browser holds another build than this page runs (window.madoguchi.updateReady).
bool web_update_ready();
// Reloads the page, letting the waiting service worker take over first.
void reload_into_new_build();

}  // namespace madoguchi::client

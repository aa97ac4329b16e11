// Runs before the Emscripten module: tells it where the content-hashed files are, publishes
// window.madoguchi for tests and monitoring, and turns a failed start into a visible message.
(function () {
  'use strict';
  var meta = function (name) { return document.querySelector('meta[name="' + name + '"]').content; };
  var status = document.getElementById('status');
  var showError = function (text) {
    status.className = 'error';
    status.textContent = 'アプリを起動できませんでした。再読み込みしてください。\n' +
      'The app could not start. Please reload the page.\n\n' + text;
  };
  window.madoguchi = {
    ready: false,
    frame: 0,
    fontUrl: meta('madoguchi-font'),
    // The widgets drawn in the last frame: [{id, label, role, value, x, y, w, h, focused, enabled}], CSS pixels.
    items: function () {
      if (!window.Module.calledRun) return [];
      return JSON.parse(window.Module.UTF8ToString(window.Module._madoguchi_items_json()));
    },
  };
  window.Module = {
    canvas: document.getElementById('canvas'),
    locateFile: function (path) { return path.endsWith('.wasm') ? meta('madoguchi-wasm') : path; },
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onAbort: function (what) { showError(String(what)); },
    onRuntimeInitialized: function () { status.textContent = '描画を準備中… / Preparing…'; },
    madoguchiHideStatus: function () { status.className = 'hidden'; },
  };
  window.addEventListener('error', function (event) {
    if (!window.madoguchi.ready) showError(event.message || 'error');
  });
  if (typeof WebAssembly !== 'object') showError('WebAssembly is not available in this browser.');
})();

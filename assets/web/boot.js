// Runs before the Emscripten module: tells it where the content-hashed files are, publishes
// window.madoguchi for tests and monitoring, turns a failed start into a visible message, and
// registers the service worker that lets the app open offline (sw.js).
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
    build: meta('madoguchi-build'),
    // Set when the service worker holds another build than this page runs; the app then
    // offers a reload (client/platform/web/reload_web.cpp calls reload()).
    updateReady: false,
    reload: function () { window.location.reload(); },
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
  if (window.isSecureContext && 'serviceWorker' in navigator) registerServiceWorker();

  // A new build's worker installs beside the running one and waits, so this page keeps the
  // files it started with. It takes over only when the page reloads as a whole: at once if
  // this page already runs the new build, else when the user chooses to reload.
  function registerServiceWorker() {
    var workers = navigator.serviceWorker;
    var state = window.madoguchi;
    var reloading = false;
    var buildOf = function (worker) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data.build); };
        worker.postMessage({ type: 'build' }, [channel.port2]);
        setTimeout(function () { resolve(null); }, 5000);
      });
    };
    var offerIfNewer = function (worker, activateIfSame) {
      buildOf(worker).then(function (build) {
        if (build === state.build) {
          if (activateIfSame) worker.postMessage({ type: 'activate' });
        } else if (build) {
          state.updateReady = true;
        }
      });
    };
    var considerWaiting = function (registration) {
      if (registration.waiting) offerIfNewer(registration.waiting, true);
    };
    workers.addEventListener('controllerchange', function () {
      if (reloading) window.location.reload();
      else if (workers.controller) offerIfNewer(workers.controller, false);
    });
    var watchInstalling = function (registration) {
      var installing = registration.installing;
      if (!installing) return;
      installing.addEventListener('statechange', function () {
        if (installing.state === 'installed') considerWaiting(registration);
      });
    };
    workers.register('/sw.js', { scope: '/', updateViaCache: 'none' }).then(function (registration) {
      considerWaiting(registration);
      // Another page's check may have started installing a new build before this page got
      // here: its updatefound has passed, so follow that worker too.
      watchInstalling(registration);
      registration.addEventListener('updatefound', function () { watchInstalling(registration); });
      // Checked at every start (registering an unchanged worker does not check; the browser's
      // own check after navigation may come late) and now and then for long-open pages.
      state.checkForUpdate = function () { return registration.update().catch(function () {}); };
      state.checkForUpdate();
      setInterval(state.checkForUpdate, 15 * 60 * 1000);
      window.addEventListener('online', state.checkForUpdate);
      state.reload = function () {
        if (!registration.waiting) {
          window.location.reload();
          return;
        }
        reloading = true;
        registration.waiting.postMessage({ type: 'activate' });
        // Should the worker never take over, the page still reloads (from the network).
        setTimeout(function () { window.location.reload(); }, 5000);
      };
    }).catch(function (error) { console.warn('service worker not registered: ' + error); });
  }
})();

// Live reload for helminauha serve. The server injects this script into
// every HTML page it serves (and only there), as an external file, so the
// theme's Content-Security-Policy (script-src 'self') allows it.
(function () {
  "use strict";
  var me = document.currentScript;
  var gen = me && me.getAttribute("data-gen");
  var key = "helminauha-scroll:" + location.pathname;

  // Put the reader back where they were before the reload.
  var saved = null;
  try { saved = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) {}
  if (saved) {
    var xy = saved.split(",");
    var restore = function () { window.scrollTo(Number(xy[0]) || 0, Number(xy[1]) || 0); };
    if (document.readyState === "complete") { restore(); } else { window.addEventListener("load", restore); }
  }

  var overlay = document.getElementById("helminauha-overlay");
  if (overlay) {
    var close = overlay.querySelector("button");
    if (close) { close.addEventListener("click", function () { overlay.hidden = true; }); }
  }

  if (!window.EventSource) { return; }
  var es = null;
  // Each event names the build being served, the first one too; this
  // page came from build gen, so an equal number means nothing new.
  var heard = function (data) {
    if (data === gen) { return; }
    try { sessionStorage.setItem(key, window.scrollX + "," + window.scrollY); } catch (e) {}
    if (es) { es.close(); }
    location.reload();
  };
  var listen = function (onEvent) {
    es = new EventSource("/__helminauha/events");
    es.addEventListener("reload", function (ev) { onEvent(ev.data); });
  };
  // A browser keeps six connections to a server that speaks HTTP/1.1,
  // and a stream holds one for as long as its tab is open: with a stream
  // per tab, the seventh tab never loaded. So one tab of the browser
  // holds the stream, the one holding the lock, and tells the others;
  // when it closes or reloads, the next one takes it. Without the lock
  // (an address not on this machine, by --allow-host, is no secure
  // context) every tab listens itself, as before.
  if (!window.BroadcastChannel || !navigator.locks) { listen(heard); return; }
  var tabs = new BroadcastChannel("helminauha-reload");
  var last = null; // the build the stream named last, in the tab holding it
  tabs.onmessage = function (ev) {
    // "?" is a new tab asking which build is served: one made while its
    // page was on the way was told before it listened.
    if (ev.data === "?") {
      if (last !== null) { tabs.postMessage(last); }
      return;
    }
    heard(ev.data);
  };
  navigator.locks.request("helminauha-reload", function () {
    listen(function (data) { last = data; tabs.postMessage(data); heard(data); });
    return new Promise(function () {}); // held until the tab goes
  });
  tabs.postMessage("?");
})();

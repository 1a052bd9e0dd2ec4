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
  var es = new EventSource("/__helminauha/events");
  es.addEventListener("reload", function (ev) {
    // The first event names the build being served; this page came from
    // build gen, so an equal number means there is nothing new.
    if (ev.data === gen) { return; }
    try { sessionStorage.setItem(key, window.scrollX + "," + window.scrollY); } catch (e) {}
    es.close();
    location.reload();
  });
})();

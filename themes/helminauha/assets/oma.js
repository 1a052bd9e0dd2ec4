// Oma helminauha, the part on every page: the reader's own necklace of
// pearls is kept in this browser's localStorage only (no account, no
// server). This script fills the header's count badge
// [data-necklace-count] and, on a pearl page, runs the button
// [data-necklace-toggle] (data-slug, data-title, data-area, data-color;
// hidden in the HTML, so that without JavaScript there is no button).
//
// The page /oma-helminauha/ has its own script, oma-helminauha.js, which
// reads and writes the same storage through window.Helminauha.necklace.
// Text goes into the page as textContent only. Works under the theme's
// Content-Security-Policy (no inline script or style).
(function () {
  'use strict';

  var KEY = 'helminauha.oma';
  var SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

  // ---- storage ----------------------------------------------------------

  function readItems() {
    var raw = null;
    try { raw = window.localStorage.getItem(KEY); } catch (e) { return []; }
    if (!raw) return [];
    var data;
    try { data = JSON.parse(raw); } catch (e) { return []; }
    var list = data && Array.isArray(data.items) ? data.items : [];
    var seen = {};
    var out = [];
    list.forEach(function (it) {
      if (!it || typeof it.slug !== 'string' || !SLUG.test(it.slug) || seen[it.slug]) return;
      seen[it.slug] = true;
      out.push({
        slug: it.slug,
        note: typeof it.note === 'string' ? it.note : '',
        title: typeof it.title === 'string' ? it.title : '',
        area: typeof it.area === 'string' ? it.area : '',
        color: typeof it.color === 'string' ? it.color : ''
      });
    });
    return out;
  }

  function writeItems(items) {
    try {
      if (items.length === 0) {
        window.localStorage.removeItem(KEY);
      } else {
        window.localStorage.setItem(KEY, JSON.stringify({ v: 1, items: items }));
      }
      return true;
    } catch (e) {
      return false;
    }
  }

  function indexOf(items, slug) {
    for (var i = 0; i < items.length; i++) if (items[i].slug === slug) return i;
    return -1;
  }

  // ---- small helpers ----------------------------------------------------

  function el(tag, props, children) {
    var e = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === 'text') e.textContent = props[k];
        else if (k === 'className') e.className = props[k];
        else if (k === 'hidden') e.hidden = props[k];
        else e.setAttribute(k, props[k]);
      });
    }
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }

  function pearls(n) {
    return n === 1 ? '1 helmi' : n + ' helmeä';
  }

  // announce sets a live region's text so that a screen reader reads it,
  // also when the same text comes twice.
  function announce(region, msg) {
    if (!region) return;
    region.textContent = '';
    window.setTimeout(function () { region.textContent = msg; }, 50);
  }

  // ---- every page: the header's count -----------------------------------

  function updateCount(items) {
    var n = (items || readItems()).length;
    var badges = document.querySelectorAll('[data-necklace-count]');
    for (var i = 0; i < badges.length; i++) {
      badges[i].textContent = String(n);
      badges[i].hidden = n === 0;
      badges[i].setAttribute('title', 'Omassa helminauhassa ' + pearls(n));
    }
  }

  // ---- a pearl page: the add/remove button ------------------------------

  function setupToggle(btn) {
    var slug = btn.getAttribute('data-slug') || '';
    if (!SLUG.test(slug)) return;
    var status = el('p', { className: 'necklace-toggle-status', role: 'status' });
    btn.insertAdjacentElement('afterend', status);

    function render() {
      var items = readItems();
      var inIt = indexOf(items, slug) >= 0;
      // The label says what the button does next; it is not also a
      // toggle button (aria-pressed), as a toggle's label must not change
      // (WAI-ARIA Authoring Practices, Button pattern).
      btn.textContent = inIt ? 'Poista omasta helminauhasta' : 'Lisää omaan helminauhaan';
      btn.classList.toggle('is-added', inIt);
      return items;
    }

    btn.addEventListener('click', function () {
      var items = readItems();
      var i = indexOf(items, slug);
      var msg;
      if (i >= 0) {
        items.splice(i, 1);
        msg = 'Helmi poistettu omasta helminauhasta. Siinä on nyt ' + pearls(items.length) + '.';
      } else {
        items.push({
          slug: slug,
          note: '',
          title: btn.getAttribute('data-title') || '',
          area: btn.getAttribute('data-area') || '',
          color: btn.getAttribute('data-color') || ''
        });
        msg = 'Helmi lisätty omaan helminauhaan. Siinä on nyt ' + pearls(items.length) + '.';
      }
      if (!writeItems(items)) msg = 'Helminauhaa ei voitu tallentaa tähän selaimeen.';
      render();
      updateCount();
      announce(status, msg);
    });
    window.addEventListener('storage', function (e) {
      if (e.key === KEY || e.key === null) render();
    });
    render();
    btn.hidden = false;
  }

  // The storage and the small helpers the necklace page shares.
  window.Helminauha = window.Helminauha || {};
  window.Helminauha.necklace = {
    KEY: KEY,
    SLUG: SLUG,
    read: readItems,
    write: writeItems,
    indexOf: indexOf,
    el: el,
    pearls: pearls,
    announce: announce,
    updateCount: updateCount
  };

  function init() {
    updateCount();
    var toggles = document.querySelectorAll('button[data-necklace-toggle]');
    for (var i = 0; i < toggles.length; i++) setupToggle(toggles[i]);
    window.addEventListener('storage', function (e) {
      if (e.key === KEY || e.key === null) updateCount();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();

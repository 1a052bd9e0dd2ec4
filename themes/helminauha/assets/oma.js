// Oma helminauha, the part on every page: the reader's own necklace of
// pearls is kept in this browser's localStorage only (no account, no
// server). This script fills the header's count badge
// [data-necklace-count] and, on a pearl page, runs the button
// [data-necklace-toggle] (data-slug, data-title, data-area, data-color;
// hidden in the HTML, so that without JavaScript there is no button).
// Being on every page, it also lets Escape close an open disclosure, and
// lets a necklace's bead titles follow the pointer once it is used.
//
// The page /oma-helminauha/ has its own module, oma-helminauha.js, which
// imports the storage functions from this one. An ES module: a page that
// loads both gets one copy. Text goes into the page as textContent only.
// Works under the theme's Content-Security-Policy (no inline script or
// style).
import { store, el, pearls, announce, onReady, words, fill } from './yhteiset.js';

// KEY is where the necklace is kept: 'helminauha.oma' on the default
// language's pages, 'helminauha.oma.sv' on the Swedish ones (the page's
// <html data-lang-path="sv/">). Each language keeps its own, as its
// pearls are its own: the Swedish necklace page must not drop the
// Finnish pearls it does not have.
export const KEY = 'helminauha.oma' + langSuffix();

function langSuffix() {
  if (typeof document === 'undefined') return '';
  const p = document.documentElement.getAttribute('data-lang-path');
  return p ? '.' + p.replace(/\/$/, '') : '';
}
export const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

// ---- storage ----------------------------------------------------------

// readItems returns the necklace in this browser, every entry checked:
// storage is the reader's, and anything may be in it.
export function readItems() {
  var raw = store.get(KEY);
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

// writeItems saves the necklace; false when this browser refuses.
export function writeItems(items) {
  if (items.length === 0) {
    store.remove(KEY);
    return true;
  }
  return store.set(KEY, JSON.stringify({ v: 1, items: items }));
}

export function indexOf(items, slug) {
  for (var i = 0; i < items.length; i++) if (items[i].slug === slug) return i;
  return -1;
}

// ---- every page: the header's count -----------------------------------

export function updateCount(items) {
  var n = (items || readItems()).length;
  var badges = document.querySelectorAll('[data-necklace-count]');
  for (var i = 0; i < badges.length; i++) {
    badges[i].textContent = String(n);
    badges[i].hidden = n === 0;
    badges[i].setAttribute('title', fill(words('oma'), 'count', { pearls: pearls(n) }));
  }
}

// ---- a pearl page: the add/remove button ------------------------------

function setupToggle(btn) {
  var slug = btn.getAttribute('data-slug') || '';
  if (!SLUG.test(slug)) return;
  var w = words('oma');
  var status = el('p', { className: 'necklace-toggle-status', role: 'status' });
  btn.insertAdjacentElement('afterend', status);

  function render() {
    var items = readItems();
    var inIt = indexOf(items, slug) >= 0;
    // The label says what the button does next; it is not also a
    // toggle button (aria-pressed), as a toggle's label must not change
    // (WAI-ARIA Authoring Practices, Button pattern).
    btn.textContent = fill(w, inIt ? 'remove' : 'add');
    btn.classList.toggle('is-added', inIt);
    return items;
  }

  btn.addEventListener('click', function () {
    var items = readItems();
    var i = indexOf(items, slug);
    var msg;
    if (i >= 0) {
      items.splice(i, 1);
      msg = fill(w, 'removed', { pearls: pearls(items.length, w) });
    } else {
      items.push({
        slug: slug,
        note: '',
        title: btn.getAttribute('data-title') || '',
        area: btn.getAttribute('data-area') || '',
        color: btn.getAttribute('data-color') || ''
      });
      msg = fill(w, 'added', { pearls: pearls(items.length, w) });
    }
    if (!writeItems(items)) msg = fill(w, 'unsaved');
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

// closeOnEscape: Escape closes the disclosure the focus is in (the menu
// of areas on a phone, the search filters) and gives the focus back to
// its summary, as a reader who opened it by keyboard expects of what
// opens. On a wide screen the menu has no summary to return to, and stays.
function closeOnEscape(e) {
  var d = e.key === 'Escape' && document.activeElement && document.activeElement.closest('details[open]');
  var s = d && d.querySelector('summary');
  if (!s || !s.getClientRects().length) return;
  d.open = false;
  s.focus();
}

// pointerTitles: a strand the pointer went into shows the titles of the
// beads it goes to, not the focused bead's (class by-pointer, see the
// stylesheet), until a key is pressed. All titles stand in one place, and
// the focused bead's took it as the pointer left a bead on its way down to
// that bead's title, which then could not be reached (1.4.13).
function pointerTitles(e) {
  var s = e.target.closest && e.target.closest('svg.strand');
  if (s) s.classList.add('by-pointer');
}

function keyTitles() {
  var on = document.querySelectorAll('svg.by-pointer');
  for (var i = 0; i < on.length; i++) on[i].classList.remove('by-pointer');
}

function init() {
  updateCount();
  document.addEventListener('keydown', closeOnEscape);
  document.addEventListener('pointerover', pointerTitles);
  document.addEventListener('keydown', keyTitles);
  var toggles = document.querySelectorAll('button[data-necklace-toggle]');
  for (var i = 0; i < toggles.length; i++) setupToggle(toggles[i]);
  window.addEventListener('storage', function (e) {
    if (e.key === KEY || e.key === null) updateCount();
  });
}

onReady(init);

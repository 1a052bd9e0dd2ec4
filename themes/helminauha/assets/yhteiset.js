// yhteiset.js: what the theme's scripts share — storage that may be
// missing, a file download, element building and live-region
// announcements. An ES module whose one dependency is the site's words
// (sanat.js); it touches the page only when one of its functions is
// called, so Node tests import it too.
//
// Works under the theme's Content-Security-Policy: elements are made with
// createElement and text goes in as textContent only.

import sanat from './sanat.js';

// store wraps localStorage, which may be missing or refuse writes
// (private windows, full storage, Node): reads then give null and writes
// false, and the page works without saving.
export const store = {
  get(key) {
    try { return globalThis.localStorage.getItem(key); } catch { return null; }
  },
  set(key, value) {
    try { globalThis.localStorage.setItem(key, value); return true; } catch { return false; }
  },
  remove(key) {
    try { globalThis.localStorage.removeItem(key); } catch { /* nothing to remove */ }
  },
};

// download offers content to the reader as a file named name.
export function download(name, content, type = 'text/markdown;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// el makes an element: props.text is its text, className and hidden are
// set as properties, every other prop as an attribute.
export function el(tag, props, children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === 'text') e.textContent = v;
    else if (k === 'className') e.className = v;
    else if (k === 'hidden') e.hidden = v;
    else e.setAttribute(k, v);
  }
  for (const c of children || []) if (c) e.appendChild(c);
  return e;
}

// button makes a type=button element that calls onClick.
export function button(label, onClick, props) {
  const b = el('button', { type: 'button', ...props, text: label });
  b.addEventListener('click', onClick);
  return b;
}

// words are the words a script shows, in the page's language: the JSON
// in the page's <script type="application/json" id="words-NAME"> when it
// has one (the words of one kind of page), or else those of sanat.js
// (the words of every page, written once for the site). The generator
// writes both from the theme's table (i18n/<lang>.yaml, the keys
// js.NAME.*). Empty when neither has them.
export function words(name) {
  const e = typeof document === 'undefined' ? null : document.getElementById('words-' + name);
  if (!e) return sanat[name] || {};
  try { return JSON.parse(e.textContent); } catch { return {}; }
}

// fill is the word key of w with each {name} in it replaced by
// vars[name]: fill(w, 'added', { pearls: '3 helmeä' }).
export function fill(w, key, vars) {
  const s = typeof w[key] === 'string' ? w[key] : key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? String(vars[k]) : m));
}

// pearls counts pearls in the words w (pearls.one and pearls.other, of
// the script oma's words, which every page has).
export function pearls(n, w = words('oma')) {
  return fill(w, n === 1 ? 'pearls.one' : 'pearls.other', { n });
}

// announce sets a live region's text so that a screen reader reads it,
// also when the same text comes twice in a row: the region is emptied
// now and gets msg (a text, or a list of texts and nodes) a moment later,
// and then then runs. A message still waiting for its moment is dropped,
// with its then, so that what the region ends up saying, and what is
// read last, is the newest message, never an older one ("loading…"
// after the print it announced was done). An empty msg empties the
// region at once.
const pending = new WeakMap();

export function announce(region, msg, then) {
  if (!region) return;
  clearTimeout(pending.get(region));
  pending.delete(region);
  region.textContent = '';
  if (!msg || !msg.length) {
    if (then) then();
    return;
  }
  pending.set(region, setTimeout(() => {
    pending.delete(region);
    if (typeof msg === 'string') region.textContent = msg;
    else region.replaceChildren(...msg);
    if (then) then();
  }, 50));
}

// onReady runs fn once the document is parsed, in a browser only.
export function onReady(fn) {
  if (typeof document === 'undefined') return;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
  else fn();
}

// Oma helminauha, the page /oma-helminauha/ (#necklace-svg,
// #necklace-list, #necklace-empty, #necklace-notice in
// [data-necklace-page data-necklace-data=URL of the folder of the
// necklace data's shards, data-necklace-shards=their number]): the
// reader's own necklace as a picture and as a list that can be reordered
// with buttons, annotated and emptied; a link that carries the selection
// in the URL (?h=slug1,slug2) and, opened, offers to save it; a print
// layout of the pearls in full; a Markdown download.
//
// An ES module: it imports the storage of oma.js (the same module instance
// the page header uses) and the shared helpers. Pearl data comes from
// the necklace data, which the generator writes in shards (N.json in the
// folder, each slug -> {title, url, area, color, kind, summary, ...}):
// a slug is in shard necklaceShard(slug, number of shards), and the page
// fetches only the shards of the slugs it shows (stored and shared), so
// that a reader's phone does not download every pearl of a large portal.
//
// Nothing read from the URL, the storage or the data reaches the page
// as markup: text goes in as textContent. The pearls in full, fetched
// only to print or download, are the bodies of the pearls' own pages
// (same origin, [data-pearl-body], which pearl.html writes), parsed with
// DOMParser and put in as the generator wrote them, headings one level
// down (printBody). No sanitiser: the pages are the generator's,
// rendered from Markdown without raw HTML, and nodes parsed by DOMParser
// run no script. Works under the theme's Content-Security-Policy.
import { el, button, pearls, announce, download, onReady, words, fill } from './yhteiset.js';
import { SLUG, readItems, writeItems, indexOf, updateCount } from './oma.js';

// W are the page's words for this script (words-necklace); t fills
// one in.
var W = words('necklace');
function t(key, vars) { return fill(W, key, vars); }

export const MAX_SHARED = 200;
var SVGNS = 'http://www.w3.org/2000/svg';

var COLOR = /^#[0-9a-fA-F]{6}$/;
export function safeColor(c) {
  return COLOR.test(c || '') ? c : '#6b7280';
}

// sharedSlugs reads ?h= from a URL's query (search): null when there is
// none, else the distinct well-formed slugs, in order (at most
// MAX_SHARED), and how many entries were not taken.
export function sharedSlugs(search) {
  var params = new URLSearchParams(search);
  if (!params.has('h')) return null;
  var parts = (params.get('h') || '').split(',');
  var seen = {};
  var slugs = [];
  var bad = 0;
  for (var i = 0; i < parts.length; i++) {
    var s = parts[i].trim();
    if (s === '') continue;
    if (!SLUG.test(s) || slugs.length >= MAX_SHARED) { bad++; continue; }
    if (seen[s]) continue;
    seen[s] = true;
    slugs.push(s);
  }
  return { slugs: slugs, bad: bad };
}

// necklaceShard is the shard, of shards, that holds the pearl slug:
// FNV-1a (32 bits) of its UTF-8 bytes modulo shards, as the generator
// computes it (render.NecklaceShard; internal/render's tests run both).
export function necklaceShard(slug, shards) {
  var bytes = new TextEncoder().encode(slug);
  var h = 0x811c9dc5;
  for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0) % shards;
}

// NecklaceData holds the pearls of the necklace data by slug, as far as
// their shards have been fetched: shard i is base + i + '.json' (of
// count), fetched with get (a URL -> a promise of its parsed JSON).
export function NecklaceData(base, count, get) {
  this.base = base;
  this.count = count;
  this.get = get;
  this.pearls = Object.create(null); // slug -> {title, url, area, color, summary, ...}
  this.done = {}; // shard -> true, once its pearls are in
  this.pending = {}; // shard -> the promise of its fetch
}

NecklaceData.prototype.shardOf = function (slug) {
  return necklaceShard(slug, this.count);
};

// loaded tells whether the shard of slug is in, so that its absence
// means the portal has no such pearl.
NecklaceData.prototype.loaded = function (slug) {
  return this.done[this.shardOf(slug)] === true;
};

// load fetches, at once, the shards of slugs not in yet, and resolves
// when they are in; it rejects when one could not be fetched or read
// (and a later load tries that one again).
NecklaceData.prototype.load = function (slugs) {
  var self = this;
  var want = [];
  slugs.forEach(function (s) {
    var i = self.shardOf(s);
    if (!self.done[i] && want.indexOf(i) < 0) want.push(i);
  });
  return Promise.all(want.map(function (i) {
    if (!self.pending[i]) {
      self.pending[i] = self.get(self.base + i + '.json').then(function (d) {
        if (!d || typeof d !== 'object' || Array.isArray(d)) throw new Error('bad data');
        Object.keys(d).forEach(function (k) { self.pearls[k] = d[k]; });
        self.done[i] = true;
      }).catch(function (e) {
        delete self.pending[i];
        throw e;
      });
    }
    return self.pending[i];
  }));
};

function NecklacePage(root, data) {
  this.root = root;
  this.data = data; // a NecklaceData
  this.svgBox = document.getElementById('necklace-svg');
  this.list = document.getElementById('necklace-list');
  this.empty = document.getElementById('necklace-empty');
  this.notice = document.getElementById('necklace-notice');
  this.status = el('p', { className: 'necklace-status', role: 'status' });
  this.shared = null; // the shared slugs while a shared link is shown
  this.undo = null;
  this.tools = el('div', { className: 'necklace-tools' });
  this.sharedBar = el('div', { className: 'necklace-shared', hidden: true });
  this.printArea = el('div', { className: 'necklace-print', hidden: true });
  var anchor = this.list || root.lastChild;
  anchor.insertAdjacentElement('afterend', this.tools);
  this.tools.insertAdjacentElement('afterend', this.printArea);
  var top = this.svgBox || this.list;
  top.insertAdjacentElement('beforebegin', this.sharedBar);
  this.tools.appendChild(this.status);
}

NecklacePage.prototype.known = function (slug) {
  var p = this.data.pearls;
  return Object.prototype.hasOwnProperty.call(p, slug) && p[slug] && typeof p[slug] === 'object';
};

NecklacePage.prototype.info = function (slug) {
  var d = (this.known(slug) && this.data.pearls[slug]) || {};
  return {
    slug: slug,
    title: typeof d.title === 'string' && d.title ? d.title : slug,
    url: typeof d.url === 'string' && /^\/(?!\/)/.test(d.url) ? d.url : null,
    area: typeof d.area === 'string' ? d.area : '',
    kind: /^(tieto|vinkki|menetelma|tyokalu)$/.test(d.kind) ? d.kind : 'tieto',
    color: safeColor(d.color),
    summary: typeof d.summary === 'string' ? d.summary : ''
  };
};

NecklacePage.prototype.setNotice = function (msg) {
  if (!this.notice) return;
  // The notice is a live region: it stays in the page, and only its
  // text changes, so that screen readers read each new notice.
  this.notice.textContent = msg;
};

// own returns the stored necklace without pearls the portal no longer
// has, and says how many were dropped. A pearl whose shard is not in
// (stored by another tab since) is kept: render fetches it.
NecklacePage.prototype.own = function () {
  var self = this;
  var items = readItems();
  var kept = items.filter(function (it) { return self.known(it.slug) || !self.data.loaded(it.slug); });
  if (kept.length !== items.length) {
    writeItems(kept);
    this.setNotice(t('dropped', { pearls: pearls(items.length - kept.length) }));
  }
  return kept;
};

NecklacePage.prototype.start = function () {
  var shared = sharedSlugs(window.location.search);
  if (shared) {
    var self = this;
    var valid = shared.slugs.filter(function (s) { return self.known(s); });
    var skipped = shared.bad + shared.slugs.length - valid.length;
    var msgs = [];
    if (skipped > 0) {
      msgs.push(t(skipped === 1 ? 'skipped.one' : 'skipped.other', { n: skipped }));
    }
    if (valid.length === 0) msgs.push(t('shared.none'));
    this.setNotice(msgs.join(' '));
    if (valid.length > 0) {
      this.shared = valid;
      this.renderShared();
      return;
    }
    this.renderEmptyShared();
    return;
  }
  this.setNotice('');
  this.render();
};

// ---- the necklace picture ----

// drawSVG draws the pearls as beads on a draped string in the style of
// the home page's strands (render/necklace.go): rows of 12 in a viewBox
// 360 wide, each bead coloured by its theme area and shaped by its kind
// (tieto a pearl, vinkki with a highlight, menetelma a ring, tyokalu a
// diamond). The picture is one image with a text alternative; the links
// are in the list below it.
NecklacePage.prototype.drawSVG = function (infos) {
  var box = this.svgBox;
  if (!box) return;
  box.textContent = '';
  if (infos.length === 0) { box.hidden = true; return; }
  box.hidden = false;
  var W = 360, perRow = 12, spacing = 28, r = 11, rowH = 58, top = 22, sag = 14;
  var rows = Math.ceil(infos.length / perRow);
  var height = top + (rows - 1) * rowH + sag + r + 12;
  function node(tag, attrs) {
    var n = document.createElementNS(SVGNS, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    return n;
  }
  var svg = node('svg', { viewBox: '0 0 ' + W + ' ' + height, width: W, height: height, class: 'strand', role: 'img' });
  var label = t('picture', { pearls: pearls(infos.length), titles: infos.map(function (p) { return p.title; }).join(', ') });
  svg.setAttribute('aria-label', label);
  var title = node('title', {});
  title.textContent = label;
  svg.appendChild(title);
  for (var row = 0; row < rows; row++) {
    var y0 = top + row * rowH;
    svg.appendChild(node('path', { class: 'strand-string', d: 'M6 ' + y0 + 'Q' + W / 2 + ' ' + (y0 + 2 * sag) + ' ' + (W - 6) + ' ' + y0 }));
    var these = infos.slice(row * perRow, (row + 1) * perRow);
    var start = (W - (these.length - 1) * spacing) / 2;
    these.forEach(function (p, i) {
      var x = start + i * spacing;
      var t = (x - 6) / (W - 12);
      var y = Math.round(y0 + 4 * sag * t * (1 - t));
      var g = node('g', { class: 'bead bead-' + p.kind, fill: p.color });
      if (p.kind === 'tyokalu') {
        var d = r + 2;
        g.appendChild(node('polygon', { class: 'bead-shape', points: [x, y - d, x + d, y, x, y + d, x - d, y].join(' ').replace(/(\S+) (\S+)( |$)/g, '$1,$2$3') }));
      } else {
        g.appendChild(node('circle', { class: 'bead-shape', cx: x, cy: y, r: r }));
      }
      if (p.kind === 'menetelma') g.appendChild(node('circle', { class: 'bead-hole', cx: x, cy: y, r: 4.5 }));
      if (p.kind === 'vinkki') g.appendChild(node('circle', { class: 'bead-shine', cx: x, cy: y, r: 3.5 }));
      svg.appendChild(g);
    });
  }
  box.appendChild(svg);
};

// ---- the list, own necklace ----

NecklacePage.prototype.render = function (focus) {
  var self = this;
  var stored = readItems().map(function (it) { return it.slug; });
  if (!stored.every(function (s) { return self.data.loaded(s); })) {
    // Pearls stored by another tab since the page was opened: their
    // shards first.
    this.data.load(stored).then(function () { self.render(focus); }, function () { self.setNotice(t('failed')); });
    return;
  }
  var items = this.own();
  var infos = items.map(function (it) { return self.info(it.slug); });
  this.drawSVG(infos);
  this.sharedBar.hidden = true;
  this.sharedBar.textContent = '';
  if (this.empty) this.empty.hidden = items.length > 0;
  if (this.list) {
    this.list.textContent = '';
    this.list.hidden = items.length === 0;
    items.forEach(function (it, i) {
      self.list.appendChild(self.item(infos[i], it, i, items.length));
    });
  }
  this.renderTools(items);
  updateCount(items);
  if (focus) this.focus(focus);
};

NecklacePage.prototype.item = function (info, it, i, n) {
  var self = this;
  var id = 'helmi-' + info.slug;
  var heading = el('h2', { className: 'necklace-item-title', id: id + '-title' });
  if (info.url) heading.appendChild(el('a', { href: info.url, text: info.title }));
  else heading.textContent = info.title;
  var dot = el('span', { className: 'necklace-dot', 'aria-hidden': 'true' });
  dot.style.backgroundColor = info.color;
  var meta = el('p', { className: 'necklace-item-area' }, [dot, document.createTextNode(info.area)]);
  var summary = info.summary ? el('p', { className: 'necklace-item-summary', text: info.summary }) : null;

  var noteId = id + '-note';
  // Each note is labelled "Oma muistiinpano": its pearl's title is its
  // description, which a screen reader says with it, so that moving from
  // field to field tells whose note this is.
  var note = el('textarea', { id: noteId, rows: '2', 'data-slug': info.slug, 'aria-describedby': id + '-title' });
  note.value = it.note;
  note.addEventListener('input', function () {
    var items = readItems();
    var k = indexOf(items, info.slug);
    if (k < 0) return;
    items[k].note = note.value;
    if (!writeItems(items)) announce(self.status, t('note.unsaved'));
  });
  var noteField = el('div', { className: 'necklace-note' }, [
    el('label', { for: noteId, text: t('note') }), note
  ]);

  var up = button(t('up'), function () { self.move(info.slug, -1, 'up'); },
    { 'aria-label': t('up.label', { title: info.title }), 'data-action': 'up', 'data-slug': info.slug });
  var down = button(t('down'), function () { self.move(info.slug, 1, 'down'); },
    { 'aria-label': t('down.label', { title: info.title }), 'data-action': 'down', 'data-slug': info.slug });
  var remove = button(t('remove'), function () { self.remove(info.slug); },
    { 'aria-label': t('remove.label', { title: info.title }), 'data-action': 'remove', 'data-slug': info.slug });
  up.disabled = i === 0;
  down.disabled = i === n - 1;
  var actions = el('div', { className: 'necklace-item-actions' }, [up, down, remove]);

  return el('li', { className: 'necklace-item', 'data-slug': info.slug, 'aria-labelledby': id + '-title' },
    [heading, meta, summary, noteField, actions]);
};

NecklacePage.prototype.focus = function (f) {
  if (!this.list) return;
  var b = this.list.querySelector('button[data-slug="' + f.slug + '"][data-action="' + f.action + '"]');
  if (b && b.disabled) {
    b = this.list.querySelector('button[data-slug="' + f.slug + '"][data-action="' + (f.action === 'up' ? 'down' : 'up') + '"]');
  }
  if (b && !b.disabled) b.focus();
};

NecklacePage.prototype.move = function (slug, delta, action) {
  var items = readItems();
  var i = indexOf(items, slug);
  var j = i + delta;
  if (i < 0 || j < 0 || j >= items.length) return;
  var moved = items.splice(i, 1)[0];
  items.splice(j, 0, moved);
  writeItems(items);
  this.undo = null;
  this.render({ slug: slug, action: action });
  announce(this.status, t('moved', { title: this.info(slug).title, place: j + 1, n: items.length }));
};

NecklacePage.prototype.remove = function (slug) {
  var items = readItems();
  var i = indexOf(items, slug);
  if (i < 0) return;
  items.splice(i, 1);
  writeItems(items);
  this.undo = null;
  this.render();
  announce(this.status, t('removed', { title: this.info(slug).title, pearls: pearls(items.length) }));
  // Focus goes to the pearl that took its place, or the one before it.
  var rest = this.list ? this.list.querySelectorAll('button[data-action="remove"]') : [];
  var next = rest[Math.min(i, rest.length - 1)];
  if (next) {
    next.focus();
  } else if (this.empty) {
    // The list is gone: focus the message that says it is empty.
    this.empty.setAttribute('tabindex', '-1');
    this.empty.focus();
  }
};

NecklacePage.prototype.shareURL = function (slugs) {
  return window.location.origin + window.location.pathname + '?h=' + slugs.join(',');
};

NecklacePage.prototype.renderTools = function (items) {
  var self = this;
  this.tools.textContent = '';
  var slugs = items.map(function (it) { return it.slug; });
  if (items.length > 0) {
    var shareId = 'necklace-share';
    var share = el('input', { id: shareId, type: 'url', readonly: '', className: 'necklace-share-url' });
    share.value = this.shareURL(slugs);
    share.addEventListener('focus', function () { share.select(); });
    var copy = button(t('copy'), function () {
      share.select();
      var done = function () { announce(self.status, t('copied')); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(share.value).then(done, function () {
          announce(self.status, t('copy.keys'));
        });
      } else {
        announce(self.status, t('copy.keys'));
      }
    });
    this.tools.appendChild(el('div', { className: 'necklace-share-field' }, [
      el('label', { for: shareId, text: t('share') }),
      el('p', { className: 'necklace-share-help', id: shareId + '-help', text: t('share.help') }),
      share, copy
    ]));
    share.setAttribute('aria-describedby', shareId + '-help');
    var print = button(t('print'), function () { self.print(print); });
    var md = button(t('markdown'), function () { self.markdown(md); });
    this.clearButton = button(t('clear'), function () { self.clear(); });
    this.tools.appendChild(el('div', { className: 'necklace-actions' }, [print, md, this.clearButton]));
  } else {
    this.clearButton = null;
  }
  if (this.undo) {
    var undoButton = button(t('undo'), function () {
      writeItems(self.undo);
      self.undo = null;
      self.render();
      announce(self.status, t('undone'));
    });
    this.tools.appendChild(el('div', { className: 'necklace-actions' }, [undoButton]));
  }
  this.tools.appendChild(this.status);
};

NecklacePage.prototype.clear = function () {
  var items = readItems();
  if (items.length === 0) return;
  writeItems([]);
  this.undo = items;
  this.render();
  announce(this.status, t('cleared'));
  var b = this.tools.querySelector('button');
  if (b) b.focus();
};

// ---- a shared necklace ----

NecklacePage.prototype.renderShared = function () {
  var self = this;
  var infos = this.shared.map(function (s) { return self.info(s); });
  this.drawSVG(infos);
  if (this.empty) this.empty.hidden = true;
  if (this.list) {
    this.list.textContent = '';
    this.list.hidden = false;
    infos.forEach(function (info) {
      var heading = el('h2', { className: 'necklace-item-title' });
      if (info.url) heading.appendChild(el('a', { href: info.url, text: info.title }));
      else heading.textContent = info.title;
      var dot = el('span', { className: 'necklace-dot', 'aria-hidden': 'true' });
      dot.style.backgroundColor = info.color;
      self.list.appendChild(el('li', { className: 'necklace-item', 'data-slug': info.slug }, [
        heading,
        el('p', { className: 'necklace-item-area' }, [dot, document.createTextNode(info.area)]),
        info.summary ? el('p', { className: 'necklace-item-summary', text: info.summary }) : null
      ]));
    });
  }
  var own = this.own();
  this.sharedBar.textContent = '';
  this.sharedBar.hidden = false;
  this.sharedBar.appendChild(el('p', { className: 'necklace-shared-intro', text: t('shared', { pearls: pearls(infos.length) }) }));
  var save = button(t('shared.save'), function () {
    var notes = {};
    readItems().forEach(function (it) { notes[it.slug] = it.note; });
    writeItems(self.shared.map(function (s) {
      var info = self.info(s);
      return { slug: s, note: notes[s] || '', title: info.title, area: info.area, color: info.color };
    }));
    self.shared = null;
    self.setNotice('');
    window.history.replaceState(null, '', window.location.pathname);
    self.render();
    announce(self.status, t('shared.saved'));
    var h = self.list && self.list.querySelector('h2 a');
    if (h) h.focus();
  });
  var bar = [save];
  if (own.length > 0) {
    bar.push(el('p', { className: 'necklace-shared-warning', text: t('shared.replaces', { pearls: pearls(own.length) }) }));
  }
  bar.push(el('p', {}, [el('a', { href: window.location.pathname, text: t('own') })]));
  bar.forEach(function (b) { self.sharedBar.appendChild(b); });
  this.tools.textContent = '';
  var print = button(t('print'), function () { self.print(print); });
  var md = button(t('markdown'), function () { self.markdown(md); });
  this.tools.appendChild(el('div', { className: 'necklace-actions' }, [print, md]));
  this.tools.appendChild(this.status);
  updateCount(own);
};

NecklacePage.prototype.renderEmptyShared = function () {
  this.drawSVG([]);
  if (this.list) { this.list.textContent = ''; this.list.hidden = true; }
  if (this.empty) this.empty.hidden = true;
  this.tools.textContent = '';
  this.sharedBar.textContent = '';
  this.sharedBar.hidden = false;
  this.sharedBar.appendChild(el('p', {}, [el('a', { href: window.location.pathname, text: t('own') })]));
  this.tools.appendChild(this.status);
  updateCount();
};

NecklacePage.prototype.slugs = function () {
  return this.shared ? this.shared.slice() : readItems().map(function (it) { return it.slug; });
};

// ---- print and Markdown: the pearls in full ----

// BODY marks a pearl's body on its page (pearl.html).
var BODY = '[data-pearl-body]';

// fetchPearl loads the page of one pearl of this site and returns its
// body as the print view shows it (printBody) and as Markdown, or null
// when the page could not be loaded (offline, not found) or has no body.
NecklacePage.prototype.fetchPearl = function (info) {
  if (!info.url) return Promise.resolve(null);
  var url = new URL(info.url, window.location.href);
  if (url.origin !== window.location.origin) return Promise.resolve(null);
  return fetch(url.href, { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.text();
  }).then(function (html) {
    var body = new DOMParser().parseFromString(html, 'text/html').querySelector(BODY);
    if (!body) return null;
    var node = printBody(body, info.slug + '-');
    return { node: node, md: markdownOf(node, url) };
  }).catch(function () { return null; });
};

// printBody is a copy of a pearl's body (an element of its parsed page)
// in this page, as the print view shows it under the pearl's title (an
// h2 there): headings one level down (an h6 to a div of role heading and
// aria-level 7, as on the guide's print page) and every id, and
// every reference to one, prefixed with prefix (the slug and "-"), so
// that several bodies fit on one page. It is what render's prefixIDs
// does for the whole guide.
function printBody(body, prefix) {
  var node = el('div', { className: 'necklace-print-body' });
  body.childNodes.forEach(function (c) { node.appendChild(document.importNode(c, true)); });
  node.querySelectorAll('*').forEach(function (e) {
    Array.from(e.attributes).forEach(function (a) {
      var v = prefixedAttr(a.name, a.value, prefix);
      if (v !== null) e.setAttribute(a.name, v);
    });
  });
  node.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach(function (h) {
    var level = Number(h.tagName[1]) + 1;
    var down = el(level > 6 ? 'div' : 'h' + level, level > 6 ? { role: 'heading', 'aria-level': level } : {});
    Array.from(h.attributes).forEach(function (a) { down.setAttribute(a.name, a.value); });
    while (h.firstChild) down.appendChild(h.firstChild);
    h.replaceWith(down);
  });
  return node;
}

// ID_ATTRS are the attributes that hold ids, as render's idAttrs:
// internal/render/testdata/id-prefix.json states the rule for both, and
// each side's test checks it against that file.
export var ID_ATTRS = { id: 1, for: 1, 'aria-describedby': 1, 'aria-labelledby': 1, 'aria-controls': 1 };

// prefixedAttr is the value of the attribute name with each id in it
// prefixed (the ID_ATTRS, and an href to a place on the same page), or
// null when the attribute names none.

export function prefixedAttr(name, value, prefix) {
  if (name === 'href') return value.charAt(0) === '#' ? '#' + prefix + value.slice(1) : null;
  if (!ID_ATTRS[name]) return null;
  return value.split(/\s+/).filter(Boolean).map(function (id) { return prefix + id; }).join(' ');
}

NecklacePage.prototype.full = function () {
  var self = this;
  var notes = {};
  if (!this.shared) readItems().forEach(function (it) { notes[it.slug] = it.note; });
  var slugs = this.slugs();
  // A shard that cannot be fetched leaves its pearls out, as unknown.
  return this.data.load(slugs).catch(function () {}).then(function () {
    var infos = slugs.filter(function (s) { return self.known(s); }).map(function (s) { return self.info(s); });
    return Promise.all(infos.map(function (info) { return self.fetchPearl(info); })).then(function (bodies) {
      return infos.map(function (info, i) { return { info: info, body: bodies[i], note: notes[info.slug] || '' }; });
    });
  });
};

// failed is what the print and the download say in place of the body of
// a pearl whose page could not be loaded, and missing what the status
// says after them when there were such pearls ('' when there were none).
function failed(info) {
  return t('print.failed', { url: new URL(info.url || '', window.location.href).href });
}

function missing(list) {
  var n = list.filter(function (p) { return !p.body; }).length;
  return n === 0 ? '' : t(n === 1 ? 'print.missing.one' : 'print.missing.other', { n: n });
}

NecklacePage.prototype.busy = function (b, on) {
  b.disabled = on;
  b.setAttribute('aria-busy', on ? 'true' : 'false');
};

NecklacePage.prototype.print = function (b) {
  var self = this;
  this.busy(b, true);
  announce(this.status, t('print.loading'));
  this.full().then(function (list) {
    var area = self.printArea;
    area.textContent = '';
    area.appendChild(el('p', { className: 'necklace-print-intro', text: t('print.intro', { pearls: pearls(list.length), host: window.location.host }) }));
    list.forEach(function (p) {
      var art = el('article', { className: 'necklace-print-pearl' });
      art.appendChild(el('h2', { text: p.info.title }));
      if (p.info.area) art.appendChild(el('p', { className: 'necklace-print-area', text: t('area') + ': ' + p.info.area }));
      if (p.info.summary) art.appendChild(el('p', { className: 'necklace-print-summary', text: p.info.summary }));
      if (p.note) art.appendChild(el('p', { className: 'necklace-print-note', text: t('note') + ': ' + p.note }));
      if (p.body) art.appendChild(p.body.node);
      else art.appendChild(el('p', { className: 'necklace-print-failed', text: failed(p.info) }));
      area.appendChild(art);
    });
    self.busy(b, false);
    document.documentElement.classList.add('necklace-printing');
    area.hidden = false;
    var done = false;
    var cleanup = function () {
      if (done) return;
      done = true;
      document.documentElement.classList.remove('necklace-printing');
      area.hidden = true;
      window.removeEventListener('afterprint', cleanup);
    };
    window.addEventListener('afterprint', cleanup);
    announce(self.status, missing(list));
    window.print();
    setTimeout(cleanup, 0);
  });
};

NecklacePage.prototype.markdown = function (b) {
  var self = this;
  this.busy(b, true);
  this.full().then(function (list) {
    var out = ['# ' + t('title'), ''];
    list.forEach(function (p) {
      out.push('## ' + p.info.title, '');
      if (p.info.area) out.push(t('area') + ': ' + p.info.area, '');
      if (p.info.url) out.push(new URL(p.info.url, window.location.href).href, '');
      if (p.info.summary) out.push('_' + p.info.summary + '_', '');
      if (p.note) out.push('> ' + t('note') + ': ' + p.note.replace(/\n/g, '\n> '), '');
      if (!p.body) out.push(failed(p.info), '');
      else if (p.body.md) out.push(p.body.md, '');
    });
    download('oma-helminauha.md', out.join('\n').replace(/\n{3,}/g, '\n\n'));
    self.busy(b, false);
    announce(self.status, [t('downloaded'), missing(list)].join(' ').trim());
  });
};

// markdownOf writes a print body (the children of root) as Markdown:
// headings, paragraphs, lists, quotes, code, tables, with links made
// absolute against base so that they work in the downloaded file. A
// worksheet gives its title and questions; its controls (SKIP) are left
// out, as they are from the print (oma-helminauha.css).
var SKIP = 'input, select, textarea, button, svg, img, .tp-scale-options, .tp-actions, [hidden]';
var CONTAINER = { DIV: 1, FORM: 1, FIELDSET: 1, SECTION: 1, FIGURE: 1, DL: 1 };

export function markdownOf(root, base) {
  var md = [];

  function inline(n) {
    var s = '';
    n.childNodes.forEach(function (c) {
      if (c.nodeType === 3) { s += c.nodeValue.replace(/\s+/g, ' '); return; }
      if (c.nodeType !== 1 || c.matches(SKIP)) return;
      var inner = inline(c);
      switch (c.tagName) {
        case 'STRONG': case 'B': s += '**' + inner + '**'; break;
        case 'EM': case 'I': s += '_' + inner + '_'; break;
        case 'CODE': s += '`' + inner + '`'; break;
        case 'BR': s += '\n'; break;
        case 'A': {
          var href = absolute(c.getAttribute('href'), base);
          s += href ? '[' + inner + '](' + href + ')' : inner;
          break;
        }
        default: s += inner;
      }
    });
    return s;
  }

  function list(ul, depth) {
    var n = 0;
    ul.childNodes.forEach(function (li) {
      if (li.nodeType !== 1 || li.tagName !== 'LI') return;
      n++;
      var own = '';
      var nested = [];
      li.childNodes.forEach(function (c) {
        if (c.nodeType === 1 && (c.tagName === 'UL' || c.tagName === 'OL')) nested.push(c);
        else if (c.nodeType === 1 && c.tagName === 'P') own += inline(c) + ' ';
        else if (c.nodeType === 3) own += c.nodeValue.replace(/\s+/g, ' ');
        else if (c.nodeType === 1 && !c.matches(SKIP)) own += inline({ childNodes: [c] });
      });
      md.push('  '.repeat(depth) + (ul.tagName === 'OL' ? n + '. ' : '- ') + own.trim());
      nested.forEach(function (sub) { list(sub, depth + 1); });
    });
  }

  function block(c) {
    if (c.nodeType === 3) {
      if (c.nodeValue.trim()) md.push(c.nodeValue.trim(), '');
      return;
    }
    if (c.nodeType !== 1 || c.matches(SKIP)) return;
    var h = /^H([1-6])$/.exec(c.tagName);
    if (h) { md.push('#'.repeat(Number(h[1])) + ' ' + inline(c).trim(), ''); return; }
    if (CONTAINER[c.tagName]) { c.childNodes.forEach(block); return; }
    switch (c.tagName) {
      case 'UL': case 'OL': list(c, 0); md.push(''); return;
      case 'PRE': md.push('```', c.textContent.replace(/\n$/, ''), '```', ''); return;
      case 'BLOCKQUOTE': md.push('> ' + inline(c).trim().replace(/\n/g, '\n> '), ''); return;
      case 'HR': md.push('---', ''); return;
      case 'LABEL': case 'LEGEND': md.push('**' + inline(c).trim() + '**', ''); return;
      case 'TABLE':
        c.querySelectorAll('tr').forEach(function (tr, i) {
          var cells = [];
          tr.querySelectorAll('th,td').forEach(function (td) { cells.push(inline(td).trim().replace(/\|/g, '\\|')); });
          md.push('| ' + cells.join(' | ') + ' |');
          if (i === 0) md.push('|' + cells.map(function () { return ' --- '; }).join('|') + '|');
        });
        md.push('');
        return;
    }
    var text = inline(c).trim();
    if (text) md.push(text, '');
  }

  root.childNodes.forEach(block);
  return md.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

// absolute is href made absolute against base, or null.
function absolute(href, base) {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch (e) {
    return null;
  }
}

// getJSON fetches the JSON at url (same origin, as the page is).
function getJSON(url) {
  return fetch(url, { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) throw new Error(String(r.status));
    return r.json();
  });
}

// startNecklacePage fetches the shards of the stored and the shared
// pearls (none for an empty necklace), then shows the page.
function startNecklacePage(root) {
  var notice = document.getElementById('necklace-notice');
  var base = new URL(root.getAttribute('data-necklace-data') || 'helmet/', window.location.href).href;
  var count = Number(root.getAttribute('data-necklace-shards'));
  if (!Number.isInteger(count) || count < 1) count = 1;
  var data = new NecklaceData(base, count, getJSON);
  var shared = sharedSlugs(window.location.search);
  var slugs = readItems().map(function (it) { return it.slug; }).concat(shared ? shared.slugs : []);
  data.load(slugs).then(function () {
    var page = new NecklacePage(root, data);
    page.start();
  }).catch(function () {
    if (notice) notice.textContent = t('failed');
  });
}


function init() {
  var list = document.getElementById('necklace-list');
  if (list) startNecklacePage(list.closest('[data-necklace-page]') || list.parentElement);
}

onReady(init);

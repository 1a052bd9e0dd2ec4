// Worksheets (työpohjat): the forms the markdown stage renders from a
// ```tyopohja block, as <form class="tyopohja" data-tyopohja="N"> with
// fields named f1, f2, … and an empty <div data-tp-actions>.
//
// The reader's answers stay in this browser: they are saved in
// localStorage on every change, under a key made of the page's path and
// the form's id, and restored when the page opens again. The script adds
// the buttons that clear the answers (with an undo), print the worksheet
// alone, and download it as a Markdown file. Nothing is sent anywhere:
// the form has no action and submitting it is cancelled.
//
// Works under the theme's Content-Security-Policy (no inline script or
// style): every element is made with createElement and text goes in as
// textContent. An ES module; its pure parts are exported for tests.
import { store, download, button as makeButton, announce as say, onReady, words, fill } from './yhteiset.js';

// W are the page's words for this script (words-worksheet); t fills
// one in.
var W = words('worksheet');
function t(key, vars) { return fill(W, key, vars); }

export const PREFIX = 'helminauha.tyopohja:';

function storageKey(form) {
  return PREFIX + window.location.pathname + '#' + form.id;
}

// fields returns the form's answerable controls grouped by name, in
// document order: [{name, label, type, controls}].
function fields(form) {
  var list = [];
  var byName = {};
  var els = form.querySelectorAll('input[name], textarea[name], select[name]');
  for (var i = 0; i < els.length; i++) {
    var el = els[i];
    var f = byName[el.name];
    if (!f) {
      f = { name: el.name, type: el.type === 'radio' ? 'scale' : el.type, controls: [], label: fieldLabel(form, el) };
      byName[el.name] = f;
      list.push(f);
    }
    f.controls.push(el);
  }
  return list;
}

// fieldLabel is the question of the field el belongs to: the legend of
// its fieldset for a scale, its label otherwise.
function fieldLabel(form, el) {
  if (el.type === 'radio') {
    var fs = el.closest('fieldset');
    var legend = fs && fs.querySelector('legend');
    return legend ? text(legend) : el.name;
  }
  var label = el.id ? form.querySelector('label[for="' + cssEscape(el.id) + '"]') : null;
  return label ? text(label) : el.name;
}

function text(el) {
  return (el.textContent || '').replace(/\s+/g, ' ').trim();
}

function cssEscape(s) {
  return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&');
}

function valueOf(f) {
  if (f.type === 'scale') {
    for (var i = 0; i < f.controls.length; i++) {
      if (f.controls[i].checked) return f.controls[i].value;
    }
    return '';
  }
  return f.controls[0].value;
}

function setValue(f, v) {
  if (typeof v !== 'string') v = '';
  if (f.type === 'scale') {
    for (var i = 0; i < f.controls.length; i++) f.controls[i].checked = f.controls[i].value === v;
    return;
  }
  f.controls[0].value = v;
}

function answers(form) {
  var out = {};
  fields(form).forEach(function (f) {
    var v = valueOf(f);
    if (v !== '') out[f.name] = v;
  });
  return out;
}

function restore(form, saved) {
  fields(form).forEach(function (f) {
    setValue(f, Object.prototype.hasOwnProperty.call(saved, f.name) ? saved[f.name] : '');
  });
}

function load(form) {
  var raw = store.get(storageKey(form));
  if (!raw) return null;
  try {
    var data = JSON.parse(raw);
    return data && typeof data === 'object' && data.answers && typeof data.answers === 'object' ? data.answers : null;
  } catch (e) {
    return null;
  }
}

function save(form) {
  var a = answers(form);
  if (Object.keys(a).length === 0) {
    store.remove(storageKey(form));
    return true;
  }
  return store.set(storageKey(form), JSON.stringify({ v: 1, answers: a }));
}

// markdown is the worksheet as a Markdown document: the title as the #
// heading, each question as a ## heading followed by its answer.
function markdown(form) {
  var title = form.querySelector('.tyopohja-title');
  var lines = ['# ' + oneLine(title ? text(title) : document.title), ''];
  lines.push(t('source') + ': ' + document.title + ', ' + window.location.href.split('#')[0].split('?')[0], '');
  fields(form).forEach(function (f) {
    var v = valueOf(f).replace(/\r\n?/g, '\n').trim();
    if (f.type === 'scale' && v !== '') v = v + ' / 5';
    lines.push('## ' + oneLine(f.label), '', v === '' ? '_(' + t('unanswered') + ')_' : v, '');
  });
  return lines.join('\n');
}

function oneLine(s) {
  return s.replace(/\s+/g, ' ').trim();
}

// fileName makes an ASCII file name from the worksheet's title.
function fileName(form) {
  var title = form.querySelector('.tyopohja-title');
  return asciiName(title ? text(title) : '');
}

// asciiName makes an ASCII Markdown file name from a title.
export function asciiName(title) {
  var s = (title || 'tyopohja').toLowerCase()
    .replace(/[äå]/g, 'a').replace(/ö/g, 'o')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return (s || 'tyopohja') + '.md';
}

// printAlone prints only this worksheet: everything beside the form and
// its ancestors is marked data-tp-hide for the print stylesheet, and
// each text area gets a copy of its answer that prints in full.
function printAlone(form) {
  var root = document.documentElement;
  var marked = [];
  for (var el = form; el && el !== document.body; el = el.parentElement) {
    var sibs = el.parentElement ? el.parentElement.children : [];
    for (var i = 0; i < sibs.length; i++) {
      if (sibs[i] !== el && !sibs[i].hasAttribute('data-tp-hide')) {
        sibs[i].setAttribute('data-tp-hide', '');
        marked.push(sibs[i]);
      }
    }
  }
  root.classList.add('tp-printing');
  form.classList.add('tp-print-target');
  var done = false;
  function cleanup() {
    if (done) return;
    done = true;
    marked.forEach(function (m) { m.removeAttribute('data-tp-hide'); });
    root.classList.remove('tp-printing');
    form.classList.remove('tp-print-target');
    window.removeEventListener('afterprint', cleanup);
  }
  window.addEventListener('afterprint', cleanup);
  window.print();
  // print() blocks until the dialog closes in most browsers; where it
  // does not, afterprint cleans up.
  setTimeout(cleanup, 0);
}

// syncPrintCopies keeps, beside each text area, a block holding its
// answer as text: a text area prints only its visible rows, the copy
// prints all of it. The print stylesheet shows the copy instead of the
// text area (form.tp-has-copies).
function syncPrintCopies(form) {
  var areas = form.querySelectorAll('textarea');
  for (var i = 0; i < areas.length; i++) {
    var ta = areas[i];
    var copy = ta.nextElementSibling;
    if (!copy || !copy.classList.contains('tp-print-answer')) {
      copy = document.createElement('div');
      copy.className = 'tp-print-answer';
      copy.setAttribute('aria-hidden', 'true');
      copy.hidden = true; // shown by the print stylesheet only
      ta.insertAdjacentElement('afterend', copy);
    }
    copy.textContent = ta.value;
  }
  form.classList.add('tp-has-copies');
}

function button(label, onClick) {
  return makeButton(label, onClick, { className: 'tp-button' });
}

function setup(form) {
  var actions = form.querySelector('[data-tp-actions]');
  var status = document.createElement('p');
  status.className = 'tp-status';
  status.setAttribute('role', 'status');
  var undo = null; // the answers before the last clearing, until the next input
  var undoButton;

  function announce(msg) { say(status, msg); }

  var saved = load(form);
  if (saved) restore(form, saved);
  syncPrintCopies(form);

  form.addEventListener('submit', function (e) { e.preventDefault(); });
  function changed() {
    if (undo) {
      undo = null;
      undoButton.hidden = true;
    }
    if (!save(form)) announce(t('unsaved'));
    syncPrintCopies(form);
  }
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);

  var clear = button(t('clear'), function () {
    var before = answers(form);
    if (Object.keys(before).length === 0) {
      announce(t('empty'));
      return;
    }
    restore(form, {});
    store.remove(storageKey(form));
    syncPrintCopies(form);
    undo = before;
    undoButton.hidden = false;
    announce(t('cleared'));
  });
  undoButton = button(t('undo'), function () {
    if (!undo) return;
    restore(form, undo);
    undo = null;
    save(form);
    syncPrintCopies(form);
    undoButton.hidden = true;
    clear.focus();
    announce(t('undone'));
  });
  undoButton.hidden = true;
  var print = button(t('print'), function () {
    syncPrintCopies(form);
    printAlone(form);
  });
  var dl = button(t('markdown'), function () {
    download(fileName(form), markdown(form));
    announce(t('downloaded', { file: fileName(form) }));
  });

  var note = document.createElement('p');
  note.className = 'tp-note';
  note.textContent = t('note');

  if (!actions) {
    actions = document.createElement('div');
    actions.className = 'tp-actions';
    form.appendChild(actions);
  }
  actions.append(clear, undoButton, print, dl, note, status);
}

function init() {
  var forms = document.querySelectorAll('form[data-tyopohja]');
  for (var i = 0; i < forms.length; i++) {
    if (!forms[i].id || forms[i].hasAttribute('data-tp-ready')) continue;
    forms[i].setAttribute('data-tp-ready', '');
    setup(forms[i]);
  }
  // Before a print from the browser's own menu, bring the copies of the
  // answers up to date too.
  window.addEventListener('beforeprint', function () {
    for (var j = 0; j < forms.length; j++) syncPrintCopies(forms[j]);
  });
}

onReady(init);

// The reader's own necklace in headless Chromium: add pearls
// from their pages, reorder and annotate them, keep them over a reload,
// share them by a link, remove and empty; a shared link with unknown
// slugs or markup shows a notice and nothing else. The print view shows
// the chosen pearls' bodies as their pages do, in order, in Finnish and
// Swedish and under a subpath, and says so when a page cannot be loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSite, pagesOf, openPage, assertClean } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.stop(); });

const open = (t, opts) => openPage(site, t, opts);

// listed returns the slugs the necklace list shows, in order.
function listed(page) {
  return page.locator('#necklace-list > li').evaluateAll((lis) => lis.map((li) => li.dataset.slug));
}

async function badge(page) {
  const b = page.locator('[data-necklace-count]').first();
  return (await b.isVisible()) ? (await b.textContent()).trim() : '';
}

test('a reader collects, orders, annotates, shares and empties a necklace', async (t) => {
  const pearls = (await pagesOf(site.out, 'helmet')).slice(0, 3);
  const slugs = pearls.map((p) => p.split('/')[2]);
  const { page, w } = await open(t);

  // Add three pearls from their pages; the header counts them.
  for (const [i, p] of pearls.entries()) {
    await page.goto(site.base + p);
    const toggle = page.locator('button[data-necklace-toggle]');
    await toggle.waitFor({ state: 'visible' });
    assert.equal((await toggle.textContent()).trim(), 'Lisää omaan helminauhaan');
    await toggle.click();
    assert.equal((await toggle.textContent()).trim(), 'Poista omasta helminauhasta');
    await page.locator('[role="status"]', { hasText: `lisätty omaan helminauhaan. Siinä on nyt ${i + 1} helm` }).waitFor();
    assert.equal(await badge(page), String(i + 1));
  }
  // The button removes as well, and adds back.
  const toggle = page.locator('button[data-necklace-toggle]');
  await toggle.click();
  assert.equal(await badge(page), '2');
  await toggle.click();
  assert.equal(await badge(page), '3');

  await page.goto(site.base + '/oma-helminauha/');
  await page.locator('#necklace-list > li').nth(2).waitFor();
  assert.deepEqual(await listed(page), slugs);
  assert.equal(await page.locator('#necklace-svg svg .bead').count(), 3, 'the picture has a bead per pearl');
  assert.equal(await page.locator('#necklace-empty').isVisible(), false);

  // Reorder with the keyboard: the first pearl down, then the (new)
  // last one up. Focus stays with the pearl that moved.
  await page.locator(`#necklace-list > li[data-slug="${slugs[0]}"] button[data-action="down"]`).focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await listed(page), [slugs[1], slugs[0], slugs[2]]);
  assert.equal(await page.evaluate(() => document.activeElement.closest('li')?.dataset.slug), slugs[0], 'focus moved with the pearl');
  await page.keyboard.press('Enter');
  assert.deepEqual(await listed(page), [slugs[1], slugs[2], slugs[0]]);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'up', 'at the bottom, focus goes to "Siirrä ylös"');
  await page.keyboard.press('Enter');
  assert.deepEqual(await listed(page), [slugs[1], slugs[0], slugs[2]]);

  // Annotate.
  const note = page.locator(`#necklace-list > li[data-slug="${slugs[0]}"] textarea`);
  await note.fill('Kokeillaan ensi viikon tiimipalaverissa.');
  assert.equal(await page.getByLabel('Oma muistiinpano').count(), 3, 'each pearl has a labelled note');
  // A screen reader that moves from field to field says whose note it is.
  assert.deepEqual(await page.locator('#necklace-list textarea').evaluateAll((ts) => ts.map((ta) => (ta.getAttribute('aria-describedby') || '')
    .split(' ').map((id) => document.getElementById(id)?.textContent.trim() || '').join(' '))),
  await page.locator('#necklace-list h2').allTextContents().then((hs) => hs.map((h) => h.trim())), 'each note is described by its pearl\'s title');

  await page.reload();
  await page.locator('#necklace-list > li').nth(2).waitFor();
  assert.deepEqual(await listed(page), [slugs[1], slugs[0], slugs[2]], 'the order is kept');
  assert.equal(await note.inputValue(), 'Kokeillaan ensi viikon tiimipalaverissa.', 'the note is kept');

  // Markdown download of the necklace.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lataa Markdown-tiedostona' }).click(),
  ]);
  const md = await readFile(await download.path(), 'utf8');
  assert.ok(md.startsWith('# Oma helminauha\n'), md.slice(0, 100));
  const titles = await page.locator('#necklace-list > li h2').allTextContents();
  let at = 0;
  for (const title of titles) {
    const i = md.indexOf('\n## ' + title.trim() + '\n');
    assert.ok(i > at, `the Markdown has "${title}" in order`);
    at = i;
  }
  assert.match(md, /Kokeillaan ensi viikon tiimipalaverissa\./);

  // Print: every pearl in full, as its page shows it.
  const order = [slugs[1], slugs[0], slugs[2]];
  const printed = await printView(page, 'Tulosta helmet', '');
  assert.deepEqual(printed.map((a) => a.title), titles.map((x) => x.trim()), 'the print has the pearls in order');
  await assertBodies(page, order.map((s) => pearls[slugs.indexOf(s)]), order, printed);
  assert.equal(printed[1].note, 'Oma muistiinpano: Kokeillaan ensi viikon tiimipalaverissa.');
  assert.equal(printed[0].area.startsWith('Teema: '), true, printed[0].area);

  // Share: the link opens the same necklace in a fresh browser.
  const link = await page.locator('#necklace-share').inputValue();
  assert.equal(link, `${site.base}/oma-helminauha/?h=${[slugs[1], slugs[0], slugs[2]].join(',')}`);
  const other = await open(t);
  await other.page.goto(link);
  await other.page.locator('#necklace-list > li').nth(2).waitFor();
  assert.deepEqual(await listed(other.page), [slugs[1], slugs[0], slugs[2]]);
  assert.equal(await other.page.locator('textarea').count(), 0, 'notes are not shared');
  assert.equal(await badge(other.page), '', 'nothing is saved before the reader asks');
  await other.page.getByRole('button', { name: 'Tallenna omaksi helminauhaksi' }).click();
  assert.equal(await badge(other.page), '3');
  assert.equal(new URL(other.page.url()).search, '', 'once saved, the page is the own necklace');
  await other.page.reload();
  await other.page.locator('#necklace-list > li').nth(2).waitFor();
  assert.deepEqual(await listed(other.page), [slugs[1], slugs[0], slugs[2]]);
  assertClean(other.w);

  // Remove one, then empty; undo brings it back once.
  await page.getByRole('button', { name: `Poista: ${titles[1].trim()}` }).click();
  assert.deepEqual(await listed(page), [slugs[1], slugs[2]]);
  assert.equal(await badge(page), '2');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'remove', 'focus stays in the list');
  await page.getByRole('button', { name: 'Tyhjennä helminauha' }).click();
  assert.deepEqual(await listed(page), []);
  assert.equal(await page.locator('#necklace-empty').isVisible(), true);
  assert.equal(await badge(page), '');
  await page.getByRole('button', { name: 'Palauta helminauha' }).click();
  assert.deepEqual(await listed(page), [slugs[1], slugs[2]]);
  await page.getByRole('button', { name: 'Tyhjennä helminauha' }).click();
  await page.reload();
  await page.locator('#necklace-empty').waitFor({ state: 'visible' });
  assert.deepEqual(await listed(page), []);
  assert.equal(await badge(page), '');
  await page.goto(site.base + pearls[0]);
  assert.equal((await page.locator('button[data-necklace-toggle]').textContent()).trim(), 'Lisää omaan helminauhaan');
  assertClean(w);
});

test('a shared link with unknown pearls or markup shows a notice and nothing else', async (t) => {
  const [good] = (await pagesOf(site.out, 'helmet')).map((p) => p.split('/')[2]);
  const cases = [
    { name: 'a bogus slug', h: 'ei-tallaista-helmea', shown: [] },
    { name: 'a script tag', h: '<script>alert(1)</script>', shown: [] },
    { name: 'markup and a real pearl', h: `<img src=x onerror=alert(1)>,${good},ei-ole`, shown: [good] },
    { name: 'an empty list', h: ',,,', shown: [] },
  ];
  for (const c of cases) {
    await t.test(c.name, async (t) => {
      const { page, w, dialogs } = await open(t);
      const before = await (async () => {
        await page.goto(site.base + '/oma-helminauha/');
        return page.evaluate(() => document.querySelectorAll('script, img, iframe, [onerror], [onload]').length);
      })();
      await page.goto(site.base + '/oma-helminauha/?h=' + encodeURIComponent(c.h).replace(/%2C/g, ','));
      const notice = page.locator('#necklace-notice');
      await page.waitForFunction(() => document.getElementById('necklace-notice').textContent.trim() !== '');
      const text = (await notice.textContent()).trim();
      assert.match(text, /ohitettiin|ei ollut yhtään/, `a notice says what happened: ${text}`);
      assert.ok(!/[<>]/.test(text), 'the notice does not echo the markup');
      assert.deepEqual(await listed(page), c.shown);
      assert.equal(await page.locator('#necklace-svg .bead').count(), c.shown.length);
      const after = await page.evaluate(() => document.querySelectorAll('script, img, iframe, [onerror], [onload]').length);
      assert.equal(after, before, 'no element came from the link');
      assert.equal(await page.evaluate(() => document.body.innerHTML.includes('alert(1)')), false, 'the link text is not in the page');
      assert.deepEqual(dialogs, []);
      assert.equal(await page.evaluate(() => localStorage.getItem('helminauha.oma')), null, 'nothing is saved');
      assertClean(w);
    });
  }
});

test('without JavaScript the pearl page works and shows no necklace button', async (t) => {
  const [p] = await pagesOf(site.out, 'helmet');
  const { page } = await open(t, { javaScriptEnabled: false });
  await page.goto(site.base + p);
  assert.equal(await page.locator('button[data-necklace-toggle]').isVisible(), false);
  assert.equal(await page.locator('[data-necklace-count]').isVisible(), false);
  assert.ok((await page.locator('main h1').textContent()).trim().length > 0);
  assert.ok((await page.locator('[data-pearl-body]').innerText()).length > 200, 'the body is there');
});

test('the whole guide prints with each chapter on a new page and no navigation', async (t) => {
  const chapters = (await pagesOf(site.out, 'opas')).filter((p) => p !== '/opas/kokonaan/');
  const { page, w } = await open(t);
  await page.goto(site.base + '/opas/kokonaan/');
  const sections = page.locator('main section.print-chapter');
  assert.equal(await sections.count(), chapters.length, 'every chapter is on the page');
  const toc = await page.locator('main .toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const ids = await sections.evaluateAll((ss) => ss.map((s) => '#' + s.id));
  assert.deepEqual(toc, ids, 'the table of contents lists the chapters in order');
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.site-header', '.site-footer', 'nav.breadcrumb']) {
    const n = await page.locator(sel).count();
    if (n) assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} does not print`);
  }
  const breaks = await sections.evaluateAll((ss) => ss.map((s) => getComputedStyle(s).breakBefore));
  assert.deepEqual(breaks, breaks.map(() => 'page'), 'each chapter starts a new page');
  const after = await page.evaluate(() => {
    const a = [...document.querySelectorAll('main a[href^="http"]')][0];
    return a ? getComputedStyle(a, '::after').content : null;
  });
  if (after !== null) assert.match(after, /attr\(href\)|http/, 'link URLs print after links');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages > chapters.length, `the guide prints on more pages than it has chapters, got ${pages}`);
  assertClean(w);
});

// describe is what a reader sees of a body (an element): its text, its
// headings with their levels, where its links go, its ids, and its
// worksheets. It runs in the page.
function describe(root) {
  const all = (sel) => [...root.querySelectorAll(sel)];
  return {
    text: root.textContent.replace(/\s+/g, ' ').trim(),
    headings: all('h1, h2, h3, h4, h5, h6').map((h) => `${h.tagName} ${h.textContent.trim()}`),
    links: all('a[href]').map((a) => a.getAttribute('href')),
    ids: all('[id]').map((e) => e.id),
    worksheets: all('form.tyopohja').length,
  };
}

// printView presses the print button named label with window.print
// caught, and gives what the print shows of each pearl, in order: its
// title, area line, note, the body (describe) or the message in its
// place; with each, whether every id of the print is unique and every
// link to a place on it finds its target, and the status line after,
// once it says status (begins with it; is empty for ''): the line, a
// live region, is emptied when the print opens and says what failed a
// moment later, and a reader waits for that.
async function printView(page, label, status) {
  await page.evaluate(() => { window.__printed = false; window.print = () => { window.__printed = true; }; });
  await page.getByRole('button', { name: label }).click();
  await page.waitForFunction(() => window.__printed);
  await page.waitForFunction((want) => {
    const said = document.querySelector('.necklace-status').textContent;
    return want ? said.startsWith(want) : said === '';
  }, status, { timeout: 5000 }).catch(() => { /* the assertion on status says what it said */ });
  const whole = await page.locator('.necklace-print').evaluate((area) => {
    const ids = [...area.querySelectorAll('[id]')].map((e) => e.id);
    return {
      unique: new Set(ids).size === ids.length,
      targets: [...area.querySelectorAll('a[href^="#"]')].every((a) => document.getElementById(a.getAttribute('href').slice(1))),
      status: document.querySelector('.necklace-status').textContent,
    };
  });
  const arts = page.locator('.necklace-print article');
  const out = [];
  for (let i = 0; i < await arts.count(); i++) {
    const a = arts.nth(i);
    const text = async (sel) => ((await a.locator(sel).count()) ? a.locator(sel).first().textContent() : null);
    const body = a.locator('.necklace-print-body');
    out.push({
      title: await text('h2'),
      area: await text('.necklace-print-area'),
      note: await text('.necklace-print-note'),
      failed: await text('.necklace-print-failed'),
      body: (await body.count()) ? await body.evaluate(describe) : null,
      ...whole,
    });
  }
  return out;
}

// assertBodies checks that the print shows the bodies of the pearls at
// paths (with slugs), in order, as their own pages show them: the same
// text, links and worksheets, headings one level down (the pearl's
// title is an h2 in the print) and ids under the slug.
async function assertBodies(page, paths, slugs, printed, base = site.base) {
  assert.equal(printed.length, paths.length);
  // The pages as the server sends them, without the scripts that dress
  // a worksheet: as the print view reads them.
  const plain = await page.context().browser().newContext({ javaScriptEnabled: false });
  const other = await plain.newPage();
  for (const [i, path] of paths.entries()) {
    await other.goto(base + path);
    const want = await other.locator('[data-pearl-body]').evaluate(describe);
    const got = printed[i].body;
    assert.ok(got, `${path}: the print has the body, not "${printed[i].failed}"`);
    assert.ok(want.text.length > 200, `${path}: the page has a body`);
    assert.equal(got.text, want.text, `${path}: the text`);
    assert.deepEqual(got.links, want.links, `${path}: the links`);
    assert.equal(got.worksheets, want.worksheets, `${path}: the worksheets`);
    assert.deepEqual(got.headings, want.headings.map((h) => `H${Math.min(6, Number(h[1]) + 1)}${h.slice(2)}`), `${path}: the headings, one level down`);
    assert.deepEqual(got.ids, want.ids.map((id) => `${slugs[i]}-${id}`), `${path}: the ids, under the slug`);
    assert.ok(printed[i].unique, 'every id of the print is unique');
    assert.ok(printed[i].targets, 'every link to a place in the print finds it');
  }
  await plain.close();
}

test('under a subpath, in Finnish and Swedish, the print shows the pearls as their pages do, and a page that fails to load says so', async (t) => {
  const sub = await startSite('content', '/portaali', site.browser);
  t.after(() => sub.stop());
  for (const lang of [
    { name: 'Finnish', dir: '', print: 'Tulosta helmet', area: 'Teema: ', failed: 'Helmen tekstiä ei saatu haettua', missing: '2 helmen tekstiä ei saatu haettua' },
    { name: 'Swedish', dir: '/sv', print: 'Skriv ut pärlorna', area: 'Tema: ', failed: 'Pärlans text kunde inte hämtas', missing: 'Texten i 2 pärlor kunde inte hämtas' },
  ]) {
    await t.test(lang.name, async (t) => {
      const all = await pagesOf(sub.out, lang.dir.slice(1) + (lang.dir ? '/' : '') + 'helmet');
      // A pearl with a worksheet first when there is one, then pearls
      // with the most headings, in an order that is not the folder's.
      const scored = await Promise.all(all.map(async (p) => {
        const html = await readFile(join(sub.out, p, 'index.html'), 'utf8');
        return { p, score: (html.includes('class="tyopohja"') ? 100 : 0) + (html.match(/<h[2-6]/g) || []).length };
      }));
      const paths = scored.sort((a, b) => b.score - a.score || a.p.localeCompare(b.p)).slice(0, 3).map((x) => x.p).reverse();
      const slugs = paths.map((p) => p.split('/').at(-2));
      const { page, w } = await openPage(sub, t);
      await page.goto(`${sub.base}${lang.dir}/oma-helminauha/?h=${slugs.join(',')}`);
      await page.locator('#necklace-list > li').nth(2).waitFor();
      const printed = await printView(page, lang.print, '');
      assert.equal(printed[0].area.startsWith(lang.area), true, printed[0].area);
      await assertBodies(page, paths, slugs, printed, sub.base);
      assert.equal(printed[0].status, '', 'nothing failed, nothing to say');
      assertClean(w);

      // Offline for one pearl's page, and another gone (404): each says
      // so in its place, with its address, and the status counts them.
      await page.route(sub.base + paths[0], (r) => r.abort('internetdisconnected'));
      await page.route(sub.base + paths[2], (r) => r.fulfill({ status: 404, contentType: 'text/html', body: '<p>ei</p>' }));
      const broken = await printView(page, lang.print, lang.missing);
      for (const i of [0, 2]) {
        assert.equal(broken[i].body, null);
        assert.ok(broken[i].failed.startsWith(lang.failed), broken[i].failed);
        assert.ok(broken[i].failed.endsWith(sub.base + paths[i]), `the message gives the address: ${broken[i].failed}`);
      }
      assert.deepEqual(broken[1].body, printed[1].body, 'the pearl that loads still prints');
      assert.ok(broken[0].status.startsWith(lang.missing), broken[0].status);
      assertClean(w, (e) => /ERR_INTERNET_DISCONNECTED|status of 404/.test(e));
    });
  }
});

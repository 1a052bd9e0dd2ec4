// An editor keeps many tabs of helminauha serve open. A browser keeps
// six connections to a server that speaks HTTP/1.1, and each tab's
// reload stream held one for as long as the tab was open: until
// 2026-12-07 the seventh tab never loaded, and the others' images and
// search index waited too. Now one tab holds the stream for all, and the
// next one takes it when it closes: every tab loads, and every tab
// reloads on a save, also after the tab that held the stream is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repo, generator, CHROMIUM, CHROMIUM_ARGS } from './harness.mjs';

test('ten tabs of serve load, and all reload on a save', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'helminauha-tabs-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const bin = await generator(dir);
  await cp(join(repo, 'content'), join(dir, 'content'), { recursive: true });

  const child = spawn(bin, ['serve', '--addr', '127.0.0.1:0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGINT'));
  let out = '';
  const base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve never printed its address:\n${out}`)), 60_000);
    const feed = (b) => {
      out += b;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) { clearTimeout(timer); ok(m[0]); }
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
  });

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  const context = await browser.newContext();
  const paths = ['', 'helmet/metaosaaminen/', 'teemat/osaaminen/', 'haku/', 'opas/', 'tietoa/',
    'helmet/verkoston-roolit/', 'helmet/etajohtaminen/', 'tagit/', 'caset/'];
  const pages = [];
  for (const p of paths) {
    const page = await context.newPage();
    // Far longer than a page of the portal takes: a tab that waits for
    // a connection waits for good.
    await page.goto(base + p, { timeout: 20_000 });
    pages.push(page);
  }

  // Every page's <title> ends with the portal's title.
  const site = join(dir, 'content', 'site.yaml');
  const yaml = await readFile(site, 'utf8');
  const save = async (title) => {
    const changed = yaml.replace(/^title: .*$/m, `title: ${title}`);
    assert.notEqual(changed, yaml, 'site.yaml has no title to change');
    await writeFile(site, changed);
    for (const [i, page] of pages.entries()) {
      await page.waitForFunction((want) => document.title.endsWith(want), title, { timeout: 20_000 })
        .catch((e) => { throw new Error(`tab ${i + 1} (/${paths[i]}) did not reload to "${title}": ${e.message}`); });
    }
  };
  await save('Helminauha tallennettu');
  // The tab that held the stream is gone, and another takes it.
  await pages.shift().close();
  paths.shift();
  await save('Helminauha taas tallennettu');
});

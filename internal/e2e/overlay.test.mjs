// The error overlay of helminauha serve, over a page of the default
// portal with the theme's own styles, passes axe (contrast included) in
// light and dark mode. serve runs as an editor runs it: from the portal's
// folder, with default flags but a free port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repo, generator, CHROMIUM, CHROMIUM_ARGS, axe, formatViolations } from './harness.mjs';

// waitFor resolves with the first match of re in what the child printed.
function waitFor(lines, re, what) {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve never printed ${what}:\n${lines.text}`)), 60_000);
    const check = () => {
      const m = lines.text.slice(lines.from).match(re);
      if (m) {
        clearTimeout(timer);
        lines.from += m.index + m[0].length;
        lines.off(check);
        ok(m);
      }
    };
    lines.on(check);
    check();
  });
}

test('the error overlay passes axe in light and dark mode', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'helminauha-overlay-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const bin = await generator(dir);
  await cp(join(repo, 'content'), join(dir, 'content'), { recursive: true });

  const child = spawn(bin, ['serve', '--addr', '127.0.0.1:0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGINT'));
  const listeners = new Set();
  const lines = { text: '', from: 0, on: (f) => listeners.add(f), off: (f) => listeners.delete(f) };
  const feed = (b) => { lines.text += b; for (const f of [...listeners]) f(); };
  child.stdout.on('data', feed);
  child.stderr.on('data', feed);
  const [base] = await waitFor(lines, /http:\/\/127\.0\.0\.1:\d+\//, 'its address');

  // Break a pearl after the first good build, so the overlay shows over
  // the last good page with the theme's styles.
  const file = join(dir, 'content', 'helmet', 'verkoston-roolit.md');
  const src = await readFile(file, 'utf8');
  await writeFile(file, src.replace(/^theme: .*$/m, 'theme: olematon'));
  await waitFor(lines, /verkoston-roolit\.md:\d+:\d+/, 'the error');

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(base + 'helmet/mika-verkosto-on/');
    const overlay = page.locator('#helminauha-overlay');
    await overlay.waitFor({ state: 'visible' });
    assert.match(await overlay.locator('pre').innerText(), /verkoston-roolit\.md:\d+:\d+/);
    const violations = await axe(page);
    assert.deepEqual(violations, [], `axe in ${colorScheme} mode:\n${formatViolations(violations)}`);
    await context.close();
  }
});

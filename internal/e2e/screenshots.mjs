// screenshots.mjs writes PNG screenshots of the default portal for the
// README: the home page, a pearl and the search page, at 375 px and
// 1280 px, the first screenful of each.
//
//   node internal/e2e/screenshots.mjs [OUT]   (make screenshots)
//
// OUT defaults to .github/screenshots/ in the repository, where the
// README links them. Each is reduced to a 256-colour PNG (png.mjs), about
// a third of the browser's file, so that they are small enough to commit.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startSite, repo } from './harness.mjs';
import { shrink } from './png.mjs';

const out = resolve(process.argv[2] || join(repo, '.github', 'screenshots'));
const shots = [
  { name: 'etusivu', path: '/' },
  { name: 'helmi', path: '/helmet/verkoston-tavoitelomake/' },
  { name: 'haku', path: '/haku/?q=verkostojen%20johtaminen', ready: 'ol#search-results li' },
];
const sizes = [
  { name: '375', viewport: { width: 375, height: 740 } },
  { name: '1280', viewport: { width: 1280, height: 800 } },
];

const site = await startSite();
try {
  await mkdir(out, { recursive: true });
  for (const size of sizes) {
    const context = await site.browser.newContext({ viewport: size.viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const shot of shots) {
      const res = await page.goto(site.base + shot.path);
      if (res.status() !== 200) throw new Error(`${shot.path}: status ${res.status()}`);
      if (shot.ready) await page.locator(shot.ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const file = join(out, `${shot.name}-${size.name}.png`);
      const png = shrink(await page.screenshot());
      await writeFile(file, png);
      console.log(`${file} ${png.length} bytes`);
    }
    await context.close();
  }
} finally {
  await site.stop();
}

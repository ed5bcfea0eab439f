// Drives `lilo serve`'s page in a real headless Chromium (puppeteer-core over
// the DevTools protocol) as a candidate would see it: R2 unmet with the gap's
// dates, the sign-off current, `lilo explain`'s text a click away; then it
// saves a journal entry that fills the gap and waits, without reloading, for
// R2 met and the sign-off out of date. Screenshots in ARTEFACTS_DIR.
//   node check_live_page.js TOOLS_DIR CHROMIUM URL PORTFOLIO_DIR ENTRY_FILE ARTEFACTS_DIR
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const [tools, chromium, url, portfolio, entryFile, artefacts] = process.argv.slice(2);
const puppeteer = require(path.join(tools, 'node_modules', 'puppeteer-core'));

let passed = 0, failed = 0;
function check(ok, what, detail) {
  if (ok) passed++;
  else { failed++; console.log('FAIL: ' + what + (detail === undefined ? '' : ': ' + JSON.stringify(detail))); }
}
const text = (page, sel) => page.$eval(sel, (e) => e.textContent.replace(/\s+/g, ' ').trim()).catch(() => '');

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lilo-serve-chromium.'));
  const browser = await puppeteer.launch({
    executablePath: chromium, headless: true, timeout: 60000, userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--lang=en-GB'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const problems = [];
    const origin = new URL(url).origin;
    page.on('pageerror', (e) => problems.push('exception: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
    page.on('request', (r) => { if (!r.url().startsWith(origin + '/')) problems.push('request outside the server: ' + r.url()); });
    let loads = 0;
    page.on('load', () => loads++);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('#requirements li[data-id="R2"]', { timeout: 10000 });

    // What a candidate sees: R2 not met, the gap and its dates.
    const r2 = () => page.$eval('#requirements li[data-id="R2"]', (e) => ({ cls: e.className, text: e.textContent }));
    let r = await r2();
    check(r.cls === 'unmet' && /not met/.test(r.text), 'R2 is shown not met', r);
    const gaps = await text(page, '#gaps');
    check(/2025-11-28/.test(gaps) && /2026-01-15/.test(gaps) && /48 days/.test(gaps), 'the gap is shown with its dates and length', gaps);
    check(await page.$$eval('#timeline line.gapline', (e) => e.length) === 1, 'the time line marks one gap');
    check(await page.$$eval('#timeline circle.entry', (e) => e.length) === 11, 'the time line has a dot per entry');
    const next = await text(page, '#next');
    check(/R2\.gap/.test(next) && /48 days since the previous entry \(2025-11-28\)/.test(next), 'what to do next names the gap', next);
    const others = await page.$$eval('#requirements li', (lis) => lis.filter((l) => l.dataset.id !== 'R2').map((l) => l.className));
    check(others.length === 5 && others.every((c) => c === 'met'), 'the other requirements are met', others);
    check(/current/.test(await text(page, '#signoff')), 'the sign-off is current', await text(page, '#signoff'));
    check(await page.$eval('#signoff-section', (e) => !e.hidden), 'the sign-off section is shown: R1 is signed off by the mentor');
    const essay = await text(page, '#essay-words');
    check(/words; the band is 900–1,100 — within it/.test(essay), 'the essay is within its band', essay);
    check(await page.$$eval('#criteria tbody tr', (e) => e.length) === 10, 'a row per criterion');
    const c1 = await page.$eval('#criteria tr[data-id="C1"]', (e) => Array.from(e.cells).map((c) => c.textContent));
    check(c1[1] === 'addressed' && c1[3] === '60', 'C1 addressed, against its minimum of 60 words', c1);
    check(/Leung Ka Yan/.test(await page.title()), 'the title names the candidate', await page.title());

    // The finding, grouped under its file, with lilo explain's text a click away.
    const group = 'section[data-file="journal/2026-01-15-criteria-first.md"]';
    check(/48 days since the previous entry/.test(await text(page, group)), 'the gap is listed under the later entry’s file', await text(page, '#files'));
    await page.click(group + ' li[data-code="R2.gap"] button.explain');
    await page.waitForFunction((g) => { const p = document.querySelector(g + ' pre.explained'); return p && !/Loading/.test(p.textContent); }, { timeout: 5000 }, group);
    const explained = await text(page, group + ' pre.explained');
    check(/max_gap_days/.test(explained) || /31/.test(explained), 'the explanation of R2.gap is shown', explained.slice(0, 200));
    await page.screenshot({ path: path.join(artefacts, 'serve-before.png'), fullPage: true });
    await page.screenshot({ path: path.join(artefacts, 'serve-top.png'), clip: { x: 0, y: 0, width: 1200, height: 800 } });

    // Save an entry that fills the gap (written beside it, then renamed in,
    // as editors save), and watch the page change by itself.
    await page.evaluate(() => { window.__notReloaded = true; });
    const v0 = await page.$eval('body', (b) => Number(b.dataset.version));
    const tmp = path.join(portfolio, 'journal', '.new-entry.tmp');
    fs.writeFileSync(tmp, fs.readFileSync(entryFile));
    const saved = Date.now();
    fs.renameSync(tmp, path.join(portfolio, 'journal', '2025-12-19-marking-policy.md'));
    await page.waitForFunction(() => { const e = document.querySelector('#requirements li[data-id="R2"]'); return e && e.className === 'met'; }, { timeout: 5000, polling: 20 })
      .catch(() => {});
    const took = Date.now() - saved;
    r = await r2();
    check(r.cls === 'met' && / met$/.test(r.text.trim()), 'after the save, R2 is shown met', r);
    console.log('the page showed the save after ' + took + ' ms');
    check(await page.evaluate(() => window.__notReloaded === true) && loads === 1, 'without a reload', loads);
    check(await page.$eval('body', (b) => Number(b.dataset.version)) > v0, 'a newer check was drawn');
    check((await text(page, '#gaps')) === '' && await page.$$eval('#timeline line.gapline', (e) => e.length) === 0, 'no gap is marked any more');
    check(await page.$$eval('#timeline circle.entry', (e) => e.length) === 12, 'the new entry is on the time line');
    const so = await text(page, '#signoff');
    check(/Out of date/.test(so) && /changed/.test(so), 'the sign-off is now out of date', so);
    check((await text(page, '#status')) === 'incomplete: 1 to fix', 'the only thing left is the stale sign-off', await text(page, '#status'));
    await page.screenshot({ path: path.join(artefacts, 'serve-after.png'), fullPage: true });
    check(problems.length === 0, 'no errors, nothing fetched from elsewhere', problems);
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(passed + ' passed, ' + failed + ' failed');
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.log('FAIL: ' + (e && e.stack || e)); process.exit(1); });

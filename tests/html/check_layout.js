// The layout of a mixed cohort's page (three programmes, a 400,000-word
// essay, a folder skipped, a duplicate id) in a real headless Chromium, at
// 1,400 px and at a phone's width: nothing scrolls sideways, every
// requirement column is in view, only a gap over its limit is red, no raw
// backticks, the outlier is off the scale and marked. Saves a screenshot of
// each width (layout-1400.png, layout-phone.png) for a person to look at.
//   node check_layout.js TOOLS_DIR CHROMIUM PAGE.html REPORTS.jsonl ARTEFACTS_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const [tools, chromium, pageFile, reportsFile, artefacts] = process.argv.slice(2);
const { counts, check, launch } = require('./harness.js');
const reports = fs.readFileSync(reportsFile, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
(async () => {
  const browser = await launch(tools, chromium);
  try {
    const page = await browser.newPage();
    fs.mkdirSync(artefacts, { recursive: true });
    for (const [name, width, height] of [['1400', 1400, 900], ['phone', 390, 844]]) {
      await page.setViewport({ width, height, isMobile: name === 'phone', deviceScaleFactor: 1 });
      await page.goto('file://' + path.resolve(pageFile), { waitUntil: 'load' });
      const sideways = await page.evaluate(() => [document.scrollingElement.scrollWidth, window.innerWidth]);
      check(sideways[0] <= sideways[1], `${name}: the page does not scroll sideways`, sideways);
      await page.screenshot({ path: path.join(artefacts, `layout-${name}.png`), fullPage: true });
    }
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto('file://' + path.resolve(pageFile), { waitUntil: 'load' });

    // Every requirement and criterion column of the candidates table in view, none cut off.
    const cut = await page.evaluate(() => {
      const box = document.querySelector('#candidates .scroll').getBoundingClientRect();
      return Array.from(document.querySelectorAll('#cohort th')).filter((th) => th.getBoundingClientRect().right > box.right + 0.5).map((th) => th.textContent);
    });
    const ids = new Set();
    for (const r of reports) for (const q of [...(r.requirements || []), ...(r.criteria || [])]) ids.add(r.programme + ' ' + q.id);
    check(cut.length === 0, '1400: every column of the candidates table is in view', cut);
    check(await page.$$eval('#cohort th.m', (e) => e.length) === ids.size, 'a column per requirement and criterion of each programme', ids.size);

    // Only a longest gap over the programme's limit is red.
    const over = reports.filter((r) => (r.diagnostics || []).some((d) => d.code.endsWith('.gap'))).length;
    const gaps = await page.$$eval('#journal line.gap', (ls) => ls.map((l) => ({ over: l.classList.contains('over'), stroke: getComputedStyle(l).stroke })));
    const red = 'rgb(207, 34, 46)';
    check(gaps.filter((g) => g.over).length === over && over > 0, 'the gaps over the limit are marked', { over, gaps });
    check(gaps.some((g) => !g.over) && gaps.every((g) => (g.stroke === red) === g.over), 'a gap within the limit is not red', gaps);

    // Messages show `code` as code, never raw backticks.
    const ticks = await page.evaluate(() => document.querySelector('main').innerText.split('\n').filter((l) => l.includes('`')));
    check(ticks.length === 0, 'no raw backticks in the page', ticks.slice(0, 3));
    check(await page.$$eval('#diagnostics table.diags code', (e) => e.length) > 0, 'diagnostics hold <code>');

    // The 400,000-word essay is off the scale and marked; the others spread over the axis.
    const dots = await page.$$eval('#essays circle', (cs) => cs.map((c) => ({ x: Number(c.getAttribute('cx')), clipped: c.classList.contains('clipped'), t: c.textContent })));
    const clipped = dots.filter((d) => d.clipped);
    check(clipped.length === 1 && /: 400,\d{3} words/.test(clipped[0].t), 'the outlier is clipped', clipped);
    check(await page.$$eval('#essays text.clip', (e) => e.length) === 1, 'the clipped dot is labelled with its count');
    const certificate = await page.$$eval('#essays circle:not(.clipped)', (cs) => cs.map((c) => Number(c.getAttribute('cx'))));
    check(certificate.filter((x) => x < 60).length === 0, 'no other dot is pressed against 0', certificate);

    // Folders skipped and duplicate ids are shown.
    check(await page.$eval('#summary', (e) => e.textContent.includes('cohort/empty: an empty folder')), 'the skipped folder is listed');
    check(await page.$$eval('#cohort .badge.dup', (e) => e.length) === 2, 'the two portfolios with one id are flagged');
    // Paths break at '/', not inside a name.
    const broken = await page.$$eval('#cohort .path', (ps) => ps.filter((p) => p.getClientRects().length > 0 && p.innerHTML.includes('/') && !p.innerHTML.includes('<wbr>')).length);
    check(broken === 0, 'paths may break only after a /');
  } finally {
    await browser.close();
  }
  console.log(`chromium layout: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 ? 0 : 1);
})().catch((e) => { console.log('FAIL: ' + (e && e.stack ? e.stack : e)); process.exit(1); });

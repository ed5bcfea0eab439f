// Drives a real headless Chromium over the DevTools protocol (puppeteer-core)
// through the cohort HTML page, as a reader would: load it, sort, filter,
// follow a link, print a screenshot and a PDF.
//   node check_page.js TOOLS_DIR CHROMIUM PAGE.html REPORTS.jsonl ARTEFACTS_DIR
// Prints a FAIL line per failed check, then a count; exits 1 on any failure.
'use strict';
const fs = require('fs');
const path = require('path');
const [tools, chromium, pageFile, reportsFile, artefacts] = process.argv.slice(2);
const { counts, check, launch } = require('./harness.js');

const reports = fs.readFileSync(reportsFile, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
const statusOf = (r) => (r.status === 'complete' || r.status === 'incomplete' ? r.status : 'error');

(async () => {
  const browser = await launch(tools, chromium);
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'assert') problems.push('console ' + m.type() + ': ' + m.text()); });
    page.on('pageerror', (e) => problems.push('exception: ' + e.message));
    page.on('requestfailed', (r) => problems.push('request failed: ' + r.url()));
    page.on('request', (r) => { if (!/^(file|data):/.test(r.url())) problems.push('network request: ' + r.url()); });
    await page.goto('file://' + path.resolve(pageFile), { waitUntil: 'load' });

    check(await page.evaluate(() => document.characterSet) === 'UTF-8', 'the page is UTF-8');
    const counts = await page.$$eval('[data-count]', (els) => Object.fromEntries(els.map((e) => [e.dataset.count, Number(e.textContent)])));
    const want = { portfolios: reports.length, complete: 0, incomplete: 0, error: 0 };
    for (const r of reports) want[statusOf(r)]++;
    check(JSON.stringify(counts) === JSON.stringify(want), 'the cohort summary counts the reports', { counts, want });

    // The candidates, in the page's order, as the table shows them.
    const visible = () => page.$$eval('#cohort tbody tr', (trs) => trs.filter((tr) => !tr.hidden && tr.offsetParent !== null).map((tr) => ({
      name: tr.cells[0].querySelector('a').textContent, sortName: tr.cells[0].dataset.v, status: tr.dataset.status,
      words: tr.lastElementChild.dataset.v, href: tr.cells[0].querySelector('a').getAttribute('href'),
    })));
    const rows = await visible();
    const names = reports.map((r) => (r.candidate && r.candidate.name) || '(no name)');
    // lilo report merge may order the reports its own way: compare as sets, match rows by portfolio path.
    check(JSON.stringify(rows.map((r) => r.name).sort()) === JSON.stringify(names.slice().sort()), 'a row per report, names shown exactly (escaping, Chinese)', rows.map((r) => r.name));
    check(await page.$$eval('#cohort b, #diagnostics b, script:not(:last-of-type)', (e) => e.length) === 0, 'no markup from report strings');
    const columns = new Set();
    for (const r of reports) for (const q of [...(r.requirements || []), ...(r.criteria || [])]) columns.add(q.id);
    check(await page.$$eval('#completion tbody tr svg', (e) => e.length) === columns.size, 'the completion chart has a bar per requirement and criterion');
    check(await page.$$eval('#essays circle', (e) => e.length) === reports.filter((r) => r.essay && Number.isInteger(r.essay.words)).length, 'the essay chart has a dot per counted essay');

    // Sorting: a header click sorts ascending, a second descending.
    const header = async (label) => {
      const ths = await page.$$('#cohort thead th');
      for (const th of ths) if ((await th.evaluate((e) => e.textContent.trim())) === label) return th;
      throw new Error('no column ' + label);
    };
    const ariaSort = (label) => page.$$eval('#cohort thead th', (ths, l) => ths.find((t) => t.textContent.trim() === l).getAttribute('aria-sort'), label);
    const th = await header('Candidate');
    await th.click();
    let order = (await visible()).map((r) => r.sortName);
    const asc = await page.evaluate((v) => v.slice().sort((a, b) => a.localeCompare(b, undefined, { numeric: true })), order);
    check(JSON.stringify(order) === JSON.stringify(asc) && await ariaSort('Candidate') === 'ascending', 'Candidate sorts ascending', order);
    await th.click();
    order = (await visible()).map((r) => r.sortName);
    check(JSON.stringify(order) === JSON.stringify(asc.slice().reverse()) && await ariaSort('Candidate') === 'descending', 'Candidate sorts descending', order);
    check(await ariaSort('Essay words') === 'none', 'the other headers are unsorted');
    await (await header('Essay words')).click();
    let words = (await visible()).map((r) => r.words);
    const numbers = words.filter((w) => w !== '').map(Number);
    const numAsc = numbers.slice().sort((a, b) => a - b);
    check(JSON.stringify(words) === JSON.stringify([...numAsc.map(String), ...words.filter((w) => w === '')]), 'Essay words sorts numerically ascending, no count last', words);
    check(numAsc.some((n, i) => i > 0 && String(n) < String(numAsc[i - 1])), 'the data tell a numeric sort from a text sort', numAsc);
    await (await header('Essay words')).click();
    words = (await visible()).map((r) => r.words);
    check(JSON.stringify(words) === JSON.stringify([...numAsc.slice().reverse().map(String), ...words.filter((w) => w === '')]), 'Essay words sorts numerically descending', words);

    // The text filter: name, id, diagnostic code; case does not matter.
    const type = async (text) => {
      await page.click('#filter-text', { clickCount: 3 });
      await page.keyboard.press('Backspace');
      if (text) await page.type('#filter-text', text);
    };
    const chinese = names.find((n) => /[\u4e00-\u9fff]/.test(n));
    check(chinese !== undefined, 'the reports hold a Chinese name');
    await type(chinese);
    let shown = await visible();
    check(shown.length === 1 && shown[0].name === chinese, 'the filter finds the Chinese name', shown.map((r) => r.name));
    const withCode = reports.filter((r) => (r.diagnostics || []).some((d) => d.code === 'R4.status'));
    await type('r4.STATUS');
    shown = await visible();
    check(withCode.length > 0 && shown.length === withCode.length && shown.every((r) => withCode.some((w) => w.candidate.name === r.name)), 'the filter matches a diagnostic code', shown.map((r) => r.name));
    const someId = reports.find((r) => r.candidate && r.candidate.id).candidate.id;
    await type(someId.toLowerCase());
    check((await visible()).length === reports.filter((r) => r.candidate && r.candidate.id === someId).length, 'the filter matches a candidate id');
    await type('no such candidate anywhere');
    check((await visible()).length === 0 && await page.$eval('#no-match', (e) => !e.hidden) && await page.$eval('#shown', (e) => e.textContent) === '0', 'no match: no rows and a message');
    await type('');
    check((await visible()).length === reports.length, 'clearing the filter shows every row');

    // The status select.
    for (const s of ['incomplete', 'complete', 'error', 'all']) {
      await page.select('#filter-status', s);
      shown = await visible();
      const n = s === 'all' ? reports.length : want[s];
      check(shown.length === n && shown.every((r) => s === 'all' || r.status === s), 'the status select shows ' + s, shown.map((r) => r.status));
    }
    await page.select('#filter-status', 'incomplete');
    await type(chinese);
    check((await visible()).length === reports.filter((r) => r.candidate.name === chinese && statusOf(r) === 'incomplete').length, 'text and status filters combine');
    await type('');
    await page.select('#filter-status', 'all');

    // Each row links to its candidate's diagnostics, which list every diagnostic.
    const links = await page.$$eval('#cohort tbody tr', (trs) => trs.map((tr) => ({
      portfolio: tr.cells[0].querySelector('.path').textContent, href: tr.cells[0].querySelector('a').getAttribute('href') })));
    for (const link of links) link.report = reports.find((r) => r.portfolio === link.portfolio);
    check(links.every((l) => l.report !== undefined), 'each row shows its portfolio path', links.map((l) => l.portfolio));
    for (const { portfolio, href, report: r } of links) {
      if (!r) continue;
      const found = await page.evaluate((h) => {
        const t = document.getElementById(h.slice(1));
        return t ? { rows: t.querySelectorAll('table.diags tbody tr').length, text: t.textContent } : null;
      }, href);
      check(found !== null && href.startsWith('#'), 'the row of ' + portfolio + ' links to an anchor in the page', href);
      if (!found) continue;
      check(found.rows === (r.diagnostics || []).length, 'every diagnostic of ' + portfolio + ' is listed', [found.rows, (r.diagnostics || []).length]);
      const d = (r.diagnostics || []).find((x) => x.file && x.line);
      if (d) check(found.text.includes(d.file + ':' + d.line) && found.text.includes(d.message), 'diagnostics show file:line and message', d);
      if (statusOf(r) === 'error') check(found.text.includes(r.error || ''), 'an unchecked portfolio shows why');
    }
    const target = links.find((l) => l.report && l.report.diagnostics && l.report.diagnostics.length > 0) || links[0];
    await page.click(`#cohort a[href="${target.href}"]`);
    await page.waitForFunction((h) => location.hash === h, { timeout: 5000 }, target.href);
    const top = await page.$eval(target.href, (e) => e.getBoundingClientRect().top);
    check(top >= 0 && top < 900, 'following a row link scrolls to its diagnostics', top);
    await page.evaluate(() => window.scrollTo(0, 0));

    fs.mkdirSync(artefacts, { recursive: true });
    await page.screenshot({ path: path.join(artefacts, 'cohort.png'), fullPage: true });
    await page.emulateMediaType('print');
    await page.pdf({ path: path.join(artefacts, 'cohort.pdf'), format: 'A4', landscape: true, printBackground: true });
    check(problems.length === 0, 'no console errors, exceptions or requests', problems);
  } finally {
    await browser.close();
  }
  console.log(`chromium: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 ? 0 : 1);
})().catch((e) => { console.log('FAIL: ' + (e && e.stack ? e.stack : e)); process.exit(1); });

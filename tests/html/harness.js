// What check_page.js and check_layout.js share: counted checks, and a
// headless Chromium launched the same way.
'use strict';
const path = require('path');
const counts = { passed: 0, failed: 0 };
function check(ok, what, detail) {
  if (ok) counts.passed++;
  else { counts.failed++; console.log('FAIL: ' + what + (detail === undefined ? '' : ': ' + JSON.stringify(detail))); }
}
function launch(tools, chromium) {
  const puppeteer = require(path.join(tools, 'node_modules', 'puppeteer-core'));
  return puppeteer.launch({
    executablePath: chromium, headless: true, timeout: 60000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--lang=en-GB'],
  });
}
module.exports = { counts, check, launch };

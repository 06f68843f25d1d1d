// Puppeteer must never download its own Chrome at install time (no such network here, and
// the desktop app drives a system or bundled Chromium instead).
module.exports = { skipDownload: true };

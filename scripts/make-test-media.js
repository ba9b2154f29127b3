/* global document, MediaRecorder, requestAnimationFrame -- these run inside the page */
/**
 * Makes the small media files the browser tests import (committed under tests/e2e/media/):
 * a 3-second WebM clip recorded from a canvas by Chromium's MediaRecorder, and a PNG picture.
 * Run again only to change them: `node scripts/make-test-media.js`.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const out = new URL('../tests/e2e/media/', import.meta.url);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--autoplay-policy=no-user-gesture-required'],
});
const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
await page.setContent(`<!doctype html><body style="margin:0;background:#0f2530"></body>`);

const clip = await page.evaluate(async () => {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 360;
  document.body.append(canvas);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas in this Chromium');
  const recorder = new MediaRecorder(canvas.captureStream(25), {
    mimeType: 'video/webm;codecs=vp8',
    videoBitsPerSecond: 300_000,
  });
  /** @type {Blob[]} */
  const chunks = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const started = performance.now();
  recorder.start();
  await /** @type {Promise<void>} */ (
    new Promise((resolve) => {
      const draw = () => {
        const t = (performance.now() - started) / 1000;
        context.fillStyle = '#123b4a';
        context.fillRect(0, 0, 640, 360);
        context.fillStyle = '#9fe3d0';
        context.beginPath();
        context.arc(100 + t * 150, 180, 60, 0, Math.PI * 2);
        context.fill();
        context.fillStyle = '#ffffff';
        context.font = 'bold 36px sans-serif';
        context.fillText('Welcome to the clinic', 150, 80);
        if (t < 3) requestAnimationFrame(draw);
        else resolve();
      };
      draw();
    })
  );
  recorder.stop();
  await new Promise((resolve) => (recorder.onstop = resolve));
  const buffer = await new Blob(chunks).arrayBuffer();
  return Array.from(new Uint8Array(buffer));
});
writeFileSync(new URL('welcome-clip.webm', out), Buffer.from(clip));

await page.setContent(`<!doctype html>
<body style="margin:0;width:900px;height:600px;display:grid;place-items:center;
  background:linear-gradient(160deg,#d9efe8,#7fb8c9);font-family:sans-serif">
  <div style="background:#fff;border-radius:32px;padding:48px 64px;box-shadow:0 12px 40px #0003;text-align:center">
    <div style="margin:0 auto 24px;width:120px;height:120px;border-radius:60% 0;background:#3f9b6e;transform:rotate(-45deg)"></div>
    <div style="font-size:44px;font-weight:700;color:#12323d">Our waiting room garden</div>
  </div>
</body>`);
writeFileSync(new URL('garden.png', out), await page.screenshot({ type: 'png' }));
await browser.close();
console.log('wrote tests/e2e/media/welcome-clip.webm and garden.png');

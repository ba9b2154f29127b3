/**
 * The play log's store opened over a real data folder: what it finds there from a run that did
 * not live to finish a write.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPlayLogStore } from '../../../../../electron/main/playLog/playLogStore';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0))
    fs.rmSync(directory, { recursive: true, force: true });
});

function playLogFolder(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-playlog-store-'));
  directories.push(directory);
  return path.join(directory, 'play-log');
}

describe('opening the play log store', () => {
  it('clears the temporary copies a killed summary write left behind, and nothing else', () => {
    const directory = playLogFolder();
    const summaries = path.join(directory, 'summaries');
    const days = path.join(directory, 'days');
    fs.mkdirSync(summaries, { recursive: true });
    fs.mkdirSync(days, { recursive: true });
    const summary = '{"date":"2026-06-09","plays":1}\n';
    fs.writeFileSync(path.join(summaries, '2026-06-09.json'), summary);
    fs.writeFileSync(path.join(summaries, '2026-06-09.json.tmp-99999'), '{"date":"2026-0');
    fs.writeFileSync(path.join(summaries, '2026-06-10.json.tmp-4242'), '{"da');
    fs.writeFileSync(path.join(days, '2026-06-10.jsonl'), '');

    const store = openPlayLogStore({ directory, now: () => new Date('2026-06-10T12:00:00Z') });

    expect(fs.readdirSync(summaries)).toEqual(['2026-06-09.json']);
    expect(fs.readFileSync(path.join(summaries, '2026-06-09.json'), 'utf8')).toBe(summary);
    expect(fs.readdirSync(days)).toEqual(['2026-06-10.jsonl']);
    // The leftovers are not counted in the log's size either.
    expect(store.status().bytes).toBe(Buffer.byteLength(summary));
  });
});

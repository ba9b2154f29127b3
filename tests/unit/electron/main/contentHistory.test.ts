import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CustomSlide, type Settings } from '../../../../contract';
import {
  canonicalJson,
  contentHash,
  createContentHistory,
} from '../../../../electron/main/contentHistory';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-history-'));
  dirs.push(dir);
  return dir;
}

const deckV1 = { id: 'how-ketamine-works', contentVersion: '1.1.0', slides: [{ id: 'a' }] };
const deckV2 = {
  id: 'how-ketamine-works',
  contentVersion: '1.2.0',
  slides: [{ id: 'a' }, { id: 'b' }],
};
const parking: CustomSlide = {
  id: 'custom-parking',
  kind: 'text',
  title: { en: 'Parking' },
  lines: [{ en: 'Free parking behind the clinic.' }],
  durationSeconds: null,
};

/** A clock the test moves by hand. */
function clock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    set: (next: string) => {
      now = new Date(next);
    },
  };
}

describe('the content history', () => {
  it('hashes the same content the same, whatever its key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe(
      '{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });

  it('answers what the screen said on a date, across deck updates and clinic edits', () => {
    const dir = tempDir();
    const time = clock('2026-03-01T08:00:00Z');
    // The kiosk starts on March 1 with the old deck and no clinic slides.
    createContentHistory({ directory: dir, deck: deckV1, now: time.now }).record(DEFAULT_SETTINGS);
    // March 10: staff add a clinic slide.
    time.set('2026-03-10T14:00:00Z');
    const withParking: Settings = { ...DEFAULT_SETTINGS, customSlides: [parking] };
    createContentHistory({ directory: dir, deck: deckV1, now: time.now }).record(withParking);
    // March 20: an update brings the new deck; staff reword the slide the same afternoon.
    time.set('2026-03-20T09:00:00Z');
    const history = createContentHistory({ directory: dir, deck: deckV2, now: time.now });
    history.record(withParking);
    time.set('2026-03-20T15:00:00Z');
    const reworded = { ...parking, lines: [{ en: 'Parking is free behind the clinic.' }] };
    history.record({ ...withParking, customSlides: [reworded] });

    const day = (date: string) =>
      history.shownBetween(new Date(`${date}T00:00:00Z`), new Date(`${date}T23:59:59Z`));
    expect(day('2026-03-05').map((shown) => [shown.deckVersion, shown.clinicSlides])).toEqual([
      ['1.1.0', {}],
    ]);
    const march20 = day('2026-03-20');
    expect(march20.map((shown) => shown.from)).toEqual([
      '2026-03-10T14:00:00.000Z',
      '2026-03-20T09:00:00.000Z',
      '2026-03-20T15:00:00.000Z',
    ]);
    expect(march20.map((shown) => shown.deckVersion)).toEqual(['1.1.0', '1.2.0', '1.2.0']);
    // Each version's words can be read back: the deck by version, a clinic slide by its hash.
    expect(history.read(march20[0]!.deckFile)).toEqual(deckV1);
    expect(history.read(march20[1]!.deckFile)).toEqual(deckV2);
    expect(history.read(march20[1]!.clinicSlides['custom-parking']!)).toEqual(parking);
    expect(history.read(march20[2]!.clinicSlides['custom-parking']!)).toEqual(reworded);
    expect(history.read(march20[2]!.clinic)).toEqual(DEFAULT_SETTINGS.clinic);
    expect(day('2026-02-28')).toEqual([]);
  });

  it('writes a line only when what is shown changed, and each content once', () => {
    const dir = tempDir();
    const time = clock('2026-03-01T08:00:00Z');
    const history = createContentHistory({ directory: dir, deck: deckV2, now: time.now });
    history.record(DEFAULT_SETTINGS);
    time.set('2026-03-02T08:00:00Z');
    // A new idle time or language changes nothing on screen's words.
    history.record({ ...DEFAULT_SETTINGS, idleTimeoutSeconds: 120, defaultLanguage: 'es' });
    const root = path.join(dir, 'content-history');
    expect(
      fs.readFileSync(path.join(root, 'timeline.jsonl'), 'utf8').trim().split('\n'),
    ).toHaveLength(1);
    expect(fs.readdirSync(path.join(root, 'deck'))).toEqual(['1.2.0.json']);
    expect(fs.readdirSync(path.join(root, 'items'))).toHaveLength(2);
  });

  it('keeps both decks when one claims the content version of another', () => {
    const dir = tempDir();
    const time = clock('2026-03-01T08:00:00Z');
    createContentHistory({ directory: dir, deck: deckV2, now: time.now }).record(DEFAULT_SETTINGS);
    const unbumped = { ...deckV2, slides: [{ id: 'a' }, { id: 'changed' }] };
    time.set('2026-03-02T08:00:00Z');
    const history = createContentHistory({ directory: dir, deck: unbumped, now: time.now });
    history.record(DEFAULT_SETTINGS);
    const [first, second] = history.shownBetween(new Date(0), time.now());
    expect(first!.deckFile).toBe('deck/1.2.0.json');
    expect(second!.deckFile).toMatch(/^deck\/1\.2\.0-[0-9a-f]{16}\.json$/);
    expect(history.read(first!.deckFile)).toEqual(deckV2);
    expect(history.read(second!.deckFile)).toEqual(unbumped);
  });

  it('survives a timeline line cut short by a power cut', () => {
    const dir = tempDir();
    const time = clock('2026-03-01T08:00:00Z');
    const history = createContentHistory({ directory: dir, deck: deckV2, now: time.now });
    history.record(DEFAULT_SETTINGS);
    fs.appendFileSync(path.join(dir, 'content-history', 'timeline.jsonl'), '{"from":"2026-03-0');
    time.set('2026-03-02T08:00:00Z');
    history.record({ ...DEFAULT_SETTINGS, customSlides: [parking] });
    expect(history.shownBetween(new Date(0), time.now())).toHaveLength(2);
  });

  it('clears the temporary copies a killed write left behind when it is opened', () => {
    const dir = tempDir();
    const root = path.join(dir, 'content-history');
    const leftovers = [
      `items/${'a'.repeat(64)}.json.tmp-99999`,
      'deck/1.2.0.json.tmp-4242',
      'timeline.jsonl.tmp-7',
    ];
    for (const relative of leftovers) {
      fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      fs.writeFileSync(path.join(root, relative), '{"cut');
    }
    fs.writeFileSync(path.join(root, 'items', 'notes.txt'), 'not a leftover');
    createContentHistory({ directory: dir, deck: deckV2, now: () => new Date() });
    expect(fs.readdirSync(path.join(root, 'items'))).toEqual(['notes.txt']);
    expect(fs.readdirSync(path.join(root, 'deck'))).toEqual([]);
    expect(fs.readdirSync(root).sort()).toEqual(['deck', 'items']);
  });

  it('reads only its own files', () => {
    const history = createContentHistory({
      directory: tempDir(),
      deck: deckV2,
      now: () => new Date(),
    });
    expect(() => history.read('../settings.json')).toThrow(/not a content history file/);
  });
});

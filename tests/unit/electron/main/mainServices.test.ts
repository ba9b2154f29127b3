/**
 * Main's composition root, over a fresh data folder: what it wires beyond the single modules'
 * own tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import deck from '../../../../assets/deck/how-ketamine-works.json' with { type: 'json' };
import { IpcChannel } from '../../../../contract';
import {
  KIOSK_PAGE,
  startMainServices,
  type ServicesUnderTest,
} from '../../../support/mainServices';

const running: ServicesUnderTest[] = [];
afterEach(() => {
  for (const main of running.splice(0)) main.dispose();
});

async function start() {
  const main = await startMainServices();
  running.push(main);
  return main;
}

describe("main's composition root", () => {
  it('keeps the words the screen shows from the first start: the deck by its content version', async () => {
    const main = await start();
    const history = path.join(main.directory, 'content-history');
    expect(fs.existsSync(path.join(history, 'deck', `${deck.contentVersion}.json`))).toBe(true);
    expect(fs.readFileSync(path.join(history, 'timeline.jsonl'), 'utf8')).toContain(
      deck.contentVersion,
    );
  });

  it('a save by staff reaches the player at once and keeps the display awake while open', async () => {
    const main = await start();
    const invoke = (channel: string, payload?: unknown) =>
      (main.services.ipc.invoke as unknown as Record<string, (s: unknown, p: unknown) => unknown>)[
        channel
      ]!(KIOSK_PAGE, payload);
    expect(main.displaySleep).toEqual(['prevent']);
    await invoke(IpcChannel.adminSetFirstPin, { pin: '4829' });
    await invoke(IpcChannel.adminUnlock, { pin: '4829' });
    const settings = main.services.store.settings;
    const {
      audienceDisplayId: _a,
      presenterDisplayId: _p,
      contentReviews: _r,
      ...editable
    } = settings;
    const saved = (await invoke(IpcChannel.adminSaveSettings, {
      settings: { ...editable, transition: 'cut' },
    })) as { ok: boolean };
    expect(saved.ok).toBe(true);
    const pushed = main.broadcasts.filter((b) => b.channel === IpcChannel.kioskConfigChanged);
    expect(pushed.at(-1)?.payload).toMatchObject({ settings: { transition: 'cut' } });
  });

  it('stop() lets the display sleep and closes the play log', async () => {
    const main = await start();
    main.services.stop();
    expect(main.displaySleep).toEqual(['prevent', 'allow']);
  });
});

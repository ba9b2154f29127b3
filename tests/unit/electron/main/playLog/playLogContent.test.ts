/**
 * The content version each play records, through main's composition root: the deck's content
 * version for a built-in slide, a hash of the slide for a clinic's (its media are named by their
 * own content hash, so a new picture is a new version). The page reports plays over the real
 * IPC table; staff save through the admin's handlers.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import deck from '../../../../../assets/deck/how-ketamine-works.json' with { type: 'json' };
import {
  IpcChannel,
  type AdminResult,
  type AdminState,
  type CustomSlide,
  type EditableSettings,
  type PlayEvent,
} from '../../../../../contract';
import { parseRecords, type PlayRecord } from '../../../../../electron/main/playLog/playRecords';
import {
  KIOSK_PAGE,
  startMainServices,
  type ServicesUnderTest,
} from '../../../../support/mainServices';
import { tinyPng } from '../../../../support/pictures';

const running: ServicesUnderTest[] = [];
afterEach(() => {
  for (const main of running.splice(0)) main.dispose();
});

type Handlers = Record<string, (sender: typeof KIOSK_PAGE, payload?: unknown) => unknown>;

async function kiosk() {
  const main = await startMainServices();
  running.push(main);
  const { invoke, send } = main.services.ipc as unknown as { invoke: Handlers; send: Handlers };
  const call = async (channel: string, payload?: unknown) =>
    (await invoke[channel]!(KIOSK_PAGE, payload)) as AdminResult<AdminState>;
  await call(IpcChannel.adminSetFirstPin, { pin: '4829' });
  await call(IpcChannel.adminUnlock, { pin: '4829' });

  /** A picture in the media folder, named by its content as an import names it. */
  const picture = (red: number) => {
    const bytes = tinyPng(red);
    const file = `${createHash('sha256').update(bytes).digest('hex')}.png`;
    fs.writeFileSync(path.join(main.services.mediaDirectory, file), bytes);
    return file;
  };
  /** Staff save the settings with `change` applied. */
  const save = async (change: Partial<EditableSettings>) => {
    const {
      audienceDisplayId: _a,
      presenterDisplayId: _p,
      contentReviews: _r,
      ...editable
    } = main.services.store.settings;
    const saved = await call(IpcChannel.adminSaveSettings, {
      settings: { ...editable, ...change },
    });
    if (!saved.ok) throw new Error(`save refused: ${JSON.stringify(saved.error)}`);
  };
  /** The page reports that `slideId` is on screen now. */
  const shows = (slideId: string) => {
    const event: PlayEvent = {
      kind: 'slide',
      slideId,
      playlistId: 'waiting-room',
      language: 'en',
      arrivedBy: 'loop',
      rotating: true,
    };
    send[IpcChannel.reportPlay]!(KIOSK_PAGE, { events: [event] });
  };
  /** Every play on disk, oldest first. */
  const plays = (): PlayRecord[] => {
    main.services.playLog.flush();
    const days = path.join(main.directory, 'play-log', 'days');
    return fs
      .readdirSync(days)
      .sort()
      .flatMap((name) => parseRecords(fs.readFileSync(path.join(days, name), 'utf8')).records)
      .filter((record): record is PlayRecord => record.type === 'play');
  };
  /** The slide the content history kept under a hash that `version` begins. */
  const keptSlide = (version: string) => {
    const items = path.join(main.directory, 'content-history', 'items');
    const names = fs.readdirSync(items).filter((name) => name.startsWith(version));
    expect(names, `content-history/items/${version}…`).toHaveLength(1);
    return JSON.parse(fs.readFileSync(path.join(items, names[0]!), 'utf8')) as unknown;
  };
  return { main, picture, save, shows, plays, keptSlide };
}

describe('the content version of a play', () => {
  it('a clinic slide’s changes when its words or its picture change, not when other settings do; a built-in slide’s is the deck’s', async () => {
    const { picture, save, shows, plays, keptSlide } = await kiosk();
    const first: CustomSlide = {
      id: 'custom-garden',
      kind: 'image',
      title: { en: 'Our garden' },
      description: { en: 'The garden behind the clinic' },
      file: picture(200),
      sourceName: 'garden.png',
      durationSeconds: 10,
    };
    const reworded: CustomSlide = { ...first, title: { en: 'Our garden in June' } };
    const newPicture: CustomSlide = { ...reworded, file: picture(30), sourceName: 'june.png' };
    const shown: CustomSlide[] = [];
    const builtIn = deck.slides[0]!.id;
    for (const [slide, other] of [
      [first, {}],
      [reworded, {}],
      [newPicture, {}],
      // Another setting changes: the slide is the same, so is its version.
      [newPicture, { transition: 'cut' as const }],
    ] as const) {
      await save({ customSlides: [slide], ...other });
      shows(slide.id);
      shows(builtIn);
      shown.push(slide);
    }

    const clinic = plays().filter((play) => play.slideId === 'custom-garden');
    const versions = clinic.map((play) => play.contentVersion);
    expect(versions).toHaveLength(4);
    expect(new Set(versions.slice(0, 3)).size).toBe(3);
    expect(versions[3]).toBe(versions[2]);
    for (const version of versions) expect(version).toMatch(/^[0-9a-f]{16}$/);
    // Each version names the words and the picture that were on screen, as the content history
    // kept them.
    versions.forEach((version, index) => expect(keptSlide(version)).toEqual(shown[index]));
    expect(
      new Set(
        plays()
          .filter((play) => play.slideId === builtIn)
          .map((play) => play.contentVersion),
      ),
    ).toEqual(new Set([deck.contentVersion]));
  });
});

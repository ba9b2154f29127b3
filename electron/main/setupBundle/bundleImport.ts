/**
 * Loading a setup bundle. Nothing on the kiosk changes until everything passed: the zip's table
 * of contents (zipReading.ts), the manifest against the entries, every checksum, the settings
 * (migrated and validated like the live file), every media file's name against its content and
 * the injected media check. Media are unpacked into a staging folder inside the data folder and
 * only then moved into the media folder; the setup it replaces is kept as the backup. The names
 * of the bundle's media are noted last, once the import succeeded, and only ever as labels: a
 * name that is not fit to keep is dropped, and a names file that cannot be written fails nothing.
 */
import type { Stats } from 'node:fs';
import path from 'node:path';
import { SettingsSchema, type Settings } from '../../../contract';
import { mediaFilesOf } from '../../../domain';
import { fsyncDirectory, type FileSystem } from '../durableFile';
import { updateMediaNames } from '../media/mediaNames';
import { changedSettings } from '../settingsChanges';
import { checkDocument, type SettingsStore } from '../settingsStore';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BundleError,
  BundleManifestSchema,
  bundleMediaNames,
  describeIssues,
  errorMessage,
  fail,
  failWrite,
  ManifestHeaderSchema,
  MANIFEST_NAME,
  MB,
  MEDIA_PREFIX,
  megabytes,
  SETTINGS_NAME,
  sha256,
  STAGING_PREFIX,
  toFailure,
  type BundleLimits,
  type BundleManifest,
  type BundleManifestFile,
  type BundleResult,
} from './bundleFormat';
import { withThisKiosksDisplays, type KeptOnImport, type SetupBackup } from './setupBackup';
import {
  checkEntries,
  decodeJson,
  discard,
  openZip,
  readAllEntries,
  unpackEntry,
  unpackToMemory,
  type Entry,
  type ZipReader,
} from './zipReading';

/** Kept free on the kiosk's disk after unpacking media. */
const FREE_SPACE_MARGIN_BYTES = 64 * MB;

export interface BundleImportContext {
  /** The data folder: the staging folder is made here. */
  directory: string;
  mediaDirectory: string;
  store: SettingsStore;
  backup: SetupBackup;
  limits: BundleLimits;
  disk: FileSystem;
  /** The media content check (null: fine, else a plain reason); none when not given. */
  checkMedia?: ((path: string, file: string) => Promise<string | null>) | undefined;
}

function parseManifest(bytes: Buffer): BundleManifest {
  const raw = decodeJson(bytes, MANIFEST_NAME, 'damaged');
  const header = ManifestHeaderSchema.safeParse(raw);
  if (!header.success || header.data.format !== BUNDLE_FORMAT) {
    fail('not-a-bundle', `not a setup file (${MANIFEST_NAME} names another format)`);
  }
  const { formatVersion } = header.data;
  if (typeof formatVersion === 'number' && formatVersion > BUNDLE_FORMAT_VERSION) {
    fail(
      'newer-version',
      `made by a newer version of the app (setup format ${formatVersion}; this app reads up to ${BUNDLE_FORMAT_VERSION})`,
    );
  }
  const parsed = BundleManifestSchema.safeParse(raw);
  if (!parsed.success)
    fail('damaged', `${MANIFEST_NAME} is damaged: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** The manifest must list exactly the zip's other entries, with their declared sizes. */
function checkManifestAgainstEntries(manifest: BundleManifest, entries: Map<string, Entry>) {
  const listed = new Set(manifest.files.map((file) => file.name));
  const unlisted = [...entries.keys()].filter((n) => n !== MANIFEST_NAME && !listed.has(n));
  if (unlisted.length) fail('damaged', `files not in the manifest: ${unlisted.join(', ')}`);
  const absent = [...listed].filter((name) => !entries.has(name));
  if (absent.length) fail('damaged', `files missing from the setup file: ${absent.join(', ')}`);
  for (const file of manifest.files) {
    if (entries.get(file.name)?.uncompressedSize !== file.bytes) {
      fail('damaged', `size does not match the manifest: ${file.name}`);
    }
    // Media files are named by their content.
    if (
      file.name.startsWith(MEDIA_PREFIX) &&
      !file.name.startsWith(`${MEDIA_PREFIX}${file.sha256}.`)
    ) {
      fail('damaged', `checksum does not match the file's name: ${file.name}`);
    }
  }
}

function checkContent(file: BundleManifestFile, bytes: number, digest: string) {
  if (bytes !== file.bytes || digest !== file.sha256) {
    fail('damaged', `checksum does not match: ${file.name}`);
  }
}

/** settings.json → a migrated, validated settings document. */
function parseSettings(bytes: Buffer): Settings {
  const raw = decodeJson(bytes, SETTINGS_NAME, 'invalid-settings');
  const checked = checkDocument(raw);
  if (checked.kind === 'ok') return checked.document.settings;
  if (checked.kind === 'bad' && checked.problem === 'newer-version') {
    fail('newer-version', `${SETTINGS_NAME} was ${checked.detail}`);
  }
  fail(
    'invalid-settings',
    `${SETTINGS_NAME} ${checked.kind === 'bad' ? checked.detail : 'is missing'}`,
  );
}

/**
 * Checks everything, then copies media, keeps the current setup as backup, saves the imported
 * settings. With `checkOnly`, stops once everything is checked (the media a load would bring in
 * are unpacked and checked in a staging folder, then removed): the kiosk is left as it was, and
 * the settings it would get are returned.
 */
export async function importBundle(
  context: BundleImportContext,
  bundlePath: string,
  keep: KeptOnImport = {},
  checkOnly = false,
): Promise<BundleResult<{ settings: Settings; fields: string[] }>> {
  const { directory, mediaDirectory, store, limits, disk, checkMedia } = context;
  const mediaPath = (file: string) => path.join(mediaDirectory, file);
  let zip: ZipReader | null = null;
  let staging: string | null = null;
  /** Media files this import put into the media folder; emptied once it succeeded. */
  const movedIn: string[] = [];
  try {
    let stat: Stats;
    try {
      stat = await disk.promises.stat(bundlePath);
    } catch (error) {
      fail('not-a-bundle', `the setup file could not be read: ${errorMessage(error)}`);
    }
    if (!stat.isFile()) fail('not-a-bundle', 'not a setup file (not a file)');
    if (stat.size > limits.maxTotalBytes) {
      fail(
        'too-large',
        `the setup file is ${megabytes(stat.size)}; at most ${megabytes(limits.maxTotalBytes)} allowed`,
      );
    }

    // 1. The table of contents: names, types, declared sizes.
    zip = await openZip(bundlePath);
    const entries = checkEntries(await readAllEntries(zip, limits.maxEntries), limits);

    // 2. The manifest.
    const manifestEntry = entries.get(MANIFEST_NAME);
    if (!manifestEntry) fail('not-a-bundle', `not a setup file (it has no ${MANIFEST_NAME})`);
    const manifest = parseManifest(await unpackToMemory(zip, manifestEntry));
    checkManifestAgainstEntries(manifest, entries);
    const listed = new Map(manifest.files.map((file) => [file.name, file]));

    // 3. The settings.
    const settingsEntry = entries.get(SETTINGS_NAME);
    const settingsFile = listed.get(SETTINGS_NAME);
    if (!settingsEntry || !settingsFile) fail('damaged', `${SETTINGS_NAME} is missing`);
    const settingsBytes = await unpackToMemory(zip, settingsEntry);
    checkContent(settingsFile, settingsBytes.length, sha256(settingsBytes));
    const current = store.settings;
    const next = withThisKiosksDisplays(parseSettings(settingsBytes), current, keep);
    const validated = SettingsSchema.safeParse(next);
    if (!validated.success) fail('invalid-settings', describeIssues(validated.error));

    // 4. Every media file the settings use is in the bundle or on this kiosk already.
    const mediaFiles = manifest.files
      .filter((file) => file.name.startsWith(MEDIA_PREFIX))
      .map((file) => ({ ...file, file: file.name.slice(MEDIA_PREFIX.length) }));
    const inBundle = new Set(mediaFiles.map(({ file }) => file));
    const absent = mediaFilesOf(validated.data.customSlides).filter(
      (file) => !inBundle.has(file) && !disk.existsSync(mediaPath(file)),
    );
    if (absent.length) {
      fail(
        'missing-media',
        `media files neither in the setup file nor on this kiosk: ${absent.join(', ')}`,
      );
    }

    // 5. Media: unpack the new ones into a staging folder, check the others in passing.
    const toStage = mediaFiles.filter(({ file }) => !disk.existsSync(mediaPath(file)));
    const needed = toStage.reduce((sum, { bytes }) => sum + bytes, 0);
    if (needed > 0) {
      const space = await disk.promises.statfs(directory);
      const free = space.bavail * space.bsize;
      if (free < needed + FREE_SPACE_MARGIN_BYTES) {
        throw new BundleError(
          'write-failed',
          `not enough free space on this kiosk: the media need ${megabytes(needed)}, ${megabytes(free)} free`,
          'disk-full',
        );
      }
    }
    try {
      staging = await disk.promises.mkdtemp(path.join(directory, STAGING_PREFIX));
    } catch (error) {
      failWrite('could not make room to unpack the media', error);
    }
    const staged: string[] = [];
    for (const media of mediaFiles) {
      const entry = entries.get(media.name);
      if (!entry) fail('damaged', `${media.name} is missing`);
      if (!toStage.includes(media)) {
        const meter = await unpackEntry(zip, entry, discard());
        checkContent(media, meter.bytes, meter.digest());
        continue;
      }
      const target = path.join(staging, media.file);
      // 'wx': never follows or replaces anything; `flush`: fsynced before it is closed.
      const sink = disk.createWriteStream(target, { flags: 'wx', flush: true });
      const meter = await unpackEntry(zip, entry, sink);
      checkContent(media, meter.bytes, meter.digest());
      let reason: string | null = null;
      try {
        reason = checkMedia ? await checkMedia(target, media.file) : null;
      } catch (error) {
        reason = `could not be checked (${errorMessage(error)})`;
      }
      if (reason !== null) fail('damaged', `${media.name}: ${reason}`);
      staged.push(media.file);
    }
    zip.close();
    zip = null;
    if (checkOnly) {
      return {
        ok: true,
        value: { settings: validated.data, fields: changedSettings(current, validated.data) },
      };
    }

    // 6. All checked: move the media in, keep the current setup as backup, save. Media this
    // import brought in are taken out again if it fails, so a failed import changes nothing.
    try {
      await disk.promises.mkdir(mediaDirectory, { recursive: true });
      for (const file of staged) {
        // The same name is the same content: a file already there is kept.
        if (!disk.existsSync(mediaPath(file))) {
          await disk.promises.rename(path.join(staging, file), mediaPath(file));
          movedIn.push(file);
        }
      }
      if (staged.length) fsyncDirectory(mediaDirectory, disk);
    } catch (error) {
      failWrite('could not copy the media into place', error);
    }
    const sourceName = path.basename(bundlePath).slice(0, 260);
    const saved = context.backup.saveWithBackup(validated.data, 'import', sourceName);
    movedIn.length = 0;
    // The setup is in. The bundle's names replace this kiosk's for the same files; names of
    // other files stay.
    try {
      updateMediaNames(mediaDirectory, bundleMediaNames(manifest.names, inBundle), disk);
    } catch (error) {
      console.warn(`[setup] could not note the names of the media: ${errorMessage(error)}`);
    }
    return { ok: true, value: { settings: saved, fields: changedSettings(current, saved) } };
  } catch (error) {
    // Zip and content problems are all BundleErrors by now; anything else is this kiosk's disk.
    return toFailure(error, 'write-failed');
  } finally {
    zip?.close();
    if (movedIn.length) {
      for (const file of movedIn) {
        await disk.promises.rm(mediaPath(file), { force: true }).catch(() => undefined);
      }
      try {
        fsyncDirectory(mediaDirectory, disk);
      } catch {
        // At worst a power cut brings back a file no setup uses.
      }
    }
    if (staging) {
      await disk.promises.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

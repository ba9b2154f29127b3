import { describe, expect, it } from 'vitest';
import { parseLaunchOptions, relaunchArguments } from '../../../../electron/main/commandLine';

const electron = '/opt/clinic-kiosk/clinic-kiosk';

describe('the kiosk command line', () => {
  it('reads nothing from a plain start', () => {
    expect(parseLaunchOptions([electron])).toEqual({
      mode: 'loop',
      windowed: false,
      setup: false,
      resetPin: false,
      importFolder: null,
    });
  });

  it('reads every switch, between Chromium’s own and the app path', () => {
    expect(
      parseLaunchOptions([
        '/usr/lib/electron/electron',
        '/srv/app',
        '--no-sandbox',
        '--present',
        '--enable-features=UseOzonePlatform',
        '--windowed',
        '--setup',
        '--reset-pin',
      ]),
    ).toEqual({
      mode: 'present',
      windowed: true,
      setup: true,
      resetPin: true,
      importFolder: null,
    });
  });

  it.each([
    [['--import-folder', '/media/IT share/kiosk']],
    [['--import-folder=/media/IT share/kiosk']],
    [['--present', '--import-folder', '/media/IT share/kiosk', '--windowed']],
  ])('takes the import folder in both spellings: %j', (args) => {
    expect(parseLaunchOptions([electron, ...args]).importFolder).toBe('/media/IT share/kiosk');
  });

  it('a missing folder is no folder, and the next switch still counts', () => {
    const options = parseLaunchOptions([electron, '--import-folder', '--present']);
    expect(options.importFolder).toBeNull();
    expect(options.mode).toBe('present');
    expect(parseLaunchOptions([electron, '--import-folder']).importFolder).toBeNull();
    expect(parseLaunchOptions([electron, '--import-folder=  ']).importFolder).toBeNull();
  });

  it('a switch given a value is not turned on by it', () => {
    expect(parseLaunchOptions([electron, '--reset-pin=false']).resetPin).toBe(false);
  });
});

describe('relaunching', () => {
  it('keeps the app path and the lasting switches, drops --reset-pin and --setup', () => {
    expect(
      relaunchArguments([
        '/usr/lib/electron/electron',
        '/srv/app',
        '--reset-pin',
        '--present',
        '--setup=true',
        '--import-folder',
        '/srv/import',
      ]),
    ).toEqual(['/srv/app', '--present', '--import-folder', '/srv/import']);
  });

  it('what a relaunch starts with no longer resets the PIN', () => {
    const relaunched = [electron, ...relaunchArguments([electron, '--reset-pin', '--setup'])];
    expect(parseLaunchOptions(relaunched)).toMatchObject({ resetPin: false, setup: false });
  });
});

/**
 * Two real Syncthing instances on 127.0.0.1 for the fleet's integration test: global discovery,
 * local discovery, relays, NAT traversal, usage reporting and upgrades all off; each instance
 * listens on its own loopback port and knows the other's address. Two folders are shared, as
 * docs/DEPLOY.md sets them up: the setup folder (send-only at the publisher, receive-only at
 * the member) and the status folder (send-receive on both).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface SyncthingInstance {
  name: string;
  home: string;
  deviceId: string;
  guiPort: number;
  listenPort: number;
  apiKey: string;
  setupFolder: string;
  statusFolder: string;
  process: ChildProcess | null;
  log: string;
}

/** Why Syncthing cannot run here, or null when it can. */
export function syncthingMissing(): string | null {
  const probe = spawnSync('syncthing', ['--version'], { encoding: 'utf8' });
  if (probe.error)
    return `syncthing is not installed (${probe.error.message}); .ci/run installs Debian's package`;
  return probe.status === 0 ? null : `syncthing --version failed: ${probe.stderr}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function generate(home: string): string {
  const result = spawnSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder'], {
    encoding: 'utf8',
  });
  const id = /Device ID: ([A-Z0-9-]+)/.exec(`${result.stdout}${result.stderr}`)?.[1];
  if (!id) throw new Error(`syncthing generate failed: ${result.stdout}${result.stderr}`);
  return id;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function folderXml(id: string, folderPath: string, type: string, devices: string[]): string {
  return `
    <folder id="${id}" label="${id}" path="${escape(folderPath)}" type="${type}" rescanIntervalS="5" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
${devices.map((device) => `        <device id="${device}" introducedBy=""></device>`).join('\n')}
        <minDiskFree unit="%">0</minDiskFree>
        <markerName>.stfolder</markerName>
    </folder>`;
}

function configXml(self: SyncthingInstance, other: SyncthingInstance, setupType: string): string {
  const devices = [self.deviceId, other.deviceId];
  return `<configuration version="36">${folderXml('clinic-kiosk-setup', self.setupFolder, setupType, devices)}${folderXml('clinic-kiosk-status', self.statusFolder, 'sendreceive', devices)}
    <device id="${self.deviceId}" name="${self.name}" compression="metadata" introducer="false">
        <address>tcp://127.0.0.1:${self.listenPort}</address>
    </device>
    <device id="${other.deviceId}" name="${other.name}" compression="metadata" introducer="false">
        <address>tcp://127.0.0.1:${other.listenPort}</address>
    </device>
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:${self.guiPort}</address>
        <apikey>${self.apiKey}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:${self.listenPort}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <crashReportingEnabled>false</crashReportingEnabled>
        <startBrowser>false</startBrowser>
        <stunServer></stunServer>
    </options>
</configuration>
`;
}

async function api(instance: SyncthingInstance, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${instance.guiPort}${route}`, {
    headers: { 'X-API-Key': instance.apiKey },
    ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status}`);
  return response.json();
}

/**
 * Sets an instance's ignore patterns for its setup folder (Syncthing writes `.stignore` and
 * scans again): a test holds a file back with it, as a slow sync would, then lets it through.
 */
export async function ignoreInSetupFolder(
  instance: SyncthingInstance,
  patterns: string[],
): Promise<void> {
  await api(instance, '/rest/db/ignores?folder=clinic-kiosk-setup', { ignore: patterns });
}

export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  limitMs = 120_000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      if (await condition()) return;
    } catch {
      // Not up yet.
    }
    if (Date.now() - started > limitMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Starts the publisher (A) and a member kiosk (B) under `root`, connected to each other on
 * loopback, and waits until they are. `stop()` ends both.
 */
export async function startSyncthingPair(root: string): Promise<{
  publisher: SyncthingInstance;
  member: SyncthingInstance;
  stop(): Promise<void>;
}> {
  const make = async (name: string): Promise<SyncthingInstance> => {
    const home = path.join(root, name, 'syncthing');
    const instance: SyncthingInstance = {
      name,
      home,
      deviceId: generate(home),
      guiPort: await freePort(),
      listenPort: await freePort(),
      apiKey: `kiosk-test-${name}-${Math.random().toString(36).slice(2)}`,
      setupFolder: path.join(root, name, 'shared', 'setup'),
      statusFolder: path.join(root, name, 'shared', 'status'),
      process: null,
      log: '',
    };
    for (const folder of [instance.setupFolder, instance.statusFolder]) {
      fs.mkdirSync(path.join(folder, '.stfolder'), { recursive: true });
    }
    return instance;
  };
  const publisher = await make('office');
  const member = await make('kiosk-b');
  fs.writeFileSync(
    path.join(publisher.home, 'config.xml'),
    configXml(publisher, member, 'sendonly'),
  );
  fs.writeFileSync(
    path.join(member.home, 'config.xml'),
    configXml(member, publisher, 'receiveonly'),
  );
  for (const instance of [publisher, member]) {
    const child = spawn(
      'syncthing',
      [
        'serve',
        `--home=${instance.home}`,
        '--no-browser',
        '--no-restart',
        '--no-upgrade',
        '--no-default-folder',
      ],
      {
        env: { ...process.env, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1', STNORESTART: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (chunk: Buffer) => (instance.log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (instance.log += chunk.toString()));
    instance.process = child;
  }
  const stop = async () => {
    await Promise.all(
      [publisher, member].map(
        (instance) =>
          new Promise<void>((resolve) => {
            const child = instance.process;
            if (!child || child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
          }),
      ),
    );
  };
  try {
    for (const instance of [publisher, member]) {
      await until(async () => {
        await api(instance, '/rest/system/ping');
        return true;
      }, `${instance.name}'s Syncthing answers`);
    }
    await until(async () => {
      const connections = (await api(publisher, '/rest/system/connections')) as {
        connections: Record<string, { connected: boolean }>;
      };
      return connections.connections[member.deviceId]?.connected === true;
    }, 'the two Syncthing instances are connected');
  } catch (error) {
    await stop();
    throw new Error(
      `${String(error)}\n--- office ---\n${publisher.log}\n--- kiosk-b ---\n${member.log}`,
      { cause: error },
    );
  }
  return { publisher, member, stop };
}

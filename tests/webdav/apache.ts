// A real WebDAV server for tests: Debian's Apache httpd with mod_dav on 127.0.0.1, Basic
// authentication on, serving a temp folder. The test writes the config, starts
// `/usr/sbin/apache2 -f <conf> -DFOREGROUND`, and stops it afterwards; stop() then start()
// brings the same server (same port, same files) back, as a relay that went down and returns.
// With `storageBytes`, the served folder is a tmpfs of that size mounted in a mount namespace
// of Apache's own (`unshare --mount`, which needs root), so the relay really fills up and
// answers 507; its files then live only as long as that Apache does.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MODULES = '/usr/lib/apache2/modules';
export const APACHE_BINARY = '/usr/sbin/apache2';

export interface ApacheServer {
  /** The DAV folder's URL, ending with '/'. */
  readonly url: string;
  readonly port: number;
  /** The folder on disk the server serves (with `storageBytes`, only Apache sees its files). */
  readonly root: string;
  readonly user: string;
  readonly password: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port (or rejects after `ms`). */
export async function waitForPort(port: number, up: boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open === up) return;
    if (Date.now() > deadline) throw new Error(`port ${port} still ${up ? 'closed' : 'open'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A certificate and its key, PEM files, for a relay served over HTTPS. */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

function config(dir: string, port: number, asRoot: boolean, tls?: TlsFiles): string {
  const mods = [
    'mpm_event',
    'authz_core',
    'authn_core',
    'auth_basic',
    'authn_file',
    'authz_user',
    'dav',
    'dav_fs',
    'alias',
  ];
  return [
    `ServerRoot "${dir}"`,
    `ServerName 127.0.0.1`,
    `Listen 127.0.0.1:${port}`,
    `PidFile "${dir}/httpd.pid"`,
    `ErrorLog "${dir}/error.log"`,
    `LogLevel warn`,
    `Mutex file:${dir}`,
    ...mods.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
    ...(tls
      ? [
          `LoadModule ssl_module ${MODULES}/mod_ssl.so`,
          `SSLEngine on`,
          `SSLCertificateFile "${tls.certFile}"`,
          `SSLCertificateKeyFile "${tls.keyFile}"`,
        ]
      : []),
    // Root cannot serve: the workers run as nobody, so the folders are open to them.
    ...(asRoot ? ['User nobody', 'Group nogroup'] : []),
    `DavLockDB "${dir}/lock/davlock"`,
    `Timeout 10`,
    `MaxRequestWorkers 32`,
    `ThreadsPerChild 16`,
    `Alias /dav "${dir}/dav"`,
    `<Directory "${dir}/dav">`,
    `  Dav On`,
    `  AuthType Basic`,
    `  AuthName "relay"`,
    `  AuthUserFile "${dir}/htpasswd"`,
    `  Require valid-user`,
    `</Directory>`,
    '',
  ].join('\n');
}

/** The command that runs Apache, inside a private mount with a small tmpfs when asked. */
function apacheCommand(conf: string, dav: string, storageBytes?: number): [string, string[]] {
  const foreground = [APACHE_BINARY, '-f', conf, '-DFOREGROUND'];
  if (storageBytes === undefined) return [APACHE_BINARY, foreground.slice(1)];
  const script = 'mount -t tmpfs -o "size=$1,mode=0777" ll-relay "$2" && shift 2 && exec "$@"';
  return [
    'unshare',
    [
      '--mount',
      '--propagation',
      'private',
      'sh',
      '-c',
      script,
      'sh',
      String(storageBytes),
      dav,
      ...foreground,
    ],
  ];
}

export async function startApache(
  options: { user?: string; password?: string; storageBytes?: number; tls?: TlsFiles } = {},
): Promise<ApacheServer> {
  const user = options.user ?? 'officer';
  const password = options.password ?? 'correct horse';
  const dir = mkdtempSync(join(tmpdir(), 'll-webdav-'));
  const port = await freePort();
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (options.storageBytes !== undefined && !asRoot)
    throw new Error('a relay with a storage cap mounts a tmpfs: run the tests as root (CI does)');
  for (const sub of ['dav', 'lock']) {
    mkdirSync(join(dir, sub));
    if (asRoot) chmodSync(join(dir, sub), 0o777);
  }
  chmodSync(dir, 0o755);
  execFileSync('htpasswd', ['-cbB', join(dir, 'htpasswd'), user, password], { stdio: 'ignore' });
  chmodSync(join(dir, 'htpasswd'), 0o644);
  const conf = join(dir, 'httpd.conf');
  writeFileSync(conf, config(dir, port, asRoot, options.tls));
  let child: ChildProcess | null = null;

  const server: ApacheServer = {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/dav/`,
    port,
    root: join(dir, 'dav'),
    user,
    password,
    async start() {
      if (child) return;
      const [command, args] = apacheCommand(conf, join(dir, 'dav'), options.storageBytes);
      const started = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      started.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<never>((_, reject) =>
        started.once('exit', (code) => reject(new Error(`apache exited ${code}: ${stderr}`))),
      );
      child = started;
      started.once('exit', () => {
        if (child === started) child = null;
      });
      await Promise.race([waitForPort(port, true), exited]);
    },
    async stop() {
      const running = child;
      if (!running) return;
      const gone = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      await gone;
      child = null;
      await waitForPort(port, false);
    },
    async dispose() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

// No Docker engine runs here: this checks docker/compose.yaml's structure the
// way `docker compose config` would, plus what matters to this stack.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { RTP_PORT_END, RTP_PORT_START } from '../src/render/options.ts';

const root = new URL('../../', import.meta.url);
const compose = parse(readFileSync(new URL('docker/compose.yaml', root), 'utf8')) as {
  services: Record<string, Record<string, unknown>>;
  volumes?: Record<string, unknown>;
};
const envExample = readFileSync(new URL('.env.example', root), 'utf8');
const exampleVars = new Set([...envExample.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]));
const services = Object.entries(compose.services);

t.test('the stack has the five services, each buildable or pulled', async (t) => {
  t.same(Object.keys(compose.services).sort(), ['api', 'asterisk', 'controller', 'postgres', 'redis']);
  for (const [name, s] of services) {
    const build = s.build as { context?: string; dockerfile?: string } | undefined;
    t.ok(typeof s.image === 'string' || build, `${name} has an image or a build`);
    if (build?.dockerfile) t.doesNotThrow(() => readFileSync(new URL(build.dockerfile ?? '', root)), `${name}'s Dockerfile exists`);
  }
  t.match(compose.services.postgres?.image, /^postgres:16/);
  t.match(compose.services.redis?.image, /^redis:7/);
});

t.test('every service has a well-formed health check', async (t) => {
  for (const [name, s] of services) {
    const h = s.healthcheck as { test?: unknown; interval?: string; retries?: number } | undefined;
    t.ok(h, `${name} has a healthcheck`);
    const test = h?.test;
    t.ok(Array.isArray(test) && ['CMD', 'CMD-SHELL'].includes(String(test[0])) && test.length >= 2, `${name}: test is ["CMD"|"CMD-SHELL", …]`);
    t.match(h?.interval, /^\d+(ms|s|m)$/, `${name}: interval is a duration`);
    t.ok(Number.isInteger(h?.retries), `${name}: retries is a number`);
  }
});

t.test('ports, volumes and depends_on are consistent', async (t) => {
  const named = new Set(Object.keys(compose.volumes ?? {}));
  for (const [name, s] of services) {
    for (const p of (s.ports as string[] | undefined) ?? []) t.match(p, /^(\d+\.\d+\.\d+\.\d+:)?\d+(-\d+)?:\d+(-\d+)?(\/(tcp|udp))?$/, `${name} port ${p}`);
    if (s.network_mode === 'host') t.notOk(s.ports, `${name} on the host network publishes no ports`);
    for (const v of (s.volumes as string[] | undefined) ?? []) {
      const [src = '', target = ''] = v.split(/:(?=\/)/);
      t.ok(target.startsWith('/'), `${name} volume ${v} mounts on an absolute path`);
      if (!src.startsWith('/') && !src.startsWith('.') && !src.startsWith('$')) t.ok(named.has(src), `${name} uses the declared volume ${src}`);
    }
    for (const [dep, cond] of Object.entries((s.depends_on as Record<string, { condition: string }> | undefined) ?? {})) {
      t.ok(compose.services[dep], `${name} depends on the existing service ${dep}`);
      t.ok(['service_started', 'service_healthy', 'service_completed_successfully'].includes(cond.condition), `${name} → ${dep}: ${cond.condition}`);
    }
  }
  t.ok(named.has('pgdata') && named.has('recordings'), 'the database and recordings are kept in volumes');
  t.equal(compose.services.asterisk?.network_mode, 'host', 'Asterisk on the host network for SIP/RTP behind NAT');
  t.match(JSON.stringify(compose.services.asterisk?.volumes), /:\/etc\/asterisk"/, 'the Asterisk config is a volume');
  t.notOk(JSON.stringify(compose.services.postgres).includes('"ports"'), 'PostgreSQL is not published');
});

t.test('every variable compose reads is listed in .env.example', async (t) => {
  const text = readFileSync(new URL('docker/compose.yaml', root), 'utf8');
  const used = new Set([...text.matchAll(/\$\{([A-Z0-9_]+)(?::?[-?][^}]*)?\}/g)].map((m) => m[1]));
  t.ok(used.size > 5);
  for (const v of used) t.ok(exampleVars.has(v), `${v} is in .env.example`);
});

t.test('.env.example lists every variable of the README configuration tables', async (t) => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const documented = [...readme.matchAll(/^\| `([A-Z0-9_]+)`(?:, `([A-Z0-9_]+)`)? \|/gm)].flatMap((m) => [m[1], m[2]]).filter((v): v is string => !!v && !v.startsWith('TEST_'));
  t.ok(documented.length > 20);
  for (const v of documented) t.ok(exampleVars.has(v), `${v} is in .env.example`);
});

t.test('the RTP range in the docs and firewall notes matches rtp.conf', async (t) => {
  const infra = readFileSync(new URL('infra/README.md', root), 'utf8');
  t.match(infra, new RegExp(`${RTP_PORT_START}[-:–]${RTP_PORT_END}`));
});

// A small interpreter for the subset of extensions.conf the renderer writes,
// so tests can follow a call through the rendered dialplan the way Asterisk
// would, and see which applications run.
export interface Step { context: string; exten: string; priority: number; app: string; args: string }
interface Prio { priority: number; label?: string; app: string; args: string }

export interface World {
  /** Whether GotoIfTime's spec ("times,days,mdays,months,tz") holds now. */
  timeMatches(spec: string): boolean;
  /** STASISSTATUS after Stasis(): SUCCESS when the controller is connected. */
  stasis(args: string): 'SUCCESS' | 'FAILED';
  dial(target: string, timeout: string): 'ANSWER' | 'NOANSWER' | 'BUSY' | 'CHANUNAVAIL';
  playback(sound: string): 'SUCCESS' | 'FAILED';
}

export function parseDialplan(text: string): Map<string, Map<string, Prio[]>> {
  const contexts = new Map<string, Map<string, Prio[]>>();
  let ctx: Map<string, Prio[]> | undefined;
  let last: Prio[] | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s;.*$/, '').replace(/^;.*$/, '').trim();
    if (!line) continue;
    const sec = /^\[([^\]]+)\]$/.exec(line);
    if (sec) {
      ctx = new Map();
      contexts.set(sec[1] ?? '', ctx);
      continue;
    }
    const inc = /^include => (\S+)$/.exec(line);
    if (inc && ctx) {
      ctx.set(`include:${inc[1] ?? ''}`, []);
      continue;
    }
    const ex = /^exten => ([^,]+),(\d+)(?:\(([^)]+)\))?,(\w+)\((.*)\)$/.exec(line);
    const same = /^same => n(?:\(([^)]+)\))?,(\w+)\((.*)\)$/.exec(line);
    if (ex && ctx) {
      last = ctx.get(ex[1] ?? '') ?? [];
      ctx.set(ex[1] ?? '', last);
      last.push({ priority: Number(ex[2]), label: ex[3], app: ex[4] ?? '', args: ex[5] ?? '' });
    } else if (same && last) {
      last.push({ priority: (last.at(-1)?.priority ?? 0) + 1, label: same[1], app: same[2] ?? '', args: same[3] ?? '' });
    }
  }
  return contexts;
}

function matches(pattern: string, exten: string): boolean {
  if (!pattern.startsWith('_')) return pattern === exten;
  const re = pattern.slice(1).replace(/\[[^\]]*\]|./g, (c) =>
    c.startsWith('[') ? c : c === 'X' ? '[0-9]' : c === '!' ? '.*' : c === '.' ? '.+' : c.replace(/[+*]/, '\\$&'));
  return new RegExp(`^${re}$`).test(exten);
}

const expand = (s: string, vars: Map<string, string>): string => s.replace(/\$\{([A-Z_()a-z]+)\}/g, (_m, k: string) => vars.get(k) ?? '');

/** `"a" = "b" | "c" = "d"`: the only expression shapes the renderer writes. */
function truthy(expr: string): boolean {
  return expr.split('|').some((part) => {
    const m = /^\s*"([^"]*)"\s*=\s*"([^"]*)"\s*$/.exec(part);
    return m ? m[1] === m[2] : false;
  });
}

export function simulate(text: string, start: { context: string; exten: string }, world: World, maxSteps = 200): { steps: Step[]; vars: Map<string, string> } {
  const plan = parseDialplan(text);
  // [globals] holds `NAME = value` lines, which are not extensions.
  const globals = /\[globals\]\n([\s\S]*?)\n\n/.exec(text)?.[1] ?? '';
  const vars = new Map(globals.split('\n').map((l) => l.split(' = ') as [string, string]));
  const steps: Step[] = [];
  let context = start.context, exten = start.exten, index = 0;
  const jump = (target: string) => {
    const parts = target.split(',');
    if (parts.length === 3) [context, exten] = [parts[0] ?? '', parts[1] ?? ''];
    const list = findList();
    const wanted = parts.at(-1) ?? '1';
    index = list.findIndex((p) => p.label === wanted || String(p.priority) === wanted);
    if (index < 0) throw new Error(`no priority ${target} in ${context}`);
  };
  const lookup = (name: string): Prio[] | undefined => {
    const ctx = plan.get(name);
    if (!ctx) throw new Error(`no context ${name}`);
    for (const [pattern, list] of ctx) if (!pattern.startsWith('include:') && matches(pattern, exten)) return list;
    for (const key of ctx.keys()) {
      if (!key.startsWith('include:')) continue;
      const found = lookup(key.slice('include:'.length));
      if (found) return found;
    }
    return undefined;
  };
  const findList = (): Prio[] => {
    const list = lookup(context);
    if (!list) throw new Error(`no extension ${exten} in ${context}`);
    return list;
  };
  for (let n = 0; n < maxSteps; n++) {
    const p = findList()[index];
    if (!p) return { steps, vars };
    vars.set('EXTEN', exten);
    const args = expand(p.args, vars);
    steps.push({ context, exten, priority: p.priority, app: p.app, args });
    index++;
    switch (p.app) {
      case 'Set': {
        const eq = args.indexOf('=');
        vars.set(args.slice(0, eq).replace(/^_+/, ''), args.slice(eq + 1));
        break;
      }
      case 'Goto': jump(args); break;
      case 'GotoIf': {
        const m = /^\$\[(.*)\]\?(.*)$/.exec(p.args);
        if (m && truthy(expand(m[1] ?? '', vars))) jump(m[2] ?? '');
        break;
      }
      case 'GotoIfTime': {
        const [spec = '', target = ''] = args.split('?');
        if (world.timeMatches(spec)) jump(target);
        break;
      }
      case 'Stasis': vars.set('STASISSTATUS', world.stasis(args)); break;
      case 'Dial': {
        const [target = '', timeout = ''] = args.split(',');
        vars.set('DIALSTATUS', world.dial(target, timeout));
        break;
      }
      case 'Playback': vars.set('PLAYBACKSTATUS', world.playback(args)); break;
      case 'Hangup': case 'Congestion': return { steps, vars };
      default: break;
    }
  }
  throw new Error('the dialplan loops');
}

import fs from 'node:fs';
import path from 'node:path';

/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) this summary reads. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by where the code lives: a package, the app's own libs, Node internals, GC, idle. */
  byArea: { area: string; ms: number; share: number }[];
  /** The functions with the most self time. */
  topFunctions: { name: string; area: string; ms: number; share: number }[];
}

const root = path.resolve(__dirname, '../../..');

/** Which area a script URL belongs to: `pkg:<name>`, `app:libs/<lib>`, `node:internal`, … */
export function areaOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return 'gc';
    if (functionName === '(idle)' || functionName === '(program)') return functionName;
    return 'native';
  }
  if (url.startsWith('node:')) return 'node:internals';
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = file.slice(modules + '/node_modules/'.length).split('/');
    return `pkg:${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const relative = path.relative(root, file).split(path.sep);
  if (relative[0] === 'libs' || relative[0] === 'apps') return `app:${relative[0]}/${relative[1]}`;
  return `other:${relative.slice(0, 2).join('/')}`;
}

/**
 * Self time per area and per function from a `.cpuprofile`; with `lastMs`, only the samples of the
 * profile's last `lastMs` (the load window, leaving start-up's module loading out).
 */
export function summariseProfile(profile: CpuProfile, top = 15, lastMs = Infinity): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  const endUs = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
  let atUs = 0;
  profile.samples.forEach((id, i) => {
    atUs += profile.timeDeltas[i] ?? 0;
    if (endUs - atUs >= lastMs * 1000) return;
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const areas = new Map<string, number>();
  const functions = new Map<string, { area: string; ms: number }>();
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const area = areaOf(frame.url, frame.functionName);
    if (area === '(idle)') continue; // waiting, not working
    totalMs += ms;
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const where = frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : '';
    const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    const entry = functions.get(name) ?? { area, ms: 0 };
    entry.ms += ms;
    functions.set(name, entry);
  }
  const share = (ms: number) => (totalMs ? ms / totalMs : 0);
  return {
    totalMs,
    byArea: [...areas]
      .map(([area, ms]) => ({ area, ms, share: share(ms) }))
      .sort((a, b) => b.ms - a.ms),
    topFunctions: [...functions]
      .map(([name, { area, ms }]) => ({ name, area, ms, share: share(ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
  };
}

/** Reads the newest `.cpuprofile` in a folder (what `--cpu-prof-dir` wrote). */
export function newestProfile(dir: string): CpuProfile {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (!files[0]) throw new Error(`no .cpuprofile in ${dir}`);
  return JSON.parse(fs.readFileSync(files[0], 'utf8')) as CpuProfile;
}

/** Prints a summary as two small tables. */
export function printProfile(title: string, summary: ProfileSummary, areas = 12): void {
  const pct = (share: number) => `${(share * 100).toFixed(1)} %`.padStart(7);
  console.log(`\n${title}: ${(summary.totalMs / 1000).toFixed(1)} s of CPU (idle left out)`);
  console.log('  by area (self time):');
  for (const { area, share } of summary.byArea.slice(0, areas))
    console.log(`    ${pct(share)}  ${area}`);
  console.log('  top functions (self time):');
  for (const { name, area, share } of summary.topFunctions)
    console.log(`    ${pct(share)}  ${name}  [${area}]`);
}

/**
 * A damaged parse cache never changes an answer (issue 19 item 3). Once, flipping one digit in a cache file made
 * `pmo check` print other findings than `--no-cache`, and say nothing. Now: digits flipped anywhere in the cache,
 * or a cache file cut short, and the check gives what a check without the cache gives, does not crash, and
 * writes again what it found damaged, so that the next run has nothing left to redo.
 *
 * The check runs in this process (the library's check(), which the CLI calls), keeping a few hundred variants
 * to seconds. Variants are random; a failure says its seed (test/helpers/random.ts).
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { cacheFiles, damagedFiles, readCacheFile, writeCacheFile } from '../helpers/cache-files.js';
import { generatedPortfolio, type Generated } from '../helpers/generated.js';
import { seeded, type Random } from '../helpers/random.js';

const TODAY = '2026-11-20';
/** A day on which the portfolio rules are judged anew, and so read every extract the cache holds. */
const NEXT_DAY = '2026-11-21';
const FLIPS = 120;
const CUTS = 40;

let generated: Generated;
let cacheDir: string;
/** The warm cache as the check wrote it, by file name. */
let pristine: Map<string, string>;
const expected = new Map<string, string>();

/** What a check answers, positions and all. */
async function answer(today: string, cache = true): Promise<string> {
  return JSON.stringify((await check({ cwd: generated.repo, today, cache })).findings);
}

const snapshot = () => new Map(cacheFiles(cacheDir).map((name) => [name, readFileSync(join(cacheDir, name), 'utf8')]));

function restore(): void {
  for (const name of readdirSync(cacheDir)) rmSync(join(cacheDir, name));
  for (const [name, text] of pristine) writeFileSync(join(cacheDir, name), text);
}

beforeAll(async () => {
  // Violations in half the projects, and the PMO's own rules: findings of every kind, in every cache file.
  generated = generatedPortfolio({ projects: 30, today: TODAY, violations: 0.5, rules: true });
  cacheDir = join(generated.repo, '.pmo', 'cache');
  // Files younger than 2 s are hashed on every run, their stat not kept (racy git): wait, so that a warm run
  // writes nothing and a run that writes shows that it had something to repair.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  for (const day of [TODAY, NEXT_DAY]) expected.set(day, await answer(day, false));
  await answer(TODAY);
  await answer(TODAY);
  pristine = snapshot();
  expect(JSON.parse(expected.get(TODAY)!).length).toBeGreaterThan(20);
}, 60_000);

afterAll(() => generated.remove());

/**
 * Runs the check on the damaged cache (`what` says how it was damaged) and holds it, and the runs after it, to
 * the answer without the cache. The runs repair what they found damaged: by the second, a run writes nothing
 * (the first may leave out an entry whose extract it found damaged only while writing). A record no run of the
 * day needs (an extract of the portfolio rules, whose findings were cached) is repaired by the run that needs
 * it, the next day's; what is still damaged after that is what no run reads. Says whether the first run wrote.
 */
async function checkDamaged(what: string): Promise<boolean> {
  const damaged = snapshot();
  await expect(answer(TODAY), what).resolves.toBe(expected.get(TODAY));
  const wrote = [...snapshot()].some(([name, text]) => damaged.get(name) !== text);
  let settled = false;
  for (let run = 0; run < 2 && !settled; run++) {
    const before = snapshot();
    await expect(answer(TODAY), `${what}, run ${run + 2}`).resolves.toBe(expected.get(TODAY));
    settled = [...snapshot()].every(([name, text]) => before.get(name) === text);
  }
  expect(settled, `${what}: the third run still had to write`).toBe(true);
  const left = damagedFiles(cacheDir);
  if (left.length === 0) return wrote;
  expect(left.every(readLazily), `${what}: left damaged ${left.join(', ')}`).toBe(true);
  await expect(answer(NEXT_DAY), `${what}, the next day`).resolves.toBe(expected.get(NEXT_DAY));
  expect(damagedFiles(cacheDir).filter(needed), `${what}, after the next day`).toEqual([]);
  return true;
}

/**
 * The files a run reads only when it needs them: a shard's extracts (when the portfolio rules run) and what it
 * keeps for a new day (by the first check of a day), with its bodies.
 */
const readLazily = (name: string) => name.endsWith('.rules.json') || name.endsWith('.rejudge.json') || name.endsWith('.rejudge-body.json');

/**
 * Whether such a file is read at all: a shard's extract file when an entry of the shard has an extract, its
 * rejudge file when one has findings of a day (the next day's check judges it again). A body file is never read
 * whole: a new day reads the bodies it needs by their place, each checked by its own sum, and one found damaged
 * has its shard's files written again (test/e2e/new-day.test.ts); a damaged body no day needs stays until then.
 */
function needed(lazyFile: string): boolean {
  if (lazyFile.endsWith('.rejudge-body.json')) return false;
  const shard = readCacheFile(join(cacheDir, lazyFile.replace(/\.(rules|rejudge)\.json$/, '.json')));
  if (lazyFile.endsWith('.rejudge.json')) return shard.entries.some(([, entry]) => entry.today !== undefined);
  return shard.entries.some(([, entry]) => (entry.facts as { rulesKey?: string } | undefined)?.rulesKey !== undefined);
}

/** Changes `count` digits, each at a random place among all the cache's digits (a big file takes more hits). */
function flipDigits(random: Random, count: number): string {
  const files = snapshot();
  const digits = [...files].flatMap(([name, text]) => [...text.matchAll(/\d/g)].map((m) => [name, m.index] as const));
  const flips: string[] = [];
  for (let i = 0; i < count; i++) {
    const [name, at] = digits[random.below(digits.length)]!;
    const text = files.get(name)!;
    const digit = String((Number(text[at]) + 1 + random.below(9)) % 10);
    files.set(name, text.slice(0, at) + digit + text.slice(at + 1));
    flips.push(`${name}@${at} ${text[at]}→${digit}`);
  }
  for (const [name, text] of files) writeFileSync(join(cacheDir, name), text);
  return flips.join(', ');
}

describe('a damaged parse cache', () => {
  it('is read, and believed where its sums match: a finding planted with its sums redone is reported', async () => {
    restore();
    const name = cacheFiles(cacheDir).find((n) => n.endsWith('.detail.json') && readCacheFile(join(cacheDir, n)).entries.some(([, e]) => (e.findings as unknown[]).length > 0))!;
    const file = readCacheFile(join(cacheDir, name));
    const [, entry] = file.entries.find(([, e]) => (e.findings as unknown[]).length > 0)!;
    (entry.findings as Array<{ message: string }>)[0]!.message = 'planted';
    writeCacheFile(join(cacheDir, name), file);
    // What the flips below would cost without the sums: an answer from bytes nobody wrote.
    expect(await answer(TODAY)).toContain('"message":"planted"');
  });

  it(`gives the answer of a check without the cache, with 1 to 3 digits flipped anywhere (${FLIPS} variants)`, async () => {
    const random = seeded();
    let wrote = 0;
    for (let variant = 0; variant < FLIPS; variant++) {
      restore();
      const flips = flipDigits(random, 1 + random.below(3));
      if (await checkDamaged(`seed ${random.seed}, variant ${variant}: ${flips}`)) wrote++;
    }
    // Most flips land in what a warm run reads: they were noticed and repaired, not just harmless.
    expect(wrote).toBeGreaterThan(FLIPS * 0.8);
  }, 120_000);

  it(`gives the answer of a check without the cache, with a cache file cut short (${CUTS} variants)`, async () => {
    const random = seeded();
    const names = [...pristine.keys()];
    for (let variant = 0; variant < CUTS; variant++) {
      restore();
      const name = names[random.below(names.length)]!;
      const text = pristine.get(name)!;
      // Anywhere, or at the end of a line (a file that ends well but lacks the rest).
      const lineEnds = [...text.matchAll(/\n/g)].map((m) => m.index + 1);
      const length = random.below(2) ? random.below(text.length) : lineEnds[random.below(lineEnds.length - 1)]!;
      writeFileSync(join(cacheDir, name), text.slice(0, length));
      await checkDamaged(`seed ${random.seed}, variant ${variant}: ${name} cut to ${length} of ${text.length}`);
    }
  }, 120_000);
});

/** Types of the fuzz harness's plain-JavaScript modules, as the vitest files use them. */
import type { Arbitrary } from 'fast-check';

export interface FuzzCase {
  file: string;
  mutations: Array<{ kind: string; [param: string]: unknown }>;
  fs?: { kind: 'link'; to: string } | { kind: 'folder-link'; folder: string };
  reports: boolean;
  name?: string;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut?: boolean;
  crashed?: boolean;
}

export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
}

export interface Session {
  run(kase: FuzzCase, options?: { cli?: boolean; layout?: (dirs: { repo: string; outside: string }) => void }): Promise<{ problems: string[]; findings: Finding[] }>;
  close(): void;
}

export const fuzzCase: Arbitrary<FuzzCase>;
export function hostileCases(): Array<FuzzCase & { name: string }>;
export function openSession(options?: { timeLimitMs?: number }): Session;
export function listFixtures(): string[];
export function fixtureCase(name: string): { kase: FuzzCase; layout: (dirs: { repo: string; outside: string }) => void; note: { problems: string[] } };
export function judgeRun(name: string, run: Run, kase: FuzzCase, limitMs?: number): string[];
export function judgeFindings(run: Run): { problems: string[]; findings: Finding[] };
export function judgeLeftOut(run: Run, broken: Set<string>): string[];

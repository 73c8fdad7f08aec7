import { describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_WEIGHTS, rankRequests } from '../../src/metrics/intake.js';
import type { Request } from '../../src/model/schemas/request.js';

const request = (id: string, scores: Record<string, number>, extra: Partial<Request> = {}): Request => ({ id, name: `Request ${id}`, requested_by: 'asmith', scores, ...extra });

describe('rankRequests', () => {
  // weights value 3, alignment 3, urgency 2, risk -1
  // max_score = 3x5 + 3x5 + 2x5 + (-1)x1 = 15 + 15 + 10 - 1 = 39
  const requests = [
    request('ceres', { value: 3, alignment: 3 }), // 9 + 9 = 18; urgency and risk missing
    request('boreas', { value: 5, alignment: 4, urgency: 3, risk: 2 }), // 15 + 12 + 6 - 2 = 31
    request('atlas', { value: 4, alignment: 5, risk: 2, urgency: 3, fun: 5 }, { goals: ['G1'], estimate: { cost: 300000, months: 9 } }), // 12 + 15 + 6 - 2 = 31; fun has no weight
    request('dione', { value: 5, alignment: 5, urgency: 5, risk: 1 }), // 15 + 15 + 10 - 1 = 39, the best possible
  ];

  it('scores by the weighted model and ranks with shared ranks (1, 2, 2, 4)', () => {
    expect(DEFAULT_INTAKE_WEIGHTS).toEqual({ value: 3, alignment: 3, urgency: 2, risk: -1 });
    expect(rankRequests(requests, DEFAULT_INTAKE_WEIGHTS)).toEqual([
      { rank: 1, id: 'dione', name: 'Request dione', score: 39, max_score: 39, scores: { value: 5, alignment: 5, urgency: 5, risk: 1 }, missing: [], cost: null, months: null, goals: [] },
      { rank: 2, id: 'atlas', name: 'Request atlas', score: 31, max_score: 39, scores: { value: 4, alignment: 5, urgency: 3, risk: 2 }, missing: [], cost: 300000, months: 9, goals: ['G1'] },
      { rank: 2, id: 'boreas', name: 'Request boreas', score: 31, max_score: 39, scores: { value: 5, alignment: 4, urgency: 3, risk: 2 }, missing: [], cost: null, months: null, goals: [] },
      { rank: 4, id: 'ceres', name: 'Request ceres', score: 18, max_score: 39, scores: { value: 3, alignment: 3, urgency: null, risk: null }, missing: ['urgency', 'risk'], cost: null, months: null, goals: [] },
    ]);
  });

  it("uses the defaults when pmo.yaml gives no weights", () => {
    expect(rankRequests(requests, {})).toEqual(rankRequests(requests, DEFAULT_INTAKE_WEIGHTS));
  });

  it('uses the PMO weights it is given, and lets fractional weights tie', () => {
    // a 0.1, b 0.2, c 0.3: x = 0.1 + 0.2 = 0.3 (0.30000000000000004 in binary), y = 0.3; max = 5 x 0.6 = 3
    const ranked = rankRequests([request('y', { c: 1 }), request('x', { a: 1, b: 1 })], { a: 0.1, b: 0.2, c: 0.3 });
    expect(ranked.map((r) => [r.rank, r.id, r.score, r.max_score, r.missing])).toEqual([
      [1, 'x', 0.3, 3, ['c']],
      [1, 'y', 0.3, 3, ['a', 'b']],
    ]);
  });

  it('ranks nothing as nothing', () => {
    expect(rankRequests([], DEFAULT_INTAKE_WEIGHTS)).toEqual([]);
  });
});

/**
 * Regular expressions in the PMO's rules. CEL specifies RE2, which matches in linear time; cel-js runs
 * `matches()` with JavaScript's backtracking engine, where a pattern with a quantifier inside a quantified
 * group (`(a+)+$`) takes exponential time on hostile data and hangs CI. So a rule is compiled only when each
 * of its patterns is a literal that RE2 would accept and that cannot backtrack exponentially (safe-regex2's
 * star-height check); a pattern built from data could be anything, and is refused.
 */
import safeRegex from 'safe-regex2';

/** What is wrong with a rule's use of `matches()`, and where in its text; undefined when every use is safe. */
export function unsafePattern(ast: unknown): { pos: number; reason: string } | undefined {
  for (const call of matchesCalls(ast)) {
    if (!isNode(call.pattern) || call.pattern.op !== 'value' || typeof call.pattern.args !== 'string') {
      return { pos: call.pos, reason: 'matches() takes a literal pattern in pmo rules: a pattern built from the data could take exponential time' };
    }
    const pattern = call.pattern.args;
    if (/\\[1-9]|\(\?<?[=!]/.test(pattern)) {
      return { pos: call.pattern.pos, reason: `the pattern ${JSON.stringify(pattern)} uses a back-reference or a look-around, which CEL's RE2 does not have` };
    }
    if (!safeRegex(pattern)) {
      return { pos: call.pattern.pos, reason: `the pattern ${JSON.stringify(pattern)} nests a quantifier inside a quantified group, which can take exponential time on hostile data; write it without the nesting` };
    }
  }
  return undefined;
}

interface AstNode {
  op: string;
  args: unknown;
  pos: number;
}

const isNode = (value: unknown): value is AstNode => typeof value === 'object' && value !== null && 'op' in value && 'pos' in value;

/** Every `x.matches(p)` (rcall) and `matches(x, p)` (call) in a cel-js AST, with its pattern argument. */
function* matchesCalls(node: unknown): Generator<{ pos: number; pattern: unknown }> {
  if (Array.isArray(node)) {
    for (const item of node) yield* matchesCalls(item);
    return;
  }
  if (!isNode(node)) return;
  const args = node.args;
  if (Array.isArray(args) && args[0] === 'matches') {
    if (node.op === 'rcall' && Array.isArray(args[2])) yield { pos: node.pos, pattern: args[2][0] };
    if (node.op === 'call' && Array.isArray(args[1])) yield { pos: node.pos, pattern: args[1][1] };
  }
  yield* matchesCalls(args);
}

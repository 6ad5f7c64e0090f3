import fc from 'fast-check';
import { cellsToWithhold, TableCell } from '../../bot/domain/disclosureControl';

const cell = (key: string, ...atoms: string[]): TableCell => ({ key, atoms });
const answers = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('which cells of a table are withheld', () => {
  it('withholds a cell with fewer answers than the threshold; a cell with none has nothing to withhold', () => {
    const withheld = cellsToWithhold([cell('a', 'a'), cell('b', 'b'), cell('c', 'c'), cell('none', 'z')], answers({ a: 2, b: 5, c: 9 }), 3);
    expect(Object.fromEntries(withheld)).toEqual({ a: 'too_few_responses' });
  });

  it('a total with one withheld part: a second part is withheld too, so total minus the shown parts is not the small one', () => {
    const cells = [cell('total', 'a', 'b', 'c'), cell('a', 'a'), cell('b', 'b'), cell('c', 'c')];
    const withheld = cellsToWithhold(cells, answers({ a: 2, b: 9, c: 6 }), 5);
    // c has fewer answers than b, so withholding it keeps more of what can be shown.
    expect(Object.fromEntries(withheld)).toEqual({ a: 'too_few_responses', c: 'protects_another_cell' });
  });

  it('two withheld parts that together reach the threshold need nothing more', () => {
    const cells = [cell('total', 'a', 'b', 'c'), cell('a', 'a'), cell('b', 'b'), cell('c', 'c')];
    expect(Object.fromEntries(cellsToWithhold(cells, answers({ a: 2, b: 3, c: 9 }), 5))).toEqual({ a: 'too_few_responses', b: 'too_few_responses' });
  });

  it('a sub-total that would let the total give away a part is withheld as well', () => {
    // total − sub = c, with 2 answers: after a and b are handled, the sub-total must go too (or the total).
    const cells = [cell('total', 'a', 'b', 'c'), cell('sub', 'a', 'b'), cell('a', 'a'), cell('b', 'b'), cell('c', 'c')];
    const withheld = cellsToWithhold(cells, answers({ a: 2, b: 10, c: 2 }), 5);
    expect(withheld.get('a')).toBe('too_few_responses');
    expect(withheld.get('c')).toBe('too_few_responses');
    expect(withheld.has('sub') || withheld.has('total')).toBe(true);
    expect(withheld.has('b') || (withheld.has('sub') && withheld.has('total'))).toBe(true);
  });

  it('withholds the lighter cells first: a sub-group and a school rather than the total its readers report', () => {
    // c's 2 answers are only in the total; withholding the total alone would do, but the total weighs most.
    const cells = [cell('total', 'a', 'b', 'c'), cell('sub', 'a', 'b'), cell('a', 'a'), cell('b', 'b'), cell('c', 'c'), cell('sub-c', 'c')].map((c) => ({
      ...c,
      weight: c.atoms.length,
    }));
    const withheld = cellsToWithhold(cells, answers({ a: 3, b: 4, c: 2 }), 3);
    expect(withheld.has('total')).toBe(false);
    expect(Object.fromEntries(withheld)).toEqual({ c: 'too_few_responses', 'sub-c': 'too_few_responses', sub: 'protects_another_cell', a: 'protects_another_cell' });
  });

  it('whatever the table, no sum of shown cells minus others comes to a few answers (checked by brute force)', () => {
    const threshold = 3;
    const atoms = ['a', 'b', 'c', 'd'];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.subarray(atoms, { minLength: 1 }), { minLength: 1, maxLength: 7 }),
        (counts, sets) => {
          const responses = new Map(atoms.map((a, i) => [a, counts[i]!]));
          const cells = sets.map((set, i) => cell(`cell-${i}`, ...set));
          const withheld = cellsToWithhold(cells, responses, threshold);
          const shown = cells.filter((c) => !withheld.has(c.key));
          // Every shown cell has none or enough answers.
          for (const c of shown) {
            const n = c.atoms.reduce((sum, a) => sum + responses.get(a)!, 0);
            expect(n === 0 || n >= threshold).toBe(true);
          }
          // Any difference of two shown cells, one inside the other, and any shown cell minus a set of shown cells
          // that lie in it without overlapping: none or enough answers.
          const subsets = (list: TableCell[]): TableCell[][] => list.reduce<TableCell[][]>((all, c) => [...all, ...all.map((s) => [...s, c])], [[]]);
          for (const whole of shown) {
            for (const parts of subsets(shown.filter((c) => c !== whole && c.atoms.every((a) => whole.atoms.includes(a))))) {
              const used = parts.flatMap((p) => p.atoms);
              if (new Set(used).size !== used.length) continue;
              const rest = whole.atoms.filter((a) => !used.includes(a)).reduce((sum, a) => sum + responses.get(a)!, 0);
              expect(rest === 0 || rest >= threshold).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

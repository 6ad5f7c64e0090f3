/**
 * Which cells of a table of answer means must be withheld so that no cell's answers can be worked out from the others.
 *
 * A cell is a set of atoms (here: one school's answers on sessions in one part of the year); its mean × n is the sum
 * of its atoms' answers, so anyone who can see several cells can add and subtract them. The rule:
 *
 * 1. Primary: a cell with fewer than `minResponses` answers (but some) is withheld.
 * 2. Complementary: group the atoms by the set of shown cells they are in. Whatever can be worked out by adding and
 *    subtracting shown cells is a sum over whole such classes (every shown cell is), so if every class that is in
 *    any shown cell has either no answers or at least `minResponses`, nothing smaller than the threshold can be
 *    worked out. While some class has 1 to `minResponses` − 1 answers, more cells are withheld: those that set it
 *    apart from the class it is cheapest to merge it with (preferring a merge that reaches the threshold, then one
 *    that spares the weightiest cells — a group's total before a school — then the fewest answers withheld, then the
 *    fewest cells), until none is left. Withholding every shown cell the class is in is always one such merge.
 *
 * So a group total minus its shown schools never gives a withheld school; nor does a year minus its terms, or an
 * authority minus its clusters. The rule is conservative: it may withhold a cell that could in fact be shown.
 */
export type Withheld = 'too_few_responses' | 'protects_another_cell';

export interface TableCell {
  key: string;
  atoms: readonly string[];
  /** How much a reader would miss it (a group total more than a school): cells with less are withheld first. */
  weight?: number;
}

export function cellsToWithhold(cells: readonly TableCell[], atomResponses: ReadonlyMap<string, number>, minResponses: number): Map<string, Withheld> {
  const threshold = Math.max(1, minResponses);
  const answered = (atom: string) => atomResponses.get(atom) ?? 0;
  // Atoms without answers add nothing to any sum, so they cannot give anything away.
  const counted = cells.map((cell) => {
    const atoms = [...new Set(cell.atoms)].filter((a) => answered(a) > 0);
    return { key: cell.key, atoms, weight: cell.weight ?? 0, responses: atoms.reduce((sum, a) => sum + answered(a), 0) };
  });
  const withheld = new Map<string, Withheld>();
  for (const cell of counted) if (cell.responses > 0 && cell.responses < threshold) withheld.set(cell.key, 'too_few_responses');

  for (;;) {
    const shown = counted.filter((c) => c.responses > 0 && !withheld.has(c.key));
    const signatures = new Map<string, number[]>();
    for (const [index, cell] of shown.entries()) {
      for (const atom of cell.atoms) {
        const signature = signatures.get(atom);
        if (signature) signature.push(index);
        else signatures.set(atom, [index]);
      }
    }
    // Classes in the order first met, which follows the order of `cells`: the same table always withholds the same.
    const classes = new Map<string, { cells: Set<number>; responses: number }>();
    for (const [atom, signature] of signatures) {
      const id = signature.join(',');
      const found = classes.get(id);
      if (found) found.responses += answered(atom);
      else classes.set(id, { cells: new Set(signature), responses: answered(atom) });
    }
    const exposed = [...classes.values()].filter((c) => c.responses < threshold);
    if (exposed.length === 0) return withheld;
    // Classes apart from one another are settled in one round; one whose cells this round already changed waits.
    const changed = new Set<number>();
    const all = [...classes.values()];
    for (const small of exposed) {
      if ([...small.cells].some((c) => changed.has(c))) continue;
      // Merging with what is in no shown cell (withholding every cell `small` is in) always settles it.
      const candidates = [...all.filter((c) => c !== small), { cells: new Set<number>(), responses: threshold }];
      const costs = candidates.map((other) => {
        const apart = [...small.cells].filter((c) => !other.cells.has(c)).concat([...other.cells].filter((c) => !small.cells.has(c)));
        const apartCells = apart.map((c) => shown[c]!);
        return {
          apart,
          reaches: small.responses + other.responses >= threshold ? 0 : 1,
          weight: Math.max(0, ...apartCells.map((c) => c.weight)),
          answers: apartCells.reduce((sum, c) => sum + c.responses, 0),
          size: apart.length,
        };
      });
      const best = costs.filter((c) => c.size > 0).sort((a, b) => a.reaches - b.reaches || a.weight - b.weight || a.answers - b.answers || a.size - b.size)[0]!;
      for (const index of best.apart) {
        changed.add(index);
        if (!withheld.has(shown[index]!.key)) withheld.set(shown[index]!.key, 'protects_another_cell');
      }
    }
  }
}

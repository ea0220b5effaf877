/**
 * Stored neighbour lists for product pages: per item, the most similar items of the SAME kind ("Similar")
 * and of the OTHER kind ("Artworks for this course's learners" / "Courses for collectors of this").
 * The lists come from item-kNN (co-interaction cosine) and are topped up with TF-IDF content neighbours,
 * which is what gives a brand-new item (no interactions yet) a strip at all. `source` says which.
 * The two lists of an item never share a neighbour (they differ in kind), so (item, neighbour) stays a key.
 */
import type { Neighbours } from "../similarity";
import { KIND, type Prepared } from "./prepare";

export type NeighbourRows = { productId: string[]; neighborId: string[]; score: number[]; source: string[] };

export function itemNeighbourRows(prep: Prepared, cf: Neighbours, content: Neighbours, perList = 12): NeighbourRows {
  const rows: NeighbourRows = { productId: [], neighborId: [], score: [], source: [] };
  const { items, kindOf, recommendable } = prep;
  for (let i = 0; i < prep.nItems; i++) {
    if (items[i]!.kind === "bundle") {
      addList(rows, prep, i, cf, content, perList, () => true);
      continue;
    }
    const own = kindOf[i]!;
    const other = own === KIND.course ? KIND.artwork : KIND.course;
    addList(rows, prep, i, cf, content, perList, (j) => kindOf[j] === own);
    addList(rows, prep, i, cf, content, perList, (j) => kindOf[j] === other);
  }
  return rows;

  function addList(
    out: NeighbourRows,
    p: Prepared,
    i: number,
    a: Neighbours,
    b: Neighbours,
    n: number,
    accept: (j: number) => boolean,
  ) {
    const chosen = new Set<number>();
    let weakest = Infinity;
    for (let q = a.indptr[i]!; q < a.indptr[i + 1]! && chosen.size < n; q++) {
      const j = a.indices[q]!;
      if (j === i || !recommendable[j] || !accept(j)) continue;
      chosen.add(j);
      weakest = Math.min(weakest, a.sims[q]!);
      push(out, p, i, j, a.sims[q]!, "itemknn");
    }
    // Content padding is scaled below the weakest co-interaction neighbour, so ordering by score alone
    // keeps collaborative evidence first.
    const scale = weakest === Infinity ? 1 : 0.5 * weakest;
    for (let q = b.indptr[i]!; q < b.indptr[i + 1]! && chosen.size < n; q++) {
      const j = b.indices[q]!;
      if (j === i || chosen.has(j) || !recommendable[j] || !accept(j)) continue;
      chosen.add(j);
      push(out, p, i, j, b.sims[q]! * scale, "content");
    }
  }

  function push(out: NeighbourRows, p: Prepared, i: number, j: number, score: number, source: string) {
    out.productId.push(p.items[i]!.id);
    out.neighborId.push(p.items[j]!.id);
    out.score.push(Math.fround(score));
    out.source.push(source);
  }
}

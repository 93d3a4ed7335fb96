// Package aggregate publishes tables of counts for the organiser of a
// collaborative (THL) so that no single person or small group can be
// identified: small cells are hidden (primary suppression) and further cells
// are hidden so that no hidden cell can be worked out from the published
// cells and totals (complementary suppression).
//
// Its one job is the disclosure control of a two-way table with row and
// column totals; assembling the tables from a round's worksheets is the job
// of package export.
//
// # The method
//
// A cell, row total, column total or grand total whose count n satisfies
//
//	0 < n < threshold          (default threshold 5)
//
// is hidden. Zeros are published: they describe nobody. Then the table with
// its totals is read as a bipartite graph — one node per row and per column,
// the total row and total column included, one edge per hidden cell — and
// hidden cells are added until
//
//  1. every row and column has no hidden cell or at least two, and
//  2. no hidden cell is a bridge of that graph.
//
// The totals make the table's cells satisfy one linear equation per row and
// per column; a hidden cell is fixed by those equations exactly when its edge
// is a bridge (Willenborg & de Waal, *Elements of Statistical Disclosure
// Control*, 2001, ch. 7; Cox, "Suppression methodology and statistical
// disclosure control", JASA 75, 1980). With every hidden cell on a cycle and
// every hidden cell at least 1 — complementary cells are chosen among the
// smallest non-zero counts, falling back to zeros only when a line has no
// other — each hidden value can move up and down by one along its cycle
// without making any count negative, so an intruder who knows the published
// values, the totals and that counts are non-negative integers cannot pin it
// down. The tests check this with an independent intruder that enumerates
// every table consistent with what is published.
//
// The heuristic does not minimise the information lost; it is greedy and
// deterministic: the same table always gives the same published table.
package aggregate

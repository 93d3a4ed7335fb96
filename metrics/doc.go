// Package metrics holds a team's measures and the charts that tell whether a
// change is an improvement: run charts and Shewhart control charts with the
// signals that qicharts2 (Jacob Anhøj's R package, version 0.8.1) finds, to
// the ninth significant digit.
//
// # Measures
//
// A [Measure] is one of the team's family of measures — outcome, process or
// balancing (Langley et al., The Improvement Guide) — tagged with its
// dimension of the quadruple aim (nelimaali), with its operational
// definition (numerator and denominator for rates and proportions, inclusion
// and exclusion criteria), its data source (an information system or hand
// measurement), frequency, direction of improvement, baseline and target.
// [DataType.SuggestedChart] picks the chart the data fit.
//
// # Series
//
// A [Series] holds a measure's observations by period; [Bucket] makes them
// from dated raw records, by ISO week or month in the location the caller
// passes (Europe/Helsinki for Finnish teams). A period without data stays
// missing: charts skip it, never count it as zero.
//
// # Charts
//
// [NewChart] computes a run chart (median centre line) or a control chart —
// I, MR, Xbar, S, P, U, C, G, T and Laney's P′, U′ and I′ — with 3-sigma and
// 2-sigma limits, a frozen baseline, parts (a new chart after a change is
// adopted) and excluded points, following qicharts2's qic() step by step,
// quirks included (../shared/reference/spc.md lists them). Every point says
// which rules flag it:
//
//   - sigma: outside the 3-sigma limits (Shewhart);
//   - longest-run: in a run on one side of the centre line longer than
//     round(log2(n)) + 3 points, n the useful observations (Anhøj & Olesen,
//     "Run charts revisited", PLoS ONE 2014);
//   - crossings: its part crosses the centre line fewer than
//     qbinom(0.05, n − 1, 0.5) times (ibid.);
//
// and, with [RulesIHI] instead of Anhøj's rules (Perla, Provost & Murray,
// "The run chart", BMJ Qual Saf 2011): shift (6 or more on one side), trend
// (5 or more going one way), too few or too many runs ([RunsBounds]).
// Points on the centre line and missing points are not useful observations:
// they neither break nor extend a run.
//
// Results never hold NaN or Inf: a value a point does not have is nil. A
// chart with too little data says why in its Findings.
//
// The package is pure and safe for concurrent use; it does not read the
// clock or the time-zone database.
package metrics

// Package valuestream holds value stream maps (arvovirtakartta): the steps a
// client's case passes through, each with its process time, the wait before
// it, its percent complete and accurate and whether it hands the case off to
// another unit, and the figures a team reads from them.
//
// The method and its metrics follow Karen Martin and Mike Osterling, Value
// Stream Mapping: How to Visualize Work and Align Leadership for
// Organizational Transformation (McGraw-Hill, 2014), the current-state
// map's process blocks, timeline and summary metrics: lead time is the sum of every step's wait and process time, the activity
// ratio is total process time over lead time, and the rolled percent
// complete and accurate is the product of the steps' %C&A.
//
// # Maps
//
// A [Map] is a list of [Step] values. Durations are [Duration] values: a
// time.Duration in Go, and in JSON a number with the unit the user entered
// ("minutes", "hours" or "days"), so a wait entered as 3 days stays 3 days.
// [Map.Validate] reports findings ([model.Findings]) for an empty map,
// missing or duplicate ids, negative durations, %C&A outside 0–100 and
// unknown enum names; [Decode] reads and validates a map from JSON.
//
// # Figures
//
// [Map.Summary] computes lead time, total process and wait time, the
// activity ratio, the rolled %C&A, handoffs, units crossed, the bottleneck
// (the longest wait) and each step's share of lead time. [Compare] sets two
// maps side by side — current and ideal, or before and after — and reports
// every figure's change and the steps added, removed and changed.
//
// # Calendar and working days
//
// Lead time is given in calendar days ([Summary.LeadTimeDays]) and, as an
// option, in working days: a [Calendar] counts Monday to Friday without
// public holidays, and [Finnish] is the calendar of Finnish public holidays
// computed for any year, the Easter-based ones and Midsummer included (see
// [FinnishHolidays] for the list and its sources).
//
// The package is pure: no I/O, no clock; values are safe for concurrent
// reading.
package valuestream

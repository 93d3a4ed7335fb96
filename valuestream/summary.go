package valuestream

import (
	"time"
)

// StepShare is one step's part of a map's lead time.
type StepShare struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// LeadTime is the step's wait plus its process time, in nanoseconds in
	// JSON.
	LeadTime time.Duration `json:"leadTimeNs"`
	// Share is LeadTime over the map's lead time, from 0 to 1; 0 when the
	// map's lead time is 0.
	Share float64 `json:"share"`
}

// Summary holds the figures of a value stream map's timeline and summary
// metrics (Martin & Osterling, Value Stream Mapping, 2014). Durations are
// in nanoseconds in JSON (the field names end in Ns). The zero value is the summary of no steps.
type Summary struct {
	// Steps is the number of steps.
	Steps int `json:"steps"`
	// LeadTime is the total lead time: the sum over the steps of wait plus
	// process time,
	//	LT = Σ (waitᵢ + PTᵢ).
	LeadTime time.Duration `json:"leadTimeNs"`
	// ProcessTime is the total process time, ΣPTᵢ.
	ProcessTime time.Duration `json:"processTimeNs"`
	// WaitTime is the total wait, Σ waitᵢ = LT − ΣPT.
	WaitTime time.Duration `json:"waitTimeNs"`
	// ActivityRatio is the flow efficiency, ΣPT / LT, from 0 to 1; 0 when
	// the lead time is 0.
	ActivityRatio float64 `json:"activityRatio"`
	// RolledCompleteAccurate is the rolled percent complete and accurate,
	// the product of the measured steps' %C&A,
	//	rolled %C&A = 100 · Π (%C&Aᵢ / 100),
	// from 0 to 100: the share of cases that pass the whole stream without
	// rework. Steps without a %C&A are left out; 0 when no step has one
	// (see CompleteAccurateMeasured).
	RolledCompleteAccurate float64 `json:"rolledCompleteAccuratePct"`
	// CompleteAccurateMeasured is the number of steps with a %C&A.
	CompleteAccurateMeasured int `json:"completeAccurateMeasured"`
	// Handoffs is the number of steps that hand the case off to another
	// unit.
	Handoffs int `json:"handoffs"`
	// Units lists the distinct units the case passes through, in the order
	// it first reaches them; steps with no unit are left out.
	Units []string `json:"units"`
	// UnitChanges is the number of consecutive pairs of steps whose units
	// are both known and differ: the unit boundaries the case crosses.
	UnitChanges int `json:"unitChanges"`
	// Bottleneck is the index of the step with the longest wait before it
	// (the first such step on a tie); -1 when no step waits.
	Bottleneck int `json:"bottleneck"`
	// Shares lists every step's share of the lead time, in step order.
	Shares []StepShare `json:"shares"`
}

// Summary computes m's figures ([Summary] documents each). When m is not
// valid ([Map.Validate] reports an error: an empty map, a negative
// duration, a %C&A out of range, durations too long to add up) it returns
// the zero Summary and the findings, which match errors.Is(err,
// model.ErrInvalid).
func (m Map) Summary() (Summary, error) {
	if fs := m.Validate(); fs.HasErrors() {
		return Summary{Bottleneck: -1}, fs
	}
	return m.summary(), nil
}

// summary computes the figures of a valid map: durations are not
// negative and add up without overflow.
func (m Map) summary() Summary {
	s := Summary{
		Steps:      len(m.Steps),
		Bottleneck: -1,
		Shares:     make([]StepShare, len(m.Steps)),
		Units:      []string{},
	}
	rolled := 1.0
	var longest time.Duration
	var unitSet map[string]struct{} // used once there are many units
	prevUnit := ""
	for i := range m.Steps {
		st := &m.Steps[i] // a Step is large: no copy
		w, p := st.Wait.Length, st.Process.Length
		s.WaitTime += w
		s.ProcessTime += p
		s.Shares[i] = StepShare{ID: st.ID, Name: st.Name, LeadTime: w + p}
		if w > longest {
			longest, s.Bottleneck = w, i
		}
		if st.CompleteAccurate != nil {
			rolled *= *st.CompleteAccurate / 100
			s.CompleteAccurateMeasured++
		}
		if st.Handoff {
			s.Handoffs++
		}
		if st.Unit != "" {
			if !s.hasUnit(unitSet, st.Unit) {
				s.Units = append(s.Units, st.Unit)
				if unitSet != nil {
					unitSet[st.Unit] = struct{}{}
				} else if len(s.Units) > 16 {
					unitSet = make(map[string]struct{}, 2*len(s.Units))
					for _, u := range s.Units {
						unitSet[u] = struct{}{}
					}
				}
			}
			if prevUnit != "" && prevUnit != st.Unit {
				s.UnitChanges++
			}
			prevUnit = st.Unit
		}
	}
	s.LeadTime = s.WaitTime + s.ProcessTime
	if s.LeadTime > 0 {
		s.ActivityRatio = float64(s.ProcessTime) / float64(s.LeadTime)
		for i := range s.Shares {
			s.Shares[i].Share = float64(s.Shares[i].LeadTime) / float64(s.LeadTime)
		}
	}
	if s.CompleteAccurateMeasured > 0 {
		s.RolledCompleteAccurate = 100 * rolled
	}
	return s
}

// hasUnit reports whether u is in s.Units: a linear scan while there are
// few units (a scan beats a map's allocation for them), set once there are
// many.
func (s *Summary) hasUnit(set map[string]struct{}, u string) bool {
	if set != nil {
		_, ok := set[u]
		return ok
	}
	for _, x := range s.Units {
		if x == u {
			return true
		}
	}
	return false
}

// LeadTimeDays returns the lead time in calendar days of 24 hours.
func (s Summary) LeadTimeDays() float64 { return s.LeadTime.Hours() / 24 }

// LeadTimeWorkingDays returns the working days the lead time spans when the
// first step's wait begins at start: [Calendar.WorkingDays] from start to
// start + LeadTime, days taken in loc (nil means UTC). It returns
// [ErrDateRange] when that span leaves years 1–9999.
func (s Summary) LeadTimeWorkingDays(start time.Time, loc *time.Location, c Calendar) (float64, error) {
	return c.WorkingDays(start, start.Add(s.LeadTime), loc)
}

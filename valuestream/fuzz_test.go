package valuestream_test

import (
	"encoding/json"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/valuestream"
)

// FuzzDecode feeds Decode arbitrary bytes, seeded from the decode,
// validation and duration tables. Properties: no panic; a decoding failure
// returns the zero Map with findings of a decoding code; otherwise the map
// written back to JSON decodes to the same map with the same findings, and
// a valid map's summary has finite figures in range.
func FuzzDecode(f *testing.F) {
	for _, tc := range decodeCases {
		f.Add([]byte(tc.in))
	}
	for _, tc := range validateCases {
		b, err := json.Marshal(tc.m)
		if err == nil {
			f.Add(b)
		}
	}
	for _, tc := range durationCases {
		f.Add([]byte(`{"steps":[{"id":"a","name":"A","wait":` + tc.in + `}]}`))
	}
	decodeCodes := []model.Code{model.CodeJSONSyntax, model.CodeJSONType, valuestream.CodeDurationJSON}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, fs := valuestream.Decode(data)
		if len(fs) > 0 && slices.Contains(decodeCodes, fs[0].Code) {
			require.Len(t, fs, 1)
			require.Equal(t, valuestream.Map{}, m)
			return
		}
		b, err := json.Marshal(m)
		require.NoError(t, err)
		m2, fs2 := valuestream.Decode(b)
		require.Equal(t, m, m2, "%s", b)
		require.Equal(t, fs, fs2)
		s, err := m.Summary()
		if fs.HasErrors() {
			require.ErrorIs(t, err, model.ErrInvalid)
			return
		}
		require.NoError(t, err)
		for _, x := range []float64{s.ActivityRatio, s.RolledCompleteAccurate} {
			require.False(t, math.IsNaN(x) || math.IsInf(x, 0))
		}
		require.True(t, s.ActivityRatio >= 0 && s.ActivityRatio <= 1)
		require.True(t, s.RolledCompleteAccurate >= 0 && s.RolledCompleteAccurate <= 100)
		require.Equal(t, s.LeadTime, s.WaitTime+s.ProcessTime)
		_, err = json.Marshal(s)
		require.NoError(t, err, "no NaN or Inf in the summary")
		_, err = valuestream.Compare(m, m)
		require.NoError(t, err)
	})
}

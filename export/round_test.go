package export_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/export/aggregate"
	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
)

func TestAggregateRound(t *testing.T) {
	shift := []float64{9, 8, 10, 9, 11, 8, 9, 10, 9, 8, 3, 2, 3, 2, 4, 2, 3, 2, 2, 3}
	var teams []export.TeamData
	for i := range 8 {
		team := model.Team{Name: fmt.Sprintf("Salainen tiimi %d", i), Members: []model.Member{
			{ID: "c", Name: "Asiakas Nimi", Role: model.RoleClient},
			{ID: "p1", Name: "Ammattilainen Nimi", Role: model.RoleProfessional},
			{ID: "p2", Role: model.RoleProfessional}, {ID: "p3", Role: model.RoleProfessional}, {ID: "p4", Role: model.RoleProfessional},
			{ID: "o", Role: model.RoleOwner},
		}}
		s := metrics.Series{}
		for w, v := range shift {
			val := v
			if i%3 == 0 { // a third of the teams show no change yet
				val = shift[w%10]
			}
			s.Observations = append(s.Observations, metrics.Observation{Period: model.NewDate(2026, 1, 5).AddDays(7 * w), Value: &val})
		}
		c, err := metrics.NewChart(s, metrics.Options{BaselineEnd: model.NewDate(2026, 3, 9)})
		require.NoError(t, err)
		teams = append(teams, export.TeamData{Team: team, Measures: []export.Measured{
			{Measure: metrics.Measure{ID: "lt", Name: "Salainen mittari", Kind: metrics.KindOutcome, Dimension: metrics.DimensionClient, Direction: metrics.DirectionDown}, Series: s, Chart: &c},
			{Measure: metrics.Measure{ID: "st", Kind: metrics.KindBalancing, Dimension: metrics.DimensionStaff}},
		}})
	}
	r, err := export.Aggregate(teams, 0)
	require.NoError(t, err)
	assert.Equal(t, 8, r.Teams)
	assert.Equal(t, 48, *r.Members.Total)
	assert.Equal(t, 32, *r.Members.Cells[1][0], "professionals")
	assert.Equal(t, 0, *r.Members.Cells[3][0], "supervisors: zeros describe nobody and are published")
	// Outcome measures: 5 improved, 3 not yet. The 3 is hidden, and so is a
	// complement in its row and column, so neither can be worked out.
	assert.Nil(t, r.Improvements.Cells[0][1])
	assert.Nil(t, r.Improvements.Cells[0][0])
	assert.Equal(t, 16, *r.Improvements.Total)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	for _, secret := range []string{"Salainen", "Nimi", "Asiakas"} {
		assert.NotContains(t, string(b), secret, "no names and no free text")
	}
	_, err = export.Aggregate(teams, -1)
	assert.ErrorIs(t, err, aggregate.ErrThreshold)
}

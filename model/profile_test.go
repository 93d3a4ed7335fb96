package model_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
)

// The built-in profiles are decoded once, but each call returns its own
// copy: a caller that changes its rules changes no one else's.
func TestBuiltinProfilesAreCopies(t *testing.T) {
	p := model.DefaultProfile()
	require.NotEmpty(t, p.Rules)
	want := p.Rules[0]
	p.Rules[0].Min = 99
	assert.Equal(t, want, model.DefaultProfile().Rules[0])
	q := model.ServiceChainProfile()
	q.Rules[0].Max = 99
	assert.NotEqual(t, 99, model.ServiceChainProfile().Rules[0].Max)
}

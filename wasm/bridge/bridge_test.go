package bridge_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/wasm/bridge"
)

func TestSmoke(t *testing.T) {
	b := bridge.New()
	for _, op := range b.Ops() {
		out, err := b.Do(context.Background(), op, []byte(`{}`))
		t.Logf("%s: %.300s %v", op, out, err)
	}
	_, err := b.Do(context.Background(), "nope", nil)
	var e *bridge.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, bridge.KindUnknownOp, e.Kind)
	_, err = b.Do(context.Background(), "team.validate", []byte(`{`))
	assert.True(t, errors.Is(err, model.ErrInvalid))
}

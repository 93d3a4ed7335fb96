package model

import (
	"cmp"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// naiveComparePointers is comparePointers as first written, by splitting
// both pointers: the oracle of the allocation-free one.
func naiveComparePointers(a, b string) int {
	ta, tb := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(ta) && i < len(tb); i++ {
		if ta[i] == tb[i] {
			continue
		}
		na, errA := strconv.Atoi(ta[i])
		nb, errB := strconv.Atoi(tb[i])
		if errA == nil && errB == nil {
			return cmp.Compare(na, nb)
		}
		return strings.Compare(ta[i], tb[i])
	}
	return cmp.Compare(len(ta), len(tb))
}

var pointerTokens = []string{"", "members", "member", "units", "0", "1", "2", "9", "10", "010", "+1", "-1", "-", "+",
	"1a", "99999999999999999999", "-99999999999999999999", "9223372036854775807", "a~1b", "é"}

func randomPointer(r *rand.Rand) string {
	if r.IntN(8) == 0 {
		return pointerTokens[r.IntN(len(pointerTokens))] // no leading slash
	}
	var b strings.Builder
	for range r.IntN(5) {
		b.WriteByte('/')
		b.WriteString(pointerTokens[r.IntN(len(pointerTokens))])
	}
	return b.String()
}

func TestComparePointersMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 13))
	for range 50000 {
		a, b := randomPointer(r), randomPointer(r)
		require.Equal(t, naiveComparePointers(a, b), comparePointers(a, b), "%q %q", a, b)
	}
}

func FuzzComparePointers(f *testing.F) {
	for _, s := range []string{"", "/", "/members/10", "/members/9/id", "/+1", "/-0"} {
		f.Add(s, "/members/2")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		require.Equal(t, naiveComparePointers(a, b), comparePointers(a, b), "%q %q", a, b)
	})
}

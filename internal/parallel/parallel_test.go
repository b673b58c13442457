package parallel

import (
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, tt := range []struct{ n, most int }{{0, 4}, {1, 4}, {7, 2}, {1000, 8}, {5, 0}} {
		calls := make([]atomic.Int32, tt.n)
		Each(tt.n, tt.most, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if got := calls[i].Load(); got != 1 {
				t.Errorf("Each(%d, %d): index %d called %d times, want 1", tt.n, tt.most, i, got)
			}
		}
	}
}

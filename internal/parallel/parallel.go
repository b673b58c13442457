// Package parallel runs the independent steps of a loop on every core.
package parallel

import (
	"runtime"
	"sync"
)

// Each calls f(i) for every i in [0, n) on up to most goroutines (and no
// more than GOMAXPROCS), each taking every so-many i in turn, and returns
// when all calls have.
func Each(n, most int, f func(i int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), most, n))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				f(i)
			}
		}()
	}
	wg.Wait()
}

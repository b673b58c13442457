package bot

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot/discordtest"
	"github.com/lectern-bot/lectern/internal/questiongen"
	"github.com/lectern-bot/lectern/internal/testindex"
)

// percentiles reports the median and 99th percentile of ds, in ms.
func percentiles(b *testing.B, ds []time.Duration, what string) {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	if len(ds) == 0 {
		return
	}
	b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, what+"-p50-ms")
	b.ReportMetric(float64(ds[len(ds)*99/100].Microseconds())/1000, what+"-p99-ms")
}

// BenchmarkWarAndPeaceBurst: 300 readers ask distinct questions of War
// and Peace at once, over a Discord whose REST calls each take 50 ms.
// It reports when each reader sees the answer (deferred, then edited in)
// and when each got the first response, which Discord needs within 3 s.
func BenchmarkWarAndPeaceBurst(b *testing.B) {
	ix := testindex.WarAndPeace(b)
	h := start(b, setup{search: ix, opts: Options{Defer: true}, fake: func(f *discordtest.Server) { f.Latency = 50 * time.Millisecond }})
	questions := questiongen.Distinct(ix.Corpus(), 300*b.N, 3)
	var visible, first []time.Duration
	var mu sync.Mutex
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var wg sync.WaitGroup
		for j := range 300 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sent := time.Now()
				in, err := h.fake.Command(fmt.Sprint(600000000000000000+j), "ask", discordtest.String("question", questions[i*300+j]))
				if err != nil {
					b.Error(err)
					return
				}
				ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
				defer cancel()
				if _, err := in.Response(ctx); err != nil {
					b.Error(err)
					return
				}
				responded := time.Since(sent)
				if _, err := in.Original(ctx); err != nil {
					b.Error(err)
					return
				}
				mu.Lock()
				first = append(first, responded)
				visible = append(visible, time.Since(sent))
				mu.Unlock()
				in.Forget()
			}()
		}
		wg.Wait()
	}
	b.StopTimer()
	percentiles(b, first, "first-response")
	percentiles(b, visible, "answer-visible")
}

// BenchmarkAutocompleteBurst: one reader's 300 keystrokes of /quote
// autocomplete on War and Peace at once; reports how many were answered
// within Discord's 3 s and how long they took.
func BenchmarkAutocompleteBurst(b *testing.B) {
	ix := testindex.WarAndPeace(b)
	h := start(b, setup{search: ix})
	typed := "the old prince bolkonsky and his daughter princess mary at bald hills"
	var took []time.Duration
	var mu sync.Mutex
	inTime, total := 0, 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var wg sync.WaitGroup
		for j := range 300 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sent := time.Now()
				in, err := h.fake.Autocomplete(alice, "quote", discordtest.Focused(discordtest.String("phrase", typed[:1+j%len(typed)])))
				if err != nil {
					b.Error(err)
					return
				}
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				_, err = in.Response(ctx)
				d := time.Since(sent)
				mu.Lock()
				total++
				if err == nil && d <= 3*time.Second {
					inTime++
				}
				took = append(took, d)
				mu.Unlock()
				in.Forget()
			}()
		}
		wg.Wait()
	}
	b.StopTimer()
	b.ReportMetric(float64(inTime)/float64(max(total, 1))*300, "answered-in-3s/300")
	percentiles(b, took, "autocomplete")
}

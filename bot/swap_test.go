package bot

import (
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/bot/discordtest"
	"github.com/lectern-bot/lectern/internal/testindex"
)

// TestSwapAnswersFromTheNewIndex swaps the index under a running bot, as
// serve does when the corpus changes: answers and autocomplete come from
// the new one.
func TestSwapAnswersFromTheNewIndex(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	_, ix := testindex.Folder(t, map[string]string{"lighthouse.txt": "The keeper of the lighthouse polished the great lens each night.\n"})
	h.bot.Swap(ix)
	tablesBuilt(t, h.bot)
	m := answer(t)(h.fake.Command(alice, "ask", discordtest.String("question", "Who polished the lens?")))
	if len(m.Embeds) == 0 || !strings.Contains(m.Embeds[0].Description, "lens") {
		t.Fatalf("after the swap: %+v", m)
	}
	ac, err := h.fake.Autocomplete(alice, "lines", discordtest.Focused(discordtest.String("text", "light")))
	if err != nil {
		t.Fatal(err)
	}
	r, err := ac.Response(waitCtx(t))
	if err != nil || len(r.Data.Choices) != 1 || !strings.Contains(r.Data.Choices[0].Name, "lighthouse") {
		t.Errorf("autocomplete after the swap: %+v (%v), want the lighthouse text", r.Data, err)
	}
}

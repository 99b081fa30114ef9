package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/synth"
)

func openStore(t testing.TB, dir string) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

var clock = func() time.Time { return time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC) }

func ingest(t testing.TB, p *Pipeline, docs []*news.Document) []Result {
	t.Helper()
	var out []Result
	if err := p.Ingest(context.Background(), docs, func(r Result) { out = append(out, r) }); err != nil {
		t.Fatal(err)
	}
	return out
}

// byOrigin indexes results by origin: exact duplicates are reported at once,
// new articles when their group is committed.
func byOrigin(rs []Result) map[string]Result {
	m := map[string]Result{}
	for _, r := range rs {
		m[r.Origin] = r
	}
	return m
}

func doc(origin, source, published, body string) *news.Document {
	d := &news.Document{Origin: origin, Format: news.FormatText, Source: source, Body: []byte(body)}
	if published != "" {
		d.Published, _ = time.Parse(time.RFC3339, published)
	}
	return d
}

const wire = `Dam operators open spillways as river Aldon rises

Engineers at the Kessel dam opened all four spillways on Thursday as the river Aldon rose to its highest level in forty years, the regional water authority said.

"We are releasing water in a controlled way to protect the structure," authority director Hanne Voss told reporters at the dam.

Villages downstream, including Ostrau and Lindel, were told to move cars and livestock to higher ground before nightfall.

The authority said the reservoir held 212 million cubic metres, eight percent above its design level, after five days of rain.

Emergency crews laid sandbags along the river banks in Ostrau, where the water was expected to peak early on Friday.`

func TestNearCopyInSameBatchIsLinkedAndCountedOnce(t *testing.T) {
	p, err := Open(context.Background(), openStore(t, t.TempDir()), Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	copyText := strings.Replace(strings.Replace(wire, "Dam operators open spillways as river Aldon rises", "River Aldon at 40-year high as Kessel dam opens spillways", 1),
		"before nightfall", "by nightfall", 1)
	res := ingest(t, p, []*news.Document{
		doc("wire.txt", "Wire", "2026-04-30T08:00:00Z", wire),
		doc("copy.txt", "Local Paper", "2026-04-30T09:00:00Z", copyText),
	})
	if len(res) != 2 || res[0].Status != StatusNew || res[1].Status != StatusNew {
		t.Fatalf("results %+v", res)
	}
	if res[1].DuplicateOf != res[0].ArticleID || res[1].StoryID != res[0].StoryID {
		t.Errorf("copy: duplicate_of %q story %q; want %q and %q", res[1].DuplicateOf, res[1].StoryID, res[0].ArticleID, res[0].StoryID)
	}
	s, err := p.st.Story(context.Background(), res[0].StoryID)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := p.st.Stories(context.Background(), store.ListOptions{})
	if len(s.Articles) != 2 || list[0].ArticleCount != 1 {
		t.Errorf("story holds %d articles and counts %d; want 2 held, counted once", len(s.Articles), list[0].ArticleCount)
	}
}

func TestExactDuplicateInBatchAndAcrossCalls(t *testing.T) {
	p, err := Open(context.Background(), openStore(t, t.TempDir()), Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	d := doc("a.txt", "Wire", "", wire)
	res := byOrigin(ingest(t, p, []*news.Document{d, doc("a-again.txt", "Wire", "", wire)}))
	if res["a.txt"].Status != StatusNew || res["a-again.txt"].Status != StatusDuplicate || res["a-again.txt"].ArticleID != res["a.txt"].ArticleID {
		t.Fatalf("same batch: %+v", res)
	}
	again := ingest(t, p, []*news.Document{d})
	if again[0].Status != StatusDuplicate {
		t.Fatalf("second call: %+v", again)
	}
}

func TestPerSourceLearningRemovesRecurringLines(t *testing.T) {
	p, err := Open(context.Background(), openStore(t, t.TempDir()), Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	// A promo line with a full stop that general cues would keep, repeated
	// by one outlet across different stories.
	promo := "Our reporters bring you the valley's news every morning."
	var docs []*news.Document
	for i, topic := range []string{"bridge repairs", "school budget", "harvest festival", "council vote"} {
		body := fmt.Sprintf("Story about %s\n\nThe town of Merrow discussed %s at length on day %d, and residents gave their views in a long meeting that ran late into the evening.\n\n%s\n\nOfficials promised a decision on the %s within the month, according to the mayor.", topic, topic, i, promo, topic)
		docs = append(docs, doc(fmt.Sprintf("%d.txt", i), "Valley Herald", "", body))
	}
	res := ingest(t, p, docs)
	for _, r := range res {
		a, err := p.st.Article(context.Background(), r.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(a.Text, promo) {
			t.Errorf("%s: recurring promo line kept", r.Origin)
		}
		if !strings.Contains(a.Text, "Officials promised a decision") {
			t.Errorf("%s: journalism lost: %q", r.Origin, a.Text)
		}
	}
}

func storyIDs(t testing.TB, dir string, docs []*news.Document) []string {
	p, err := Open(context.Background(), openStore(t, dir), Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range ingest(t, p, docs) {
		ids = append(ids, r.Origin+"="+r.StoryID)
	}
	return ids
}

func TestDeterministic(t *testing.T) {
	gen := synth.New(synth.Options{Seed: 7, ArticleBytes: 1500})
	var docs []*news.Document
	for range 120 {
		d, _ := gen.Next()
		docs = append(docs, d)
	}
	a := storyIDs(t, t.TempDir(), docs)
	b := storyIDs(t, t.TempDir(), docs)
	if strings.Join(a, ",") != strings.Join(b, ",") {
		t.Error("the same input gave different stories")
	}
}

func TestRestartContinuesStories(t *testing.T) {
	dir := t.TempDir()
	gen := synth.New(synth.Options{Seed: 3, ArticleBytes: 1500, PerEvent: 6})
	var docs []*news.Document
	var events []int
	for range 60 {
		d, ev := gen.Next()
		docs, events = append(docs, d), append(events, ev)
	}
	// Ingest in two runs with a restart between them.
	first := storyIDs(t, dir, docs[:30])
	second := storyIDs(t, dir, docs[30:])
	all := append(first, second...)
	story := func(i int) string { _, s, _ := strings.Cut(all[i], "="); return s }
	// Articles 29 and 30 straddle the restart; if they cover one event they
	// must share a story.
	checked := 0
	for i := 0; i < 30; i++ {
		for j := 30; j < 60; j++ {
			if events[i] != events[j] {
				continue
			}
			checked++
			if story(i) != story(j) {
				t.Errorf("articles %d and %d cover one event but were split by the restart", i, j)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no event straddles the restart: the test checks nothing")
	}
}

func TestNearCopyAfterRestartIsLinked(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, dir)
	p, err := Open(context.Background(), st, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	first := ingest(t, p, []*news.Document{doc("wire.txt", "Wire", "2026-04-30T08:00:00Z", wire)})
	if err := p.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// A new process: the duplicate index is rebuilt from the store.
	p2, err := Open(context.Background(), openStore(t, dir), Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	copyText := strings.Replace(wire, "Engineers at the Kessel dam", "Engineers at Kessel dam", 1)
	res := ingest(t, p2, []*news.Document{doc("copy.txt", "Local Paper", "2026-04-30T10:00:00Z", copyText)})
	if res[0].DuplicateOf != first[0].ArticleID || res[0].StoryID != first[0].StoryID {
		t.Errorf("copy after restart: duplicate_of %q story %q; want %q and %q", res[0].DuplicateOf, res[0].StoryID, first[0].ArticleID, first[0].StoryID)
	}
}

func TestBatchEdgeCases(t *testing.T) {
	gen := synth.New(synth.Options{Seed: 11, ArticleBytes: 800})
	var docs []*news.Document
	for range 300 {
		d, _ := gen.Next()
		d.Published = time.Time{} // undated: arrival order
		docs = append(docs, d)
	}
	// A byte-identical copy of the first document, two commit groups later.
	again := *docs[0]
	again.Origin = "again.txt"
	docs = append(docs, &again)
	future := doc("future.txt", "Wire", "9999-12-31T23:00:00-05:00", wire)
	short1 := doc("short1.txt", "Wire", "", "Storm warning\n\nDeveloping story.")
	short2 := doc("short2.txt", "Other", "", "Rail strike called off\n\nDeveloping story.")
	docs = append(docs, future, short1, short2)

	p, err := Open(context.Background(), openStore(t, t.TempDir()), Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	res := byOrigin(ingest(t, p, docs))
	if len(res) != len(docs) {
		t.Fatalf("%d results for %d documents", len(res), len(docs))
	}
	if r := res["again.txt"]; r.Status != StatusDuplicate || r.ArticleID != res[docs[0].Origin].ArticleID {
		t.Errorf("copy in a later group: %+v (original %+v)", r, res[docs[0].Origin])
	}
	if r := res["future.txt"]; r.Status != StatusFailed || !strings.Contains(r.Err.Error(), "not plausible") {
		t.Errorf("year-10000 date: %+v", r)
	}
	if r := res["short2.txt"]; r.Status != StatusNew || r.DuplicateOf != "" || r.StoryID == res["short1.txt"].StoryID {
		t.Errorf("two unrelated two-word texts linked: %+v / %+v", res["short1.txt"], r)
	}
	n, _, err := p.st.Counts(context.Background())
	if err != nil || n != 302 {
		t.Errorf("%d articles stored (%v), want 302", n, err)
	}
}

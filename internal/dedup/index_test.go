package dedup

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestIndexFindsCopiesAndForgetsTheOldest(t *testing.T) {
	h := New(Options{})
	wire, err := os.ReadFile("testdata/flood_wire.txt")
	if err != nil {
		t.Fatal(err)
	}
	other, err := os.ReadFile("testdata/court_wire.txt")
	if err != nil {
		t.Fatal(err)
	}
	copyText := strings.Replace(string(wire), "the", "a", 3)
	x := NewIndex(h, 2)
	x.Add(Ref{Seq: 1, ID: "wire", StoryID: "s1", Signature: h.Signature(string(wire))})
	x.Add(Ref{Seq: 2, ID: "court", StoryID: "s2", Signature: h.Signature(string(other))})
	sig := h.Signature(copyText)
	found := x.Candidates(h.BandKeys(sig))
	if len(found) != 1 || found[0].ID != "wire" || Similarity(sig, found[0].Signature) < Threshold {
		t.Fatalf("candidates for a light copy: %+v", found)
	}
	// A third article pushes the first out: capacity 2.
	x.Add(Ref{Seq: 3, ID: "third", Signature: h.Signature("an unrelated short note about the weather in the hills")})
	if x.Len() != 2 {
		t.Fatalf("holds %d, want 2", x.Len())
	}
	if found := x.Candidates(h.BandKeys(sig)); len(found) != 0 {
		t.Errorf("dropped article still found: %+v", found)
	}
	// Re-adding a held Seq changes nothing.
	x.Add(Ref{Seq: 3, ID: "again", Signature: h.Signature(string(wire))})
	if found := x.Candidates(h.BandKeys(sig)); len(found) != 0 {
		t.Errorf("duplicate Add replaced an entry: %+v", found)
	}
}

func TestIndexMemoryStaysBounded(t *testing.T) {
	h := New(Options{})
	x := NewIndex(h, 100)
	for i := range 1000 {
		x.Add(Ref{Seq: int64(i), Signature: h.Signature(fmt.Sprintf("article %d about topic %d with words %d", i, i%7, i*31))})
	}
	if x.Len() != 100 || len(x.order) != 100 {
		t.Fatalf("holds %d refs and %d in order, want 100", x.Len(), len(x.order))
	}
	for _, s := range x.keys {
		if s < 900 {
			t.Fatalf("key still points at dropped article %d", s)
		}
	}
	if len(x.keys) == 0 || len(x.keys) > 100*32 {
		t.Fatalf("%d keys held for 100 articles", len(x.keys))
	}
}

// BenchmarkIndex measures a lookup plus an insert (and an eviction) in a
// full index of 20,000 articles.
//
//	go test -bench Index -run '^$' ./internal/dedup
func BenchmarkIndex(b *testing.B) {
	h := New(Options{})
	x := NewIndex(h, 20000)
	sigs := make([][]uint64, 25000)
	for i := range sigs {
		sigs[i] = h.Signature(fmt.Sprintf("story %d about %d and %d, %d people in %d", i, i*7, i*13, i%97, i*31))
	}
	seq := int64(0)
	for range 20000 {
		x.Add(Ref{Seq: seq, Signature: sigs[seq%int64(len(sigs))]})
		seq++
	}
	b.ResetTimer()
	for b.Loop() {
		s := sigs[seq%int64(len(sigs))]
		x.Candidates(h.BandKeys(s))
		x.Add(Ref{Seq: seq, Signature: s})
		seq++
	}
}

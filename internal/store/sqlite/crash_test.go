package sqlite

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// crashChildEnv, when set to a directory, turns TestCrashSafety into the
// child process that writes to a store there until it is killed.
const crashChildEnv = "PARALLAX_SQLITE_CRASH_CHILD"

// TestCrashSafety kills a process with SIGKILL while it commits in a loop,
// then checks that every commit it reported as done survived and that the
// file is sound.
func TestCrashSafety(t *testing.T) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		crashChild(dir)
		return
	}
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashSafety$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	// Kill once enough commits are reported, at whatever point of the next
	// one the child has reached.
	const enough = 300
	reported := map[string]int64{}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() && len(reported) < enough {
		var id string
		var seq int64
		if _, err := fmt.Sscanf(sc.Text(), "committed %s %d", &id, &seq); err == nil {
			reported[id] = seq
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if len(reported) < enough {
		t.Fatalf("child reported %d commits before stopping; stderr:\n%s", len(reported), stderr.String())
	}

	db, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer db.Close()
	ctx := context.Background()
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	for id, seq := range reported {
		a, err := db.Article(ctx, id)
		if err != nil {
			t.Errorf("reported article %s lost: %v", id, err)
			continue
		}
		if a.Seq != seq {
			t.Errorf("article %s seq = %d, child reported %d", id, a.Seq, seq)
		}
	}
	articles, _, err := db.Counts(ctx)
	if err != nil || articles < len(reported) {
		t.Errorf("Counts = %d, %v; want at least %d", articles, err, len(reported))
	}
	// The store still takes writes.
	g := newCommitGen(t)
	g.n = 1 << 20
	if _, err := db.Commit(ctx, g.next("after the crash")); err != nil {
		t.Errorf("Commit after recovery: %v", err)
	}
}

// crashChild commits until killed, printing each article after its Commit
// returns. It exits by itself after a while in case the parent is gone.
func crashChild(dir string) {
	ctx := context.Background()
	db, err := Open(ctx, dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	g := newCommitGen(crashTB{})
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		c := g.next(strings.Repeat("crash test text. ", 50))
		seq, err := db.Commit(ctx, c)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Printf("committed %s %d\n", c.Article.ID, seq)
	}
	os.Exit(3)
}

// crashTB lets the child use the benchmark fixtures outside a test.
type crashTB struct{ testing.TB }

func (crashTB) Helper() {}
func (crashTB) Fatal(args ...any) {
	fmt.Fprintln(os.Stderr, args...)
	os.Exit(2)
}

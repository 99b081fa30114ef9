package sqlite

import (
	"slices"
	"sort"
	"testing"
	"time"
)

func TestTimeEncodingSortsAsTimes(t *testing.T) {
	base := time.Date(2024, 6, 30, 23, 59, 59, 0, time.UTC)
	times := []time.Time{
		{},
		base,
		base.Add(time.Nanosecond),
		base.Add(999 * time.Millisecond),
		base.Add(time.Second),
		base.In(time.FixedZone("UTC+14", 14*3600)).Add(time.Microsecond),
		time.Date(1999, 12, 31, 0, 0, 0, 0, time.FixedZone("UTC-12", -12*3600)),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC),
	}
	encoded := make([]string, len(times))
	for i, tm := range times {
		encoded[i] = formatTime(tm)
		back, err := parseTime(encoded[i])
		if err != nil {
			t.Fatalf("parseTime(%q): %v", encoded[i], err)
		}
		if !back.Equal(tm) || back.IsZero() != tm.IsZero() {
			t.Errorf("%v encoded %q decodes to %v", tm, encoded[i], back)
		}
	}
	byTime := slices.Clone(times)
	sort.Slice(byTime, func(i, j int) bool { return byTime[i].Before(byTime[j]) })
	byText := slices.Clone(times)
	sort.Slice(byText, func(i, j int) bool { return formatTime(byText[i]) < formatTime(byText[j]) })
	for i := range byTime {
		if !byTime[i].Equal(byText[i]) {
			t.Fatalf("text order differs from time order at %d: %v vs %v", i, byText[i], byTime[i])
		}
	}
}

func TestCheckTime(t *testing.T) {
	tests := []struct {
		name string
		t    time.Time
		ok   bool
	}{
		{"zero", time.Time{}, true},
		{"ordinary", time.Date(2024, 1, 2, 3, 4, 5, 6, time.UTC), true},
		{"year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{"negative year", time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), false},
	}
	for _, tc := range tests {
		if err := checkTime("t", tc.t); (err == nil) != tc.ok {
			t.Errorf("%s: checkTime = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

func TestSignatureEncoding(t *testing.T) {
	for _, sig := range [][]uint64{nil, {0}, {1, 2, 3}, {1 << 63, ^uint64(0)}} {
		got, err := decodeSignature(encodeSignature(sig))
		if err != nil || !slices.Equal(got, sig) {
			t.Errorf("round trip of %v = %v, %v", sig, got, err)
		}
	}
	if _, err := decodeSignature([]byte{1, 2, 3}); err == nil {
		t.Error("decodeSignature accepted 3 bytes")
	}
}

func TestKeyBitCast(t *testing.T) {
	for _, k := range []uint64{0, 1, 1<<63 - 1, 1 << 63, ^uint64(0)} {
		if got := keyFromSQL(keyToSQL(k)); got != k {
			t.Errorf("key %d round-trips to %d", k, got)
		}
	}
}

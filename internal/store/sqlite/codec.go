package sqlite

import (
	"encoding/binary"
	"fmt"
	"time"
)

// timeLayout is fixed width (nanoseconds always written, UTC always "Z") so
// that stored times compare correctly as text.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// formatTime encodes t for storage; the zero time is "", which sorts before
// every real time.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

// checkTime reports whether t can be stored without breaking the text
// ordering: only four-digit years keep the width fixed.
func checkTime(field string, t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if y := t.UTC().Year(); y < 0 || y > 9999 {
		return fmt.Errorf("%s %v: year outside 0000-9999", field, t)
	}
	return nil
}

// parseTime decodes a stored time; "" is the zero time.
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t, nil
}

// SQLite integers are signed 64-bit, so uint64 keys are stored bit-cast to
// int64: keys with the high bit set become negative numbers in SQL and come
// back unchanged. Only equality is ever asked of them, never order.
func keyToSQL(k uint64) int64   { return int64(k) }
func keyFromSQL(v int64) uint64 { return uint64(v) }

// encodeSignature packs a MinHash signature as little-endian uint64s.
func encodeSignature(sig []uint64) []byte {
	if len(sig) == 0 {
		return nil
	}
	b := make([]byte, 8*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint64(b[8*i:], v)
	}
	return b
}

// decodeSignature unpacks what encodeSignature wrote.
func decodeSignature(b []byte) ([]uint64, error) {
	if len(b)%8 != 0 {
		return nil, fmt.Errorf("stored signature of %d bytes is not a whole number of uint64s", len(b))
	}
	if len(b) == 0 {
		return nil, nil
	}
	sig := make([]uint64, len(b)/8)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return sig, nil
}

// dedupKeys returns keys without repeats, first occurrence kept, so a batch
// insert never hits the same primary key twice.
func dedupKeys(keys []uint64) []uint64 {
	if len(keys) < 2 {
		return keys
	}
	seen := make(map[uint64]struct{}, len(keys))
	out := make([]uint64, 0, len(keys))
	for _, k := range keys {
		if _, ok := seen[k]; !ok {
			seen[k] = struct{}{}
			out = append(out, k)
		}
	}
	return out
}

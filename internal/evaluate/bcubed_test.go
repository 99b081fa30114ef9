package evaluate

import (
	"math"
	"testing"
)

func TestBCubed(t *testing.T) {
	tests := []struct {
		name           string
		pred, gold     []string
		wantP, wantR   float64
		wantSingletons float64
	}{
		{"perfect", []string{"x", "x", "y"}, []string{"a", "a", "b"}, 1, 1, 0.5},
		{"all merged", []string{"x", "x", "x", "x"}, []string{"a", "a", "b", "b"}, 0.5, 1, 0},
		{"all split", []string{"1", "2", "3", "4"}, []string{"a", "a", "b", "b"}, 1, 0.5, 1},
		// item1: story {1,2,3} gold a={1,2}: p=2/3 r=1; item2 same; item3: p=1/3 r=1/2 (gold b={3,4}); item4: p=1 r=1/2
		{"mixed", []string{"x", "x", "x", "y"}, []string{"a", "a", "b", "b"}, (2.0/3 + 2.0/3 + 1.0/3 + 1) / 4, (1 + 1 + 0.5 + 0.5) / 4, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := BCubed(tt.pred, tt.gold)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(s.Precision-tt.wantP) > 1e-9 || math.Abs(s.Recall-tt.wantR) > 1e-9 || math.Abs(s.Singletons-tt.wantSingletons) > 1e-9 {
				t.Errorf("got %v, want P=%v R=%v singletons=%v", s, tt.wantP, tt.wantR, tt.wantSingletons)
			}
			wantF := 2 * tt.wantP * tt.wantR / (tt.wantP + tt.wantR)
			if math.Abs(s.F1-wantF) > 1e-9 {
				t.Errorf("F1 = %v, want %v", s.F1, wantF)
			}
		})
	}
	if _, err := BCubed([]string{"x"}, nil); err == nil {
		t.Error("length mismatch accepted")
	}
	if _, err := BCubed(nil, nil); err == nil {
		t.Error("empty input accepted")
	}
}

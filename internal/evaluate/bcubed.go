// Package evaluate owns Parallax's quality measures: B-cubed scoring of
// story clustering against gold labels. It is pure: labels in, scores out.
package evaluate

import "fmt"

// Scores are B-cubed precision, recall and F1 averaged over items, plus the
// share of predicted stories that hold a single item.
type Scores struct {
	Items      int
	Precision  float64
	Recall     float64
	F1         float64
	Stories    int
	Gold       int
	Singletons float64 // share of predicted stories with one item
}

func (s Scores) String() string {
	return fmt.Sprintf("items=%d stories=%d gold=%d P=%.4f R=%.4f F1=%.4f singletons=%.3f",
		s.Items, s.Stories, s.Gold, s.Precision, s.Recall, s.F1, s.Singletons)
}

// BCubed scores predicted against gold, both indexed by item: predicted[i]
// and gold[i] are item i's story and gold label. For each item, precision is
// the share of its predicted story that shares its gold label, and recall the
// share of its gold cluster that shares its predicted story.
func BCubed(predicted, gold []string) (Scores, error) {
	if len(predicted) != len(gold) {
		return Scores{}, fmt.Errorf("bcubed: %d predictions for %d gold labels", len(predicted), len(gold))
	}
	n := len(gold)
	if n == 0 {
		return Scores{}, fmt.Errorf("bcubed: no items")
	}
	type pair struct{ p, g string }
	both := map[pair]int{}
	pSize := map[string]int{}
	gSize := map[string]int{}
	for i := range gold {
		both[pair{predicted[i], gold[i]}]++
		pSize[predicted[i]]++
		gSize[gold[i]]++
	}
	var p, r float64
	for i := range gold {
		common := float64(both[pair{predicted[i], gold[i]}])
		p += common / float64(pSize[predicted[i]])
		r += common / float64(gSize[gold[i]])
	}
	s := Scores{Items: n, Precision: p / float64(n), Recall: r / float64(n), Stories: len(pSize), Gold: len(gSize)}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	single := 0
	for _, c := range pSize {
		if c == 1 {
			single++
		}
	}
	s.Singletons = float64(single) / float64(len(pSize))
	return s, nil
}

package clean

// Per-source learning: a site prints its furniture on every page, so a
// line met in many of a source's earlier articles is the site's, not the
// journalist's. Recurrence alone is weak evidence for prose, though: a
// wire story is re-sent many times as it develops, and each update repeats
// the background paragraphs of the one before; a source whose articles are
// all updates of one story would see its reporting vanish. So the evidence
// asked for grows with how much a line reads like journalism:
//
//   - A line that is not a sentence (label, site name, headline, link) is
//     recurring when at least 2 earlier articles have it and they are at
//     least a fifth of the source's articles. Outside the body (head and
//     tail) one earlier article is enough to name the reason, since those
//     lines go anyway.
//   - A sentence of under 20 words is recurring when at least 3 earlier
//     articles have it and they are at least half of the source's, and
//     the article is not an update of an earlier one: when two or more of
//     its long prose lines were seen before, what it shares is reporting.
//   - A sentence of 20 words or more is never dropped for recurring alone:
//     that is the shape of a background paragraph, and losing one costs
//     more than keeping a long boilerplate blurb (which the general cues
//     usually catch anyway).
//
// The title line is exempt (see titleCandidate): updates of a story share it.

// recurMinSentence is the length from which prose is never dropped for
// recurring alone.
const recurMinSentence = 20

// learn marks recurring lines and reports whether the article looks like
// an update of an earlier one (two or more long prose lines seen before).
func learn(ls []*line, p *Profile) bool {
	if p == nil || len(p.Counts) == 0 {
		return false
	}
	n := p.Articles
	shared := 0
	for _, l := range ls {
		l.seen = p.Counts[l.key]
		if n < l.seen {
			n = l.seen // a profile that undercounts its articles
		}
		if l.seen > 0 && l.sentence() && l.words >= recurMinSentence {
			shared++
		}
	}
	for _, l := range ls {
		if l.reason != "" || l.seen == 0 {
			continue
		}
		if recurring(l, n, shared >= 2) {
			l.reason = "recurring"
		}
	}
	return shared >= 2
}

func recurring(l *line, n int, update bool) bool {
	c := l.seen
	switch {
	case !l.sentence():
		return c >= 2 && 5*c >= n
	case l.words < recurMinSentence:
		return !update && c >= 3 && 2*c >= n
	}
	return false
}

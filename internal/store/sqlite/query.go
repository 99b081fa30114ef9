package sqlite

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrQuery is wrapped by Search errors caused by the query itself (as
// opposed to the database): the caller should show them to the user.
var ErrQuery = errors.New("unusable search query")

// maxQueryTerms bounds the work one query can ask for.
const maxQueryTerms = 64

// queryTerm is a word or a quoted phrase.
type queryTerm struct {
	text   string
	phrase bool
}

// parsedQuery is the user's query: every clause must match (a clause
// matches when any of its alternatives does) and no excluded term may.
type parsedQuery struct {
	must    [][]queryTerm
	exclude []queryTerm
}

// queryToken is one lexical item of the user syntax.
type queryToken struct {
	term queryTerm
	neg  bool // -word or -"phrase"
	or   bool // the bare word OR
}

func isSep(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }

// lexQuery splits a user query into tokens. It accepts every input: an
// unterminated quote runs to the end, a lone "-" is ignored.
func lexQuery(q string) []queryToken {
	// FTS5 reads its query as a C string: a NUL would end it inside a
	// quoted term. Control characters and broken UTF-8 only separate words.
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(q, " "))
	var toks []queryToken
	for i := 0; i < len(q); {
		r, size := utf8.DecodeRuneInString(q[i:])
		if isSep(r) {
			i += size
			continue
		}
		var tok queryToken
		if r == '-' {
			tok.neg = true
			i += size
			if i >= len(q) {
				break
			}
			if r, _ = utf8.DecodeRuneInString(q[i:]); isSep(r) {
				continue
			}
		}
		if q[i] == '"' {
			end := strings.IndexByte(q[i+1:], '"')
			if end < 0 {
				end = len(q) - i - 1
			}
			tok.term = queryTerm{text: q[i+1 : i+1+end], phrase: true}
			i += end + 2
		} else {
			end := strings.IndexFunc(q[i:], func(r rune) bool { return isSep(r) || r == '"' })
			if end < 0 {
				end = len(q) - i
			}
			tok.term = queryTerm{text: q[i : i+end]}
			i += end
			tok.or = !tok.neg && tok.term.text == "OR"
		}
		toks = append(toks, tok)
	}
	return toks
}

// searchable reports whether s holds anything the full-text tokenizer
// indexes; a term without letters or digits can match nothing.
func searchable(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsNumber(r)
	}) >= 0
}

// parseQuery turns the user syntax into clauses. OR joins the terms on
// either side; an OR with nothing on one side is ignored.
func parseQuery(q string) (parsedQuery, error) {
	var p parsedQuery
	pendingOr := false
	terms := 0
	for _, tok := range lexQuery(q) {
		if tok.or {
			pendingOr = len(p.must) > 0
			continue
		}
		if !searchable(tok.term.text) {
			continue
		}
		if terms++; terms > maxQueryTerms {
			return parsedQuery{}, fmt.Errorf("search %q: more than %d terms: %w", q, maxQueryTerms, ErrQuery)
		}
		switch {
		case tok.neg:
			p.exclude = append(p.exclude, tok.term)
			pendingOr = false
			continue
		case pendingOr:
			last := len(p.must) - 1
			p.must[last] = append(p.must[last], tok.term)
		default:
			p.must = append(p.must, []queryTerm{tok.term})
		}
		pendingOr = false
	}
	if len(p.must) == 0 && len(p.exclude) > 0 {
		return parsedQuery{}, fmt.Errorf("search %q: every term is excluded; give a word to look for: %w", q, ErrQuery)
	}
	return p, nil
}

// fts5String quotes s as an FTS5 string: inside one, every character is
// literal, so no operator or column filter can be smuggled in.
func fts5String(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// match renders the query as an FTS5 MATCH expression, or "" when it has
// nothing to look for.
func (p parsedQuery) match() string {
	if len(p.must) == 0 {
		return ""
	}
	var b strings.Builder
	for i, clause := range p.must {
		if i > 0 {
			b.WriteString(" AND ")
		}
		if len(clause) > 1 {
			b.WriteByte('(')
		}
		for j, t := range clause {
			if j > 0 {
				b.WriteString(" OR ")
			}
			b.WriteString(fts5String(t.text))
		}
		if len(clause) > 1 {
			b.WriteByte(')')
		}
	}
	if len(p.exclude) == 0 {
		return b.String()
	}
	var out strings.Builder
	out.WriteByte('(')
	out.WriteString(b.String())
	out.WriteString(") NOT (")
	for i, t := range p.exclude {
		if i > 0 {
			out.WriteString(" OR ")
		}
		out.WriteString(fts5String(t.text))
	}
	out.WriteByte(')')
	return out.String()
}

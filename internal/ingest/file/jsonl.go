package file

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/news"
)

// jsonl reads a JSON Lines stream, one article per non-empty line. A bad
// line is reported with its number and the rest go on. The stream as a
// whole is not bounded by MaxSize, each line is.
func (r *reader) jsonl(p string, br *bufio.Reader) error {
	if head, _ := br.Peek(binarySample); bytes.IndexByte(head, 0) >= 0 {
		return r.fail(p, 0, news.ErrBinary)
	}
	limit := r.opt.maxSize()
	var buf []byte
	lines, articles := 0, 0
	for {
		line, tooLong, readErr := readLine(br, buf[:0], limit)
		buf = line
		if readErr != nil && len(line) == 0 && !tooLong {
			if readErr != io.EOF {
				return r.fail(p, lines+1, readErr)
			}
			break
		}
		lines++
		if lines == 1 {
			line = bytes.TrimPrefix(line, bomUTF8)
		}
		line = bytes.TrimSpace(line)
		var err error
		switch {
		case tooLong:
			articles++
			err = r.fail(p, lines, tooLarge(-1, limit))
		case len(line) == 0:
		default:
			articles++
			var doc *news.Document
			if doc, err = parseLine(line); err != nil {
				err = r.fail(p, lines, err)
				break
			}
			if doc.Origin == "" {
				doc.Origin = fmt.Sprintf("%s:%d", p, lines)
			}
			err = r.emit(doc)
		}
		if err != nil {
			return err
		}
		if readErr != nil {
			if readErr != io.EOF {
				return r.fail(p, lines, readErr)
			}
			break
		}
	}
	if articles == 0 {
		return r.fail(p, 0, news.ErrEmpty)
	}
	return nil
}

// readLine appends the next line of br, without its "\n", to buf. A line
// longer than limit is consumed but not kept, and reported by tooLong.
func readLine(br *bufio.Reader, buf []byte, limit int64) (line []byte, tooLong bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		frag = bytes.TrimSuffix(frag, []byte("\n"))
		if !tooLong {
			if int64(len(buf)+len(frag)) > limit {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, frag...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return buf, tooLong, err
	}
}

// parseLine reads one JSON Lines article. The line must be valid UTF-8
// and an object with a non-empty "text".
func parseLine(line []byte) (*news.Document, error) {
	if !utf8.Valid(line) {
		return nil, encodingError(line)
	}
	if len(line) == 0 || line[0] != '{' {
		return nil, errors.New("not a JSON object")
	}
	// One line of a JSON Lines export. What Parallax assigns itself on
	// import (id, duplicate_of, story) is read and ignored.
	var a export.Article
	if err := json.Unmarshal(line, &a); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if len(bytes.TrimSpace([]byte(a.Text))) == 0 {
		return nil, fmt.Errorf("%w: no \"text\"", news.ErrEmpty)
	}
	doc := &news.Document{
		Origin:   a.Origin,
		Format:   news.FormatArticle,
		Body:     []byte(a.Text),
		Source:   a.Source,
		URL:      a.URL,
		Title:    a.Title,
		Byline:   a.Byline,
		Language: a.Language,
	}
	if a.Published != "" {
		t, err := ParseTime(a.Published)
		if err != nil {
			return nil, fmt.Errorf("published: %w", err)
		}
		doc.Published = t
	}
	return doc, nil
}

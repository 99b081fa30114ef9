package file

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// format is how a file is to be read, decided before its content is seen.
type format int

const (
	formatText    format = iota
	formatHTML           // passed through raw
	formatJSONL          // one article per line
	formatSniff          // explicitly named, unknown extension: HTML or text
	formatUnknown        // stdin: HTML, JSON Lines or text
)

// formatOf maps a file name's extension, ignoring case, to its format.
func formatOf(name string) (format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md":
		return formatText, true
	case ".html", ".htm", ".xhtml":
		return formatHTML, true
	case ".jsonl", ".ndjson":
		return formatJSONL, true
	}
	return 0, false
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// sniffSize is how much of stdin is looked at to tell its format.
const sniffSize = 4096

// stream reads one input of format f from rd and delivers what it holds.
// size is rd's size when known (a regular file), else -1.
func (r *reader) stream(p string, rd io.Reader, size int64, f format) error {
	if f == formatUnknown || f == formatJSONL {
		br := bufio.NewReaderSize(rd, 64<<10)
		if f == formatUnknown {
			head, _ := br.Peek(sniffSize) // a short read is fine: we sniff what there is
			switch {
			case looksJSON(head):
				f = formatJSONL
			case looksHTML(head):
				f = formatHTML
			default:
				f = formatText
			}
		}
		if f == formatJSONL {
			return r.jsonl(p, br)
		}
		rd = br
	}
	limit := r.opt.maxSize()
	data, err := readAll(rd, size, limit)
	if err != nil {
		return r.fail(p, 0, err)
	}
	var doc *news.Document
	switch f {
	case formatHTML:
		err = checkHTML(data)
		doc = &news.Document{Format: news.FormatHTML, Body: data}
	case formatSniff:
		if looksHTML(data) {
			err = checkHTML(data)
			doc = &news.Document{Format: news.FormatHTML, Body: data}
			break
		}
		doc, err = parseText(data)
		if errors.Is(err, news.ErrBinary) || errors.Is(err, news.ErrEncoding) {
			err = fmt.Errorf("%w: not text or HTML: %w", ErrUnsupported, err)
		}
	default:
		doc, err = parseText(data)
	}
	if err != nil {
		return r.fail(p, 0, err)
	}
	doc.Origin = p
	return r.emit(doc)
}

// readAll reads rd to the end, failing with news.ErrTooLarge past limit.
// The read is bounded even when Stat gave a size: stdin and special files
// have none, and a file may grow between Stat and read.
func readAll(rd io.Reader, size, limit int64) ([]byte, error) {
	// One byte over the size, so that a file read whole is seen to end
	// without growing the buffer.
	buf := make([]byte, 0, min(max(size, 511), limit)+1)
	rd = io.LimitReader(rd, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := rd.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(buf)) > limit {
		return nil, tooLarge(-1, limit)
	}
	return buf, nil
}

// checkHTML refuses HTML that is empty or binary. Its encoding is left to
// the extractor, which reads the page's declared charset.
func checkHTML(data []byte) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, bomUTF8))) == 0 {
		return news.ErrEmpty
	}
	if !bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, bomUTF16BE) && isBinary(data) {
		return news.ErrBinary
	}
	return nil
}

// textBytes validates text and returns it as UTF-8 without a byte order
// mark and with "\n" line ends. UTF-16 with a byte order mark is decoded.
func textBytes(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF16LE):
		data = decodeUTF16(data[2:], false)
	case bytes.HasPrefix(data, bomUTF16BE):
		data = decodeUTF16(data[2:], true)
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, news.ErrEmpty
	}
	if isBinary(data) {
		return nil, news.ErrBinary
	}
	if !utf8.Valid(data) {
		return nil, encodingError(data)
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return data, nil
}

func decodeUTF16(b []byte, bigEndian bool) []byte {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// binarySample is how much of the start of a file isBinary looks at.
const binarySample = 8 << 10

// isBinary reports whether data looks like something other than text: a
// NUL byte, or more than one byte in ten a control character that text
// does not use, within the first 8 KB.
func isBinary(data []byte) bool {
	sample := data[:min(len(data), binarySample)]
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	controls := 0
	for _, c := range sample {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			controls++
		}
	}
	return controls*10 > len(sample)
}

// encodingError describes invalid UTF-8: where it starts and what the
// bytes look like instead, so that the user knows what to convert from.
func encodingError(data []byte) error {
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	return fmt.Errorf("%w (byte offset %d; %s)", news.ErrEncoding, off, guessEncoding(data))
}

// guessEncoding names the likely encoding of data that is not valid UTF-8.
// Latin-1 and Windows-1252 put one high byte per accented letter among
// ASCII; other legacy encodings put high bytes in runs.
func guessEncoding(data []byte) string {
	data = data[:min(len(data), 64<<10)]
	var invalid, isolated, multi int
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			invalid++
			if (i == 0 || data[i-1] < utf8.RuneSelf) && (i+1 == len(data) || data[i+1] < utf8.RuneSelf) {
				isolated++
			}
		case size > 1:
			multi++
		}
		i += max(size, 1)
	}
	switch {
	case multi > invalid:
		return "mostly UTF-8 with some corrupt bytes"
	case isolated*10 >= invalid*7:
		return "looks like Latin-1/Windows-1252"
	default:
		return "looks like a legacy 8-bit or multi-byte encoding"
	}
}

// skipSpace returns b without a leading UTF-8 byte order mark and ASCII
// white space.
func skipSpace(b []byte) []byte {
	return bytes.TrimLeft(bytes.TrimPrefix(b, bomUTF8), " \t\r\n\f\v")
}

func looksJSON(head []byte) bool {
	head = skipSpace(head)
	return len(head) > 0 && head[0] == '{'
}

// looksHTML reports whether data starts, after a byte order mark, white
// space, comments and an XML declaration, with a tag only HTML starts with.
func looksHTML(data []byte) bool {
	b := data[:min(len(data), sniffSize)]
	for {
		b = skipSpace(b)
		switch {
		case bytes.HasPrefix(b, []byte("<!--")):
			end := bytes.Index(b, []byte("-->"))
			if end < 0 {
				return false
			}
			b = b[end+3:]
			continue
		case bytes.HasPrefix(b, []byte("<?xml")):
			end := bytes.Index(b, []byte("?>"))
			if end < 0 {
				return false
			}
			b = b[end+2:]
			continue
		}
		break
	}
	for _, tag := range []string{"<!doctype", "<html", "<head", "<body"} {
		if len(b) >= len(tag) && strings.EqualFold(string(b[:len(tag)]), tag) {
			rest := b[len(tag):]
			// "<header>" and "<bodyguard>" are not "<head" and "<body".
			return len(rest) == 0 || !isNameByte(rest[0])
		}
	}
	return false
}

func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == ':'
}

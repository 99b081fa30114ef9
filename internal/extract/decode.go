package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// charsetScan is how far into the page a charset declaration is looked for.
// The HTML standard says 1024 bytes, but real pages put long <head>s before
// it; a little more costs nothing.
const charsetScan = 8 << 10

// decode returns the page as valid UTF-8. Valid UTF-8 is kept as it is
// (whatever the page declares, since mislabelled UTF-8 is far more common
// than Latin-1 that happens to be valid UTF-8). Otherwise a UTF-16 byte order
// mark, then the declared charset, decides; with no usable declaration a
// page that is mostly UTF-8 with a few broken bytes is repaired, and anything
// else is read as Windows-1252, the web's de-facto default.
func decode(page []byte) []byte {
	if utf8.Valid(page) {
		return bytes.TrimPrefix(page, []byte("\xef\xbb\xbf"))
	}
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(page, []byte{0xfe, 0xff}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(page, []byte{0xff, 0xfe}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	default:
		if label := declaredCharset(page); label != "" {
			e, name := charset.Lookup(label)
			// A page that could declare its charset in ASCII is not
			// UTF-16 whatever it says; UTF-8 is handled below.
			if e != nil && name != "utf-8" && !strings.HasPrefix(name, "utf-16") {
				enc = e
			}
		}
	}
	if enc == nil {
		if mostlyUTF8(page) {
			return bytes.ToValidUTF8(page, []byte("\uFFFD"))
		}
		enc = charmap.Windows1252
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		out, _ = charmap.Windows1252.NewDecoder().Bytes(page)
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD"))
}

// declaredCharset finds the first "charset=" label near the top of the page,
// which covers both <meta charset="x"> and the http-equiv Content-Type form.
func declaredCharset(page []byte) string {
	head := page
	if len(head) > charsetScan {
		head = head[:charsetScan]
	}
	lower := bytes.ToLower(head)
	for from := 0; ; {
		i := bytes.Index(lower[from:], []byte("charset"))
		if i < 0 {
			return ""
		}
		j := from + i + len("charset")
		from = j
		for j < len(lower) && (lower[j] == ' ' || lower[j] == '\t') {
			j++
		}
		if j >= len(lower) || lower[j] != '=' {
			continue
		}
		j++
		for j < len(lower) && (lower[j] == ' ' || lower[j] == '"' || lower[j] == '\'') {
			j++
		}
		k := j
		for k < len(lower) && isLabelByte(lower[k]) {
			k++
		}
		if k > j {
			return string(lower[j:k])
		}
	}
}

func isLabelByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.'
}

// mostlyUTF8 reports whether the bytes are UTF-8 with a little damage: at
// least four well-formed multi-byte sequences for every invalid byte.
func mostlyUTF8(b []byte) bool {
	var good, bad int
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			good++
		}
		b = b[size:]
	}
	return good >= 4*bad && good > 0
}

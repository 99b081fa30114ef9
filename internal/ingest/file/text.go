package file

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// headerField maps a header key, lowercased, to the Document field it
// sets. Author and Byline are the same; so are Published and Date.
var headerField = map[string]string{
	"title":     "title",
	"source":    "source",
	"url":       "url",
	"published": "published",
	"date":      "published",
	"author":    "byline",
	"byline":    "byline",
	"language":  "language",
}

// parseText validates a text file and reads its metadata header, if any.
func parseText(data []byte) (*news.Document, error) {
	data, err := textBytes(data)
	if err != nil {
		return nil, err
	}
	fields, body := splitHeader(data)
	body = bytes.TrimLeft(body, "\n")
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, fmt.Errorf("%w: no text after the header", news.ErrEmpty)
	}
	doc := &news.Document{Format: news.FormatText, Body: body}
	if err := setFields(doc, fields); err != nil {
		return nil, err
	}
	return doc, nil
}

// field is one recognised header line: which Document field, what value.
type field struct{ name, value string }

// splitHeader separates a metadata header from the text. Two forms are
// recognised at the very top:
//
//   - "Key: value" lines ended by a blank line, where every line is a
//     recognised key: text that merely starts with "Washington: ..." is not
//     a header;
//   - "---" front matter ended by "---", holding "key: value" lines (quotes
//     around values stripped; other keys, comments and list items ignored).
//
// With neither, fields is nil and body is data.
func splitHeader(data []byte) (fields []field, body []byte) {
	if f, b, ok := frontMatter(data); ok {
		return f, b
	}
	rest := data
	for {
		line, after, found := bytes.Cut(rest, []byte("\n"))
		if !found {
			return nil, data // no blank line: all of it is text
		}
		rest = after
		if len(bytes.TrimSpace(line)) == 0 {
			if len(fields) == 0 {
				return nil, data
			}
			return fields, rest
		}
		key, value, ok := keyValue(string(line))
		name := headerField[key]
		if !ok || name == "" {
			return nil, data
		}
		fields = append(fields, field{name, value})
	}
}

// frontMatter reads "---" front matter. It insists that every line inside
// is a key, a list item, a continuation or a comment, so that text opening
// with a "---" rule is not taken for front matter.
func frontMatter(data []byte) (fields []field, body []byte, ok bool) {
	line, rest, found := bytes.Cut(data, []byte("\n"))
	if !found || string(bytes.TrimRight(line, " \t")) != "---" {
		return nil, nil, false
	}
	fields = []field{} // recognised front matter, even with no keys we use
	for {
		line, after, found := bytes.Cut(rest, []byte("\n"))
		s := strings.TrimRight(string(line), " \t")
		if s == "---" || s == "..." {
			return fields, after, true
		}
		if !found {
			return nil, nil, false
		}
		rest = after
		trimmed := strings.TrimSpace(s)
		switch {
		case trimmed == "", trimmed[0] == '#', trimmed[0] == '-', s[0] == ' ', s[0] == '\t':
			continue // blank, comment, list item or continuation: ignored
		}
		key, value, ok := keyValue(s)
		if !ok {
			return nil, nil, false
		}
		if name := headerField[key]; name != "" {
			fields = append(fields, field{name, unquote(value)})
		}
	}
}

// keyValue splits "Key: value", the key lowercased. A key is letters,
// digits, "_" and "-", starting with a letter, with no space before ":".
func keyValue(line string) (key, value string, ok bool) {
	key, value, found := strings.Cut(line, ":")
	if !found || key == "" {
		return "", "", false
	}
	for i, c := range key {
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || !('0' <= c && c <= '9' || c == '_' || c == '-')) {
			return "", "", false
		}
	}
	return strings.ToLower(key), strings.TrimSpace(value), true
}

func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

func setFields(doc *news.Document, fields []field) error {
	for _, f := range fields {
		switch f.name {
		case "title":
			doc.Title = f.value
		case "source":
			doc.Source = f.value
		case "url":
			doc.URL = f.value
		case "byline":
			doc.Byline = f.value
		case "language":
			doc.Language = f.value
		case "published":
			if f.value == "" {
				continue
			}
			t, err := ParseTime(f.value)
			if err != nil {
				return fmt.Errorf("header published: %w", err)
			}
			doc.Published = t
		}
	}
	return nil
}

// Package examples embeds Parallax's own example corpus (invented news, see
// README.md) so that `parallax demo` works from the binary alone.
package examples

import "embed"

// Corpus holds corpus/: one folder per outlet, one file per article.
//
//go:embed corpus
var Corpus embed.FS

// Labels is labels.tsv: each corpus file's gold event, for scoring.
//
//go:embed labels.tsv
var Labels []byte

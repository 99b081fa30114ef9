package extract

import (
	"flag"
	"fmt"
	"strings"
	"testing"
)

var debugTree = flag.Bool("debugtree", false, "print the element tree of -debugpage")

var debugPage = flag.String("debugpage", "", "id prefix of a development page to explain")

func TestDebugPage(t *testing.T) {
	if *debugPage == "" {
		t.Skip()
	}
	for _, p := range loadDev(t) {
		if !strings.HasPrefix(p.id, *debugPage) {
			continue
		}
		doc, _ := walk(decode(p.html))
		score(doc)
		best := bestContainer(doc)
		for i, e := range doc.elems {
			if (e.paraChars < 100 || !*debugTree) && i != best {
				continue
			}
			depth := 0
			for q := e.parent; q >= 0; q = doc.elems[q].parent {
				depth++
			}
			fmt.Printf("%s%d <%s class=%q id=%q> furn=%v boiler=%v para=%.0f good=%.0f bad=%.0f score=%.0f\n",
				strings.Repeat(" ", depth), i, e.node.Data, attr(e.node, "class"), attr(e.node, "id"), e.hint.furniture, e.boiler, e.paraChars, e.good, e.bad, e.score())
		}
		fmt.Println("best", best)
		res, _ := Extract(p.html, p.url, Options{})
		if res != nil {
			text := res.Text
			res.Text = ""
			fmt.Printf("%+v\n", *res)
			for _, blk := range strings.Split(text, "\n\n") {
				tp, fp, _ := shingleMatch(p.truth, blk)
				mark := "  "
				if fp > tp {
					mark = "XX"
				}
				fmt.Printf("%s %.100s\n", mark, blk)
			}
			fmt.Println("MISSED:")
			for _, blk := range strings.Split(p.truth, "\n") {
				if tp, _, fn := shingleMatch(blk, text); tp < fn && strings.TrimSpace(blk) != "" {
					fmt.Printf("-- %.100s\n", blk)
				}
			}
		}
	}
}

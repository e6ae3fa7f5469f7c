package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

func readerOf(r io.Reader) io.Reader { return bufio.NewReaderSize(r, 1<<20) }

func newWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 1<<20) }

// bar is a progress bar on a terminal line: "[#####.....]  50% 8/16".
// It draws when the work has at least minSteps steps, at most once per
// percent.
type bar struct {
	w       io.Writer
	quiet   bool
	last    int
	drawn   bool
	started time.Time
}

const minSteps = 4

func newBar(w io.Writer, quiet bool) *bar {
	return &bar{w: w, quiet: quiet, last: -1, started: time.Now()}
}

// report draws the bar for done of total steps.
func (b *bar) report(done, total int) {
	if b.quiet || total < minSteps {
		return
	}
	pct := 100 * done / total
	if pct == b.last {
		return
	}
	b.last = pct
	const width = 30
	fill := width * done / total
	fmt.Fprintf(b.w, "\r[%s%s] %3d%% %d/%d", strings.Repeat("#", fill), strings.Repeat(".", width-fill), pct, done, total)
	b.drawn = true
}

// finish ends the bar's line with the time taken.
func (b *bar) finish() {
	if b.drawn {
		fmt.Fprintf(b.w, " %.1fs\n", time.Since(b.started).Seconds())
	}
}

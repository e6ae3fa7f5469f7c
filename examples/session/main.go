// Command session is a short NumPy session written with ndkit, line for
// line: load a CSV, normalise its columns, mask outliers, draw a random
// sample, fit a line by least squares, save the result. The NumPy it
// mirrors is in the comment above each step.
//
//	go run ./examples/session
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"

	"github.com/ndkit/ndkit/linalg"
	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/random"
	"github.com/ndkit/ndkit/textio"
)

func main() {
	csv := makeCSV()

	// data = np.loadtxt(f, delimiter=",", skiprows=1)
	data, err := textio.LoadTxt[float64](bytes.NewReader(csv), textio.LoadTxtOptions{Delimiter: ",", SkipRows: 1})
	check(err)
	fmt.Println("data:", data.Shape())

	// mu, sd = data.mean(axis=0), data.std(axis=0)
	mu := ndview.MeanAxis(data, 0)
	sd := ndview.StdAxis[float64](data, 0, 0)
	fmt.Printf("mean %.3f, std %.3f\n", mu.ToSlice(), sd.ToSlice())

	// z = (data - mu) / sd
	z := ndview.Div(ndview.Sub(data, mu), sd)

	// keep = data[np.abs(z).max(axis=1) <= 3]
	inlier := ndview.LessEqual(ndview.MaxAxis(ndview.Abs(z), 1), ndview.Scalar(3.0))
	keep, err := ndview.Compress(inlier, data, 0)
	check(err)
	fmt.Println("outliers removed:", data.Shape()[0]-keep.Shape()[0])

	// rng = np.random.default_rng(42); rows = rng.choice(len(keep), 3, replace=False)
	rng := random.New(42)
	rows, err := rng.Choice(keep.Shape()[0], []int{3}, false, nil)
	check(err)
	fmt.Println("sample rows:", rows.ToSlice())

	// X = np.column_stack([np.ones(n), keep[:, 0]]); coef = np.linalg.lstsq(X, keep[:, 1])[0]
	x := ndview.Must(keep.Index(":, 0"))
	y := ndview.Must(keep.Index(":, 1"))
	design := ndview.Must(ndview.ColumnStack(ndview.OnesLike(x), x))
	coef, _, _, _, err := linalg.Lstsq(design, y, -1)
	check(err)
	fmt.Printf("y ≈ %.2f + %.2f·x\n", coef.At(0), coef.At(1))

	// np.savetxt(out, z[:3], fmt="%.4f", delimiter=",")
	check(textio.SaveTxt(os.Stdout, ndview.Must(z.Index(":3")), textio.SaveTxtOptions{Fmt: []string{"%.4f"}, Delimiter: ","}))
}

// makeCSV writes the session's input: y = 2x + 1 plus noise, with two
// outliers, as a CSV with a header line.
func makeCSV() []byte {
	rng := random.New(7)
	x := rng.Uniform(0, 10, 200)
	noise := rng.Normal(0, 0.5, 200)
	y := ndview.Add(ndview.AddScalar(ndview.MulScalar(x, 2), 1), noise)
	y.Set(80, 10)
	y.Set(-60, 120)
	var buf bytes.Buffer
	table := ndview.Must(ndview.ColumnStack(x, y))
	check(textio.SaveTxt(&buf, table, textio.SaveTxtOptions{Fmt: []string{"%.6f"}, Delimiter: ",", Header: "x,y", NoComments: true}))
	return buf.Bytes()
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

package textio_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/textio"
)

// np.loadtxt(f, delimiter=",", usecols=(0, -1), skiprows=1)
func ExampleLoadTxt() {
	in := strings.NewReader("x,y,z\n1,2,3 # first\n\n4,5,6\n")
	v, err := textio.LoadTxt[float64](in, textio.LoadTxtOptions{Delimiter: ",", UseCols: []int{0, -1}, SkipRows: 1})
	fmt.Println(v.Shape(), v, err)

	_, err = textio.LoadTxt[int](strings.NewReader("1 2\n3 4.5\n"), textio.LoadTxtOptions{})
	fmt.Println(err)
	// Output:
	// [2 2] [[1 3]
	//  [4 6]] <nil>
	// textio: LoadTxt: line 2, column 2: could not convert "4.5" to int64
}

// np.savetxt(sys.stdout, a.T, fmt="%.2f", delimiter=",", header="a,b,c")
func ExampleSaveTxt() {
	a := ndview.Must(ndview.FromSlice([]float64{1, 2, 3, 4.5, 5, 6}, 2, 3))
	err := textio.SaveTxt(os.Stdout, a.T(), textio.SaveTxtOptions{Fmt: []string{"%.2f"}, Delimiter: ",", Header: "a,b"})
	fmt.Println(err)
	// Output:
	// # a,b
	// 1.00,4.50
	// 2.00,5.00
	// 3.00,6.00
	// <nil>
}

// np.genfromtxt(f, delimiter=",", missing_values="N/A", filling_values=0, usemask=True)
func ExampleGenFromTxt() {
	in := strings.NewReader("1,,3\n4,N/A,6\n")
	t, err := textio.GenFromTxt[float64](in, textio.GenFromTxtOptions[float64]{
		Delimiter: ",", MissingValues: []string{"N/A"}, FillingValues: []float64{0},
	})
	fmt.Println(t.Data, err)
	fmt.Println(t.Missing)
	// Output:
	// [[1 0 3]
	//  [4 0 6]] <nil>
	// [[false  true false]
	//  [false  true false]]
}

package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

func ExampleArange() {
	// NumPy: np.arange(1, 1.3, 0.1) has 4 elements, and the last passes
	// stop: its length is ceil((1.3 - 1)/0.1) = ceil(3.0000000000000004).
	fmt.Println(ndview.Arange(1, 1.3, 0.1).ToSlice())
	fmt.Println(ndview.Arange(10, 0, -3).ToSlice()) // np.arange(10, 0, -3)
	fmt.Println(ndview.ArangeN[int](5).ToSlice())   // np.arange(5)
	// Output:
	// [1 1.1 1.2000000000000002 1.3000000000000003]
	// [10 7 4 1]
	// [0 1 2 3 4]
}

func ExampleLinspace() {
	// NumPy: np.linspace(0, 1, 5) and np.linspace(0, 1, 5, endpoint=False)
	fmt.Println(ndview.Linspace(0.0, 1, 5, true).ToSlice())
	fmt.Println(ndview.Linspace(0.0, 1, 5, false).ToSlice())
	// np.linspace(0, 1, 3, retstep=True); integer types floor, as NumPy's.
	v, step := ndview.LinspaceStep(0.0, 1, 3, true)
	fmt.Println(v.ToSlice(), step, ndview.Linspace(-5, 5, 4, true).ToSlice())
	// Output:
	// [0 0.25 0.5 0.75 1]
	// [0 0.2 0.4 0.6000000000000001 0.8]
	// [0 0.5 1] 0.5 [-5 -2 1 5]
}

func ExampleGeomspace() {
	// NumPy: np.geomspace(1, 1000, 4), np.geomspace(-1, -1000, 4),
	// np.logspace(0, 4, 5, base=2)
	fmt.Println(ndview.Geomspace(1.0, 1000, 4, true).ToSlice())
	fmt.Println(ndview.Geomspace(-1.0, -1000, 4, true).ToSlice())
	fmt.Println(ndview.Logspace[float64](0, 4, 5, true, 2).ToSlice())
	// Output:
	// [1 10 100 1000]
	// [-1 -10 -100 -1000]
	// [1 2 4 8 16]
}

func ExampleFull() {
	// NumPy: np.full((2, 3), 7), np.ones(3, bool), np.zeros_like(a.T)
	fmt.Println(ndview.Full(7, 2, 3))
	fmt.Println(ndview.Ones[bool](3).ToSlice())
	a := ndview.Zeros[float32](2, 3)
	z := ndview.ZerosLike(a.T()) // order='K': a.T's memory order
	fmt.Println(z.Shape(), z.IsFContiguous())
	// Output:
	// [[7 7 7]
	//  [7 7 7]]
	// [true true true]
	// [3 2] true
}

func ExampleEye() {
	// NumPy: np.eye(3, 4, k=1, dtype=int), np.tri(3, dtype=int)
	fmt.Println(ndview.Eye[int](3, 4, 1))
	fmt.Println(ndview.Tri[int](3, 3, 0))
	// Output:
	// [[0 1 0 0]
	//  [0 0 1 0]
	//  [0 0 0 1]]
	// [[1 0 0]
	//  [1 1 0]
	//  [1 1 1]]
}

func ExampleTril() {
	// NumPy: np.tril(a, -1) and np.triu(a) on a stack of two matrices.
	data := make([]int, 12)
	for i := range data {
		data[i] = i + 1
	}
	a, _ := ndview.FromSlice(data, 2, 2, 3)
	fmt.Println(ndview.Tril(a, -1).ToSlice())
	fmt.Println(ndview.Triu(a, 0).ToSlice())
	// Output:
	// [0 0 0 4 0 0 0 0 0 10 0 0]
	// [1 2 3 0 5 6 7 8 9 0 11 12]
}

func ExampleDiag() {
	// NumPy: np.diag([1, 2], 1) builds; np.diag(m) extracts a view.
	v, _ := ndview.FromSlice([]int{1, 2})
	fmt.Println(ndview.Diag(v, 1))
	m, _ := ndview.FromSlice([]int{1, 2, 3, 4}, 2, 2)
	d := ndview.Diag(m, 0)
	d.Set(-4, 1) // writable, unlike NumPy's: it writes m's element (1, 1)
	fmt.Println(m.ToSlice())
	// Output:
	// [[0 1 0]
	//  [0 0 2]
	//  [0 0 0]]
	// [1 2 3 -4]
}

func ExampleMeshgrid() {
	// NumPy: xx, yy = np.meshgrid([1, 2, 3], [4, 5], copy=False)
	x, _ := ndview.FromSlice([]int{1, 2, 3})
	y, _ := ndview.FromSlice([]int{4, 5})
	g := ndview.Meshgrid(ndview.MeshXY, x, y)
	fmt.Println(g[0])
	fmt.Println(g[1])
	x.Set(10, 0) // the grids are views: the change shows through
	fmt.Println(g[0].At(1, 0), g[0].ReadOnly())
	fmt.Println(ndview.Indices(2, 3).ToSlice()) // np.indices((2, 3))
	// Output:
	// [[1 2 3]
	//  [1 2 3]]
	// [[4 4 4]
	//  [5 5 5]]
	// 10 true
	// [0 0 0 1 1 1 0 1 2 0 1 2]
}

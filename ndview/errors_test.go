package ndview

// Tests of the error values themselves (semantics.md E4-E6): every error
// names the operation the program called, and no code changes an error
// after making it.

import (
	"encoding/binary"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorOpNamesTheCall(t *testing.T) {
	// Operations built on FromSlice and Wrap report their own name, not
	// the name of the function they call.
	data := arange(6)
	v, err := FromSlice(data)
	require.NoError(t, err)
	b := make([]byte, 16)
	tests := []struct {
		op       string
		sentinel error
		err      error
	}{
		{"FromSlice", ErrShape, second(FromSlice(data, 4))},
		{"FromSlice", ErrShape, second(FromSlice(data, -6))},
		{"Wrap", ErrBounds, second(Wrap(data, 0, []int{7}, []int{1}))},
		{"AsStrided", ErrBounds, second(v.AsStrided([]int{7}, []int{1}))},
		{"AsStrided", ErrShape, second(v.AsStrided([]int{-1}, []int{1}))},
		{"AsStrided", ErrOverflow, second(v.AsStrided([]int{2, 2}, []int{maxInt, 1}))},
		{"FromBytes", ErrShape, second(FromBytes[uint16](b, 3))},
		{"FromBytes", ErrShape, second(FromBytes[uint16](b, -8))},
		{"FromBytes", ErrOverflow, second(FromBytes[uint16](b[:0], 0, maxInt))},
		{"DecodeBytes", ErrShape, second(DecodeBytes[uint16](b, binary.BigEndian, 3))},
		{"DecodeBytes", ErrShape, second(DecodeBytes[uint16](b, binary.BigEndian, -8))},
	}
	for _, tt := range tests {
		var e *Error
		require.True(t, errors.As(tt.err, &e), "%s: %v is not an *Error", tt.op, tt.err)
		assert.Equal(t, tt.op, e.Op, "%v", tt.err)
		assert.ErrorIs(t, tt.err, tt.sentinel)
		assert.True(t, strings.HasPrefix(tt.err.Error(), "ndview: "+tt.op+": "), "%q", tt.err)
	}
}

func TestErrorsNeverChange(t *testing.T) {
	// semantics.md E6: an error is built complete, with its Op, and never
	// changed after. No code of the module assigns to a field of an error
	// value (Op, Err, Msg, Cause) after making it; an operation that
	// reports an error for another passes its name down instead.
	fields := map[string]bool{"Op": true, "Err": true, "Msg": true, "Cause": true}
	root := ".."
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		checked++
		ast.Inspect(file, func(n ast.Node) bool {
			var lhs []ast.Expr
			switch s := n.(type) {
			case *ast.AssignStmt:
				lhs = s.Lhs
			case *ast.IncDecStmt:
				lhs = []ast.Expr{s.X}
			}
			for _, x := range lhs {
				if sel, ok := x.(*ast.SelectorExpr); ok && fields[sel.Sel.Name] {
					t.Errorf("%s: assigns to .%s of an existing value; build the error with it instead (semantics.md E6)",
						fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, checked, 20, "the walk found the module's files")
}

func TestIndexErrorMessage(t *testing.T) {
	// *IndexError writes its shape as every other message does, the way
	// NumPy writes a tuple (semantics.md E4, E5).
	tests := []struct {
		e    IndexError
		want string
	}{
		{IndexError{Op: "At", Axis: 1, Index: 7, Shape: []int{3, 4}},
			"ndview: At: index 7 out of range for axis 1 of size 4 (shape (3, 4))"},
		{IndexError{Op: "Set", Axis: 0, Index: -1, Shape: []int{5}},
			"ndview: Set: index -1 out of range for axis 0 of size 5 (shape (5,))"},
		{IndexError{Op: "At", Axis: 2, Index: 0, Shape: []int{2, 0, 0}},
			"ndview: At: index 0 out of range for axis 2 of size 0 (shape (2, 0, 0))"},
		{IndexError{Op: "At", Axis: 3, Index: 0, Shape: []int{}},
			"ndview: At: index 0 out of range for axis 3 of size 0 (shape ())"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.e.Error())
	}
	v, err := FromSlice(arange(12), 3, 4)
	require.NoError(t, err)
	msg := panics(t, ErrIndex, func() { v.At(0, 9) })
	assert.Equal(t, "ndview: At: index 9 out of range for axis 1 of size 4 (shape (3, 4))", msg)
}

func TestFormatShapePublic(t *testing.T) {
	// The one shape formatter, shared with interop, linalg and npy.
	assert.Equal(t, "()", FormatShape(nil))
	assert.Equal(t, "()", FormatShape([]int{}))
	assert.Equal(t, "(5,)", FormatShape([]int{5}))
	assert.Equal(t, "(2, 3)", FormatShape([]int{2, 3}))
	assert.Equal(t, "(0, -1, 9223372036854775807)", FormatShape([]int{0, -1, maxInt}))
}

// Package interop connects ndview views with gonum matrices and Go image
// buffers, both ways, without copying.
//
// Every function here is O(1): it reads a layout and builds a small
// header over the same memory, never a copy of the elements (the one
// exception, CopyImage16, says so in its name). A write through either
// side is seen through the other. Where the other library cannot describe
// a view's layout, the adapter returns an error naming the layout it
// needs, never a silent copy; ndview's Clone makes such a copy on demand.
//
// # gonum
//
//	view → gonum                          gonum → view
//	AsMatrix(v) mat.Matrix (any layout)   FromDense(*mat.Dense)
//	AsDense(v) (*mat.Dense, error)        FromVecDense(*mat.VecDense)
//	AsVecDense(v) (*mat.VecDense, error)  FromGeneral(blas64.General)
//	                                      FromVector(blas64.Vector)
//	AsCMatrix, AsCDense (complex128)      FromCDense(*mat.CDense)
//	AsGeneral32, AsVector32 (float32)     FromGeneral32, FromVector32
//	AsSymDense, AsTriDense                FromSymDense, FromTriDense
//
// gonum's raw storage is BLAS's row-major General: element (i, j) at
// Data[i·Stride+j], Stride >= Cols. A view has that layout when its column
// stride is 1 and its row stride is at least its column count (the stride
// of an axis of extent 1 does not matter); we call it row-major. AsDense
// and its twins accept exactly the writable, non-empty row-major views.
// A view whose transpose is row-major (a column-major view, such as v.T()
// of a row-major one) is shared through AsDense(v.T()).
//
// AsMatrix takes any 2-D view. The dynamic type of its result offers
// gonum's optional interfaces only where they are sound: mat.Mutable for
// writable views; mat.RawMatrixer for writable row-major views, so that
// gonum runs BLAS on them; mat.Untransposer for writable column-major
// views, so that gonum runs BLAS on their transpose. Other layouts
// (negative strides, steps, broadcast or read-only views) are read element
// by element through At, and gonum cannot mistake them for row-major
// storage. Like any gonum matrix without raw storage, such a matrix is not
// checked for overlap with the receiver of a gonum method (see "Element
// Aliasing" in gonum's documentation): do not write into a matrix that
// shares elements with an argument.
//
// The From functions view raw storage as it is: shape (Rows, Cols) and
// strides (Stride, 1), or length N and stride Inc, so sub-matrices made by
// Slice and columns made by ColView are viewed in place. Symmetric and
// triangular matrices are viewed as the whole stored square; only the
// triangle gonum reads is the matrix.
//
// # Images
//
// Go's image types keep pixels in a byte buffer Pix with a row stride
// Stride. FromImage views that buffer with the image's height and width
// as its first two axes:
//
//	image type                 view shape       strides
//	*image.RGBA, NRGBA, CMYK   (H, W, 4)        (Stride, 4, 1)
//	*image.Gray, Alpha         (H, W)           (Stride, 1)
//	*image.RGBA64, NRGBA64     (H, W, 4, 2)     (Stride, 8, 2, 1)
//	*image.Gray16, Alpha16     (H, W, 2)        (Stride, 2, 1)
//	*image.Paletted            (H, W)           (Stride, 1)   FromPaletted
//	*image.YCbCr, NYCbCrA      one view a plane               FromYCbCr, FromNYCbCrA
//
// View element (i, j, …) is pixel (Rect.Min.X+j, Rect.Min.Y+i), so a
// SubImage is viewed in place. The 16-bit types are viewed as bytes, a
// sample's high byte first, so that the view's C-order bytes are the
// image's rows; v.Index("..., 0") gives their 8-bit high bytes, and
// CopyImage16 decodes samples into a new uint16 view. Chroma planes have
// the shape their subsample ratio gives the image's Rect, following
// image.YCbCr.COffset (see FromYCbCr).
//
// Back to images: AsRGBA, AsNRGBA, AsCMYK, AsGray, AsAlpha, AsPaletted and
// the 16-bit AsRGBA64, AsNRGBA64, AsGray16, AsAlpha16 return the concrete
// image type, so image/draw's and image/png's fastest paths apply; they
// need the buffer layout of the table (contiguous within each row, a
// positive row stride no smaller than a row) and a writable view, and
// their Pix covers exactly the view. AsImage takes any 2-D or 3-D view, any
// strides (rotated, flipped, transposed, planar), and reads and writes
// each pixel through the view; it implements draw.RGBA64Image, so
// image/draw and image/png work with it at their generic speed.
//
// # Read-only views
//
// gonum's raw storage and an image's Pix are writable slices, so the
// adapters that expose them refuse read-only views (an error wrapping
// ndview.ErrReadOnly). AsMatrix and AsImage accept them: the matrix has no
// Set and no raw storage, and the image's Set panics.
//
// # Errors and panics
//
// Errors and panic values are *ndview.Error values (Op "interop.AsDense"
// and so on) wrapping ndview's sentinels, so errors.Is(err,
// ndview.ErrLayout) and its siblings classify them. Layouts that depend on
// the data given (a view's strides, an image's Stride and Pix, a type of
// image) give errors. Functions whose signature has no error panic only
// on inconsistent input that the other library's own accessors would
// misread as well (a Dense whose Data is shorter than its dimensions, a
// Y'CbCr plane too short for its Rect), and AsMatrix panics when its view
// is not 2-D, as gonum panics on mismatched dimensions.
package interop

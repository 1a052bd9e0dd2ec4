package build_test

import (
	"image"
	"image/png"
	"io"
)

func pngEncode(w io.Writer, width, height int) error {
	return png.Encode(w, image.NewGray(image.Rect(0, 0, width, height)))
}

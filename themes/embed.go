// Package themes holds the themes compiled into the binary. The default
// theme, helminauha, is used when the portal's folder has no
// themes/<name>/ of its own; render.Default reads it from FS.
package themes

import "embed"

// FS holds the default theme under the folder helminauha/: templates/,
// assets/ and static/. The all: prefix keeps templates/_*.html, the shared
// partials, which go:embed would otherwise leave out.
//
//go:embed all:helminauha
var FS embed.FS

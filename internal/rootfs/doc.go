// Package rootfs reads a folder the user owns, the content folder or the
// themes folder, so that nothing outside it is ever read and nothing in
// it can hang or exhaust a build.
//
// FS reads through an os.Root: a symbolic link that leads out of the
// folder (an absolute link, ../.git/config, /dev/zero, /proc/self/environ)
// is refused, not followed, so its target is never published, indexed or
// quoted in a message. A link to a file inside the folder is followed, as
// if the file were there; a link to a folder is refused (folders linked
// into themselves loop). Named pipes, devices and sockets are refused
// before they are opened, and every file is opened without blocking, so a
// FIFO cannot stop a build. A file larger than Limit allows for its kind
// is refused before it is read, and reading stops at the limit should the
// file grow meanwhile. On Linux a plain file or folder (no link on its
// way) is opened by one openat2 call confined to the folder; whatever that
// call refuses (a link, a pipe) takes os.Root's way, which says why.
//
// Check and ReadFile apply the same rules to any fs.FS (tests use
// fstest.MapFS), so the content loader reports the same problem, with the
// same words, whichever folder it is given. Every refusal is a *Refused;
// Problem makes it the editor's message at the file's path, in the words
// of diag's catalogue.
//
// rootfs imports diag, for those words.
package rootfs

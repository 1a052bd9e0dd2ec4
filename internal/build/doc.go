// Package build runs the stages of a build in order: config → content →
// theme → site → plan → render and search → static files → output. There
// is one build path (Session.run, in build.go, lists its stages): Build is
// a session with nothing cached, and a Session's incremental parts are
// caches inside the stages.
//
// Input: Options naming the content folder (as an fs.FS), the themes
// folder and where to write. Output: a *Result with the model, the files
// (kept in memory when no output folder is given, as serve wants), every
// diagnostic sorted, counts and timings. The build stops after a stage
// that produced errors, and writes nothing then: the previous output
// folder stays exactly as it was.
//
// build imports every stage package; nothing imports build except the
// server and the command.
package build

package main

import (
	"strings"

	"github.com/helminauha/helminauha/internal/diag"
)

// commands are the command words run knows.
var commands = []string{"build", "serve", "check", "new", "version"}

// commandWords are words an editor may type for a command: the Finnish
// and Swedish verbs the guides use for what each command does, and the
// names other site generators and tools give the same thing.
var commandWords = map[string]string{
	"rakenna": "build", "käännä": "build", "julkaise": "build", "bygg": "build", "publish": "build",
	"palvele": "serve", "esikatsele": "serve", "esikatselu": "serve", "server": "serve",
	"dev": "serve", "start": "serve", "run": "serve", "preview": "serve", "watch": "serve",
	"tarkista": "check", "tarkasta": "check", "kontrollera": "check", "lint": "check",
	"validate": "check", "test": "check", "verify": "check",
	"uusi": "new", "luo": "new", "ny": "new", "create": "new", "add": "new",
	"versio": "version",
}

// meantCommand is the command an unknown word most likely meant: one
// of commandWords, or a command within two typing slips of it (only one
// for a command of four letters or fewer, as two slips in "new" leave
// almost any short word near it); otherwise "".
func meantCommand(word string) string {
	w := strings.ToLower(strings.TrimLeft(word, "-"))
	if c, ok := commandWords[w]; ok {
		return c
	}
	best, bestD := "", 3
	for _, c := range commands {
		limit := 2
		if len(c) <= 4 {
			limit = 1
		}
		if d := diag.Distance(w, c); d <= limit && d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

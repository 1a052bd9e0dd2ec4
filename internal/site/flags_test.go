package site_test

import "flag"

var update = flag.Bool("update", false, "rewrite the want/errors sections of the fixtures")

# Helminauha — the targets a developer, an editor and CI use.
#   make serve   build the default portal and serve it at http://127.0.0.1:1313
#   make test    every test (installs what the tests need when it is missing)
#   make bench   build speed and memory side by side with Hugo

GO       ?= go
BIN      := bin/helminauha
ADDR     ?= 127.0.0.1:1313
FUZZTIME ?= 5s

.PHONY: all build serve check test test-go test-fuzz test-js test-workflow deps-test bench bench-search bench-serve fuzz screenshots clean

all: build

$(BIN): FORCE
	$(GO) build -o $(BIN) ./cmd/helminauha

FORCE:

build: $(BIN)
	./$(BIN) build

serve: $(BIN)
	./$(BIN) serve --addr $(ADDR)

check: $(BIN)
	./$(BIN) check

test: deps-test test-go test-fuzz test-js test-workflow

# Everything the tests need beyond Go: Node for the search core's tests,
# Chromium and the npm packages for the browser tests.
deps-test:
	bash .ci/deps.sh

test-go:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# Each fuzz target runs briefly in make test; make fuzz runs them longer.
test-fuzz:
	bash .ci/fuzz.sh $(FUZZTIME)

fuzz:
	bash .ci/fuzz.sh 2m

# The deploy workflow is linted with actionlint, pinned.
test-workflow:
	$(GO) run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 -no-color -oneline .github/workflows/deploy.yml

test-js:
	node --test internal/search/jstest/

clean:
	rm -rf bin public .cache

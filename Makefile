# Helminauha — the targets a developer, an editor and CI use.
#   make serve   build the default portal and serve it at http://127.0.0.1:1313
#   make test    every test (installs what the tests need when it is missing)
#   make bench   build speed and memory side by side with Hugo

GO       ?= go
BIN      := bin/helminauha
ADDR     ?= 127.0.0.1:1313
FUZZTIME ?= 5s
# Workers per fuzz target; empty: one per CPU (make fuzz). make test uses 1.
FUZZWORKERS ?=
# The measuring tools (corpus generator, bench, benchserve) are a module of
# their own, so the product's go test ./... neither builds nor runs them.
TOOLS    := $(GO) -C internal/tools
BENCH    := $(CURDIR)/.cache/bench

.PHONY: all build serve check test test-beside-e2e test-go test-checkout test-portal test-fuzz test-js test-e2e test-workflow test-tools deps-test deps-bench bench bench-hugo bench-search bench-serve bench-scale corpus fuzz screenshots clean

all: build

$(BIN): FORCE
	$(GO) build -o $(BIN) ./cmd/helminauha

FORCE:

build: $(BIN)
	./$(BIN) build

# HELMINAUHA_BY_MAKE: serve's advice to listen elsewhere names ADDR, not --addr.
serve: export HELMINAUHA_BY_MAKE := 1
serve: $(BIN)
	./$(BIN) serve --addr $(ADDR)

check: $(BIN)
	./$(BIN) check

# make test keeps both CPUs busy with two lanes: the browser tests (about
# 1.5 CPUs of Chromium, Node and the portals' builds when alone) and the
# other targets one after another, ending with the fuzz targets, each
# fuzzing for a fixed time with one worker. Each lane's output is printed
# whole when it ends (-O).
test: deps-test
	@$(MAKE) --no-print-directory -j2 -Otarget test-e2e test-beside-e2e

test-beside-e2e:
	@for t in test-go test-checkout test-tools test-js test-workflow; do $(MAKE) --no-print-directory $$t || exit 1; done
	@$(MAKE) --no-print-directory test-fuzz FUZZWORKERS=1

# Everything the tests need beyond Go: Node for the search core's tests,
# Chromium and the npm packages for the browser tests.
deps-test:
	bash .ci/deps.sh

# A test that needs Chromium or Node skips, saying so, where go test is
# run by hand without them; here (after deps-test) a missing one fails it.
# The long build tag makes the tests of random edits take all their rounds
# and the signal test its large portal (go test ./... takes fewer).
test-go:
	$(GO) vet ./...
	$(GO) vet -tags long ./...
	$(GO) vet -tags testhooks ./internal/output
	HELMINAUHA_NEED_CHROMIUM=1 HELMINAUHA_NEED_NODE=1 $(GO) test -count=1 -tags long ./...

# The tests that run the README's commands and the deploy workflow's jobs
# in fresh clones of the repository take tens of seconds, so the checkout
# build tag keeps them out of go test ./...; make test runs them here.
test-checkout:
	$(GO) vet -tags checkout ./cmd/helminauha ./internal/workflow
	$(GO) test -count=1 -tags checkout -run '^(TestReadmeCommandsAsTyped|TestDeployWorkflowOnThisRepository|TestForkDeploys|TestForkPublishesFromItsDefaultBranch|TestForkBuildFailureIsAnnotated|TestMakeServeAdviceNamesADDR)$$' ./cmd/helminauha ./internal/workflow

# The measuring tools' own tests build the Hugo sites, so Hugo is
# installed first and a missing Hugo fails them instead of skipping.
test-tools: deps-bench
	$(TOOLS) vet ./...
	HELMINAUHA_NEED_HUGO=1 $(TOOLS) test -count=1 ./...

# Each fuzz target runs briefly in make test; make fuzz runs them longer.
test-fuzz:
	bash .ci/fuzz.sh $(FUZZTIME) $(FUZZWORKERS)

fuzz:
	bash .ci/fuzz.sh 2m

# The workflows are linted with actionlint, pinned.
test-workflow:
	$(GO) run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 -no-color -oneline .github/workflows/deploy.yml .github/workflows/test.yml

# This repository's own portal keeps its shape (six areas, every kind and
# audience, ...). Not part of make test: a fork's portal has a shape of
# its own, and check warns of the editorial rules in any portal.
test-portal:
	$(GO) test -count=1 -tags portal -run 'TestDefaultPortalShape|TestGuideExamplesWork' ./internal/build ./cmd/helminauha

test-js:
	node --test internal/search/jstest/ themes/jstest/

# The reading side in Debian's Chromium: pages, search, worksheets, the
# reader's own necklace, axe-core accessibility checks, page weight.
# The command and the corpus generator the tests run are built once here
# for every test file (harness.mjs, generator and corpus).
E2E := $(CURDIR)/.cache/e2e
test-e2e:
	mkdir -p $(E2E)
	$(GO) build -o $(E2E)/helminauha ./cmd/helminauha
	$(TOOLS) build -o $(E2E)/corpus ./cmd/corpus
	cd internal/e2e && HELMINAUHA_E2E_BIN=$(E2E)/helminauha HELMINAUHA_E2E_CORPUS=$(E2E)/corpus node --test --test-concurrency=1 .

# Build speed and memory beside Hugo: N = 1,000 and 10,000.
# Ours beside Hugo first: it writes the corpora the Go benchmarks of the
# 10,000-pearl portal read.
bench: deps-bench
	$(TOOLS) run ./cmd/bench -n 1000,10000 -runs 5 -cache $(BENCH)
	HELMINAUHA_BENCH_CONTENT=$$($(TOOLS) run ./cmd/corpus -n 10000 -cache $(BENCH))/content \
		$(GO) test -run='^$$' -bench=. -benchmem ./internal/markdown ./internal/render ./internal/search ./internal/output

bench-hugo: deps-bench
	$(TOOLS) run ./cmd/bench -n 1000,10000 -runs 5 -tools hugo -cache $(BENCH)

# The comparison needs Debian's Hugo.
deps-bench:
	@command -v hugo >/dev/null || { echo "installing hugo with apt-get"; \
		sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends hugo; }

# Bytes and time per query beside Pagefind, in headless Chromium; then
# recall@10, MRR and nDCG@10 per category of both judged query sets.
bench-search:
	cd internal/search/bench && npm ci --no-audit --no-fund
	node internal/search/bench/bench.mjs -content content
	node internal/search/bench/bench.mjs -n 10000
	node internal/search/bench/bench.mjs -content content -quality internal/search/testdata/queries.json
	node internal/search/bench/bench.mjs -content internal/search/testdata/portal2/content -quality internal/search/testdata/queries2.json
	node internal/search/bench/bench.mjs -content content -reuse 1 -quality internal/search/testdata/queries-sv.json -lang sv

# Our build at 10k, 25k, 50k and 100k pearls: time, CPU and peak memory
# per stage, whether they grow linearly, and a cold search's bytes.
bench-scale:
	$(TOOLS) run ./cmd/benchscale -n 10000,25000,50000,100000 -cache $(BENCH)

# Save-to-reload latency of serve on 10,000 pearls.
bench-serve:
	$(TOOLS) run ./cmd/benchserve -n 10000 -saves 50

# A synthetic portal: make corpus N=1000 OUT=/tmp/portaali
corpus:
	$(TOOLS) run ./cmd/corpus -n $(or $(N),1000) -out $(abspath $(or $(OUT),.cache/corpus-$(or $(N),1000)))

screenshots: deps-test
	node internal/e2e/screenshots.mjs

clean:
	rm -rf bin public .public.spare .cache

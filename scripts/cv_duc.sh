#!/bin/bash
# Honest summary figures: 5-fold cross-validation over the development topics of DUC 2004
# (100 words) and DUC 2006 (250 words, generic and query-focused). Every tunable choice in the
# grid of crates/abridge/examples/duc_cv.rs (lead prior, MMR lambda, the compression rules; at
# 250 words generic also MMR against concept and coverage selection, the choice of `--selection
# auto`; for --query the question's bias, expansion and lambda, and concepts toward the question)
# is picked on 20 topics by mean ROUGE-2
# and scored on the other 5; the held-out means are printed beside the full-set figure of the
# default. Needs ../shared/eval beside the repository.
#
#   scripts/cv_duc.sh              # all three
#   scripts/cv_duc.sh duc2004      # one set: duc2004 | duc2006 | duc2006-query
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p abridge --example duc_cv
bin=target/release/examples/duc_cv
run() {
  local label=$1 default=$2; shift 2
  local out
  out=$("$bin" "$@" --compression 2>/dev/null)
  printf '%-14s settings=%s\n' "$label" "$(grep -c '^full' <<<"$out")"
  grep -F "  $default compress=default" <<<"$out" | sed 's/^/  default: /'
  grep '^CV' <<<"$out" | sed 's/^/  /'
  grep '^fold' <<<"$out" | sed 's/^/  /'
}
what=${1:-all}
case $what in
  duc2004|all) run duc2004 "pos=1.3 lambda=0.4" duc2004 generic ;;&
  duc2006|all) run duc2006 "selection=concepts centrality=1" duc2006 generic --selections ;;&
  duc2006-query|all)
    run duc2006-query "selection=concepts" duc2006 query --selections ;;
esac

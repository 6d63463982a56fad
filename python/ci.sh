#!/usr/bin/env bash
# CI of the Python package and the Spark job (called by .ci/run): builds and installs the
# package as a user would (`pip install ./python`: maturin from PyPI, in build isolation),
# then runs its tests (the table and the spaCy component included) and the Spark job's test
# in local[2], both against the release CLI.
# Needs Python >= 3.9 with venv and pip, Java 17 (for pyspark) and the Rust toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."

# The binding crate has its own workspace, so the main crate's fmt and clippy miss it.
(cd python && cargo fmt -- --check && cargo clippy --quiet -- -D warnings)

VENV=${VENV:-target/python-ci-venv}
PY="$VENV/bin/python"
if ! [ -x "$PY" ] && ! python3 -m venv "$VENV"; then
    # Debian's own Python keeps venv in a package of its own.
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    rm -rf "$VENV" && python3 -m venv "$VENV"
fi
# pyarrow and pandas for extract_table, spaCy for the pipeline component (all from PyPI;
# spacy.blank needs no model download).
"$PY" -m pip install --quiet --disable-pip-version-check "pytest==8.3.3" "pyspark==3.5.3" \
    "pyarrow>=14" "pandas>=2" "spacy>=3.7,<4"
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps ./python

# pyspark finds Java through JAVA_HOME, else through `java` on the PATH.
if [ -z "${JAVA_HOME:-}" ] && command -v java >/dev/null; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
fi

cargo build --release --quiet
export WHOSAID_BIN=$PWD/target/release/whosaid
export PYSPARK_PYTHON=$PWD/$PY

# The tests must exercise the installed wheel, not the source folder.
(cd /tmp && "$OLDPWD/$PY" -c 'import whosaid, sys; assert "site-packages" in whosaid.__file__, whosaid.__file__')
"$PY" -m pytest -q -p no:cacheprovider python/tests examples/spark

#!/usr/bin/env bash
# CI of the Python package and the Spark job (called by .ci/run): builds the abi3 wheel
# once (maturin from PyPI), installs that wheel in a venv and runs its tests (the table and
# the spaCy component included) and the Spark job's test in local[2], against the release
# CLI. The binding crate is a member of the main crate's workspace: one Cargo.lock, one
# target directory and one release profile, so what the CLI and the wheel compile alike is
# compiled once (README, "Python", says what each step costs).
# Needs Python >= 3.9 with venv and pip, Java 17 (for pyspark) and the Rust toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."

# The main crate's fmt and clippy look at the main crate only.
cargo fmt -p whosaid-python -- --check
cargo clippy --quiet -p whosaid-python -- -D warnings

VENV=${VENV:-target/python-ci-venv}
PY="$VENV/bin/python"
if ! [ -x "$PY" ] && ! python3 -m venv "$VENV"; then
    # Debian's own Python keeps venv in a package of its own.
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    rm -rf "$VENV" && python3 -m venv "$VENV"
fi
# maturin builds the wheel; pyarrow and pandas for extract_table, spaCy for the pipeline
# component (all from PyPI; spacy.blank needs no model download).
"$PY" -m pip install --quiet --disable-pip-version-check "pytest==8.3.3" "pyspark==3.5.3" \
    "pyarrow>=14" "pandas>=2" "spacy>=3.7,<4" "maturin>=1.7,<2.0"

# The CLI, then the wheel: the crates both use with the same features are fresh by then.
cargo build --release --quiet
WHEELS=target/wheels/ci
rm -rf "$WHEELS"
"$VENV/bin/maturin" build --quiet --release --manifest-path python/Cargo.toml --out "$WHEELS"
wheels=("$WHEELS"/whosaid-*.whl)
if [ "${#wheels[@]}" -ne 1 ] || [[ "${wheels[0]}" != *-cp39-abi3-* ]]; then
    echo "python/ci.sh: expected one abi3 wheel for CPython >= 3.9, got: ${wheels[*]}" >&2
    exit 1
fi
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "${wheels[0]}"

# pyspark finds Java through JAVA_HOME, else through `java` on the PATH.
if [ -z "${JAVA_HOME:-}" ] && command -v java >/dev/null; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
fi

export WHOSAID_BIN=$PWD/target/release/whosaid
export PYSPARK_PYTHON=$PWD/$PY

# The tests must exercise the installed wheel, not the source folder.
(cd /tmp && "$OLDPWD/$PY" -c 'import whosaid, sys; assert "site-packages" in whosaid.__file__, whosaid.__file__')
"$PY" -m pytest -q -p no:cacheprovider python/tests examples/spark

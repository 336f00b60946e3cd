# Shortcuts; the README's two commands are `bash scripts/run.sh` and `bash scripts/test.sh`.
.PHONY: run test generate fmt lint bench

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

# Regenerate JSON Schemas and TypeScript bindings from the Rust types (CI checks they match).
generate:
	UPDATE_GENERATED=1 cargo test -p mulu-core --test generated
	UPDATE_GENERATED=1 cargo test -p mulu-review --lib codegen
	UPDATE_GENERATED=1 cargo test -p mulu-api --test generated typescript_bindings

fmt:
	cargo fmt --all

lint:
	cargo clippy --workspace --all-targets -- -D warnings

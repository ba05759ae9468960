.PHONY: run test openapi lint bench

# The app with demo data on the embedded database: http://127.0.0.1:8080
run:
	swift run sessiondesk serve --demo

# Every test, on SQLite and PostgreSQL, plus the quick-start smoke test.
test:
	scripts/test.sh

# Regenerate the API's server code after editing Sources/API/openapi.yaml.
openapi:
	scripts/openapi.sh

# Generated code (Sources/API/Generated) is left as the generator writes it.
lint:
	swift format lint --recursive --strict Sources/Scheduling Sources/Notifications Sources/Storage Sources/Workflows Sources/Web Sources/App Sources/SessionDesk \
		Sources/API/*.swift Tests Package.swift

bench:
	swift run -c release sessiondesk bench slots

"""Input and output behind `dpup.serde`: one module per concern.

* `dpup.io.limits`: the size and cost limits, and the walk that checks them with paths;
* `dpup.io.errors`: validation errors turned into ``message @ $.path`` problems;
* `dpup.io.converter`: the one cattrs converter, `structure` and `unstructure`;
* `dpup.io.parsers`: TOML, JSON and YAML text into plain data, bounded;
* `dpup.io.files`: `loads`, `load`, `load_waivers` and CSV data dictionaries.

Use `dpup.serde` (or the names `dpup` re-exports); these modules are its parts.
"""

__all__: list[str] = []

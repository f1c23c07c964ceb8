#!/usr/bin/env python3
"""Generates PostgreSQL's built-in catalog (Sources/SQLGen/Catalog/Builtin/BuiltinCatalog+Data.swift)
from a running PostgreSQL: its types, casts, functions and aggregates, operators, the relations
of pg_catalog and information_schema, and every contrib extension the server ships.

    scripts/generate-pg-catalog.py [--database-url URL] [--out FILE]

The default URL is the local development cluster (scripts/local-postgres.sh start). The script
creates a scratch database, installs every available extension there (each in a schema of its
own when it is relocatable), reads the catalogs with psql and drops the database again.
`make pg-catalog` runs it. Rerun it for a new PostgreSQL major version and commit the result.

The data is a compact line format that `BuiltinCatalog` parses at first use (tab-separated):

    T  name  typname  category  preferred  typtype  related  hasArray
    C  source  target  context
    F  name  kind  args  variadic  defaults  argnames  retset  result  strict  outcolumns  aggkind  directargs
    O  name  left  right  result
    R  schema  name  kind  columns
    W  sorttype  offsettype
    E  extension  requires

Types are written as `format_type` prints them, arrays with `[]`; a type an extension defines
is written `@name` (it lives in whichever schema CREATE EXTENSION puts the extension).
"""

import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "SQLGen", "Catalog", "Builtin", "BuiltinCatalog+Data.swift")
DEFAULT_URL = "postgresql://root:secret@127.0.0.1:5432/postgres"
SCRATCH = "sqlgen_catalog_dump"
EXTENSION_SCHEMA = "sqlgen_ext"

# Functions with these argument or result types cannot be called from a query.
UNCALLABLE = {
    "internal", "trigger", "event_trigger", "fdw_handler", "index_am_handler", "table_am_handler",
    "tsm_handler", "language_handler",
}


def psql(url, sql):
    """Runs `sql` and returns its rows as lists of strings (NULL as None)."""
    result = subprocess.run(
        ["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-F", "\x1f", "-R", "\x1e",
         "-P", "null=\x18", "-c", sql],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip())
    rows = []
    for record in result.stdout.split("\x1e"):
        if record.strip("\n") == "":
            continue
        rows.append([None if field == "\x18" else field for field in record.strip("\n").split("\x1f")])
    return rows


def with_database(url, name):
    base, _, query = url.partition("?")
    head, _, _ = base.rpartition("/")
    return f"{head}/{name}" + (f"?{query}" if query else "")


def parse_array(text):
    """A PostgreSQL text array of simple elements ({a,b,"c d"}) as a list."""
    if text is None:
        return None
    inner = text[1:-1]
    items, current, quoted, escaped = [], "", False, False
    for char in inner:
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            items.append(current)
            current = ""
        else:
            current += char
    if inner:
        items.append(current)
    return items


class Dumper:
    def __init__(self, url):
        self.url = url
        self.type_names = {}
        self.type_rows = {}

    def load_types(self):
        """Every type's display name, with the extension schema written as `@`."""
        self.type_names = {}
        for oid, name in psql(self.url, "SET search_path = pg_catalog; SELECT oid, format_type(oid, NULL) FROM pg_type"):
            if name.startswith(EXTENSION_SCHEMA + "."):
                name = "@" + name[len(EXTENSION_SCHEMA) + 1:]
            self.type_names[oid] = name.replace("\t", " ")

    def name(self, oid):
        return self.type_names[oid]

    def types(self, where):
        rows = psql(self.url, f"""
            SELECT t.oid, t.typname, t.typcategory, t.typispreferred, t.typtype,
                   r.rngsubtype, m.rngtypid, t.typbasetype, t.typarray
            FROM pg_type t
            LEFT JOIN pg_range r ON r.rngtypid = t.oid
            LEFT JOIN pg_range m ON m.rngmultitypid = t.oid
            WHERE ({where}) AND t.typtype <> 'c'
              AND NOT EXISTS (SELECT 1 FROM pg_type a WHERE a.typarray = t.oid)""")
        lines = []
        for oid, typname, category, preferred, typtype, subtype, rangetype, basetype, array in rows:
            related = ""
            if typtype == "r":
                related = self.name(subtype)
            elif typtype == "m":
                related = self.name(rangetype)
            elif typtype == "d":
                related = self.name(basetype)
            lines.append("\t".join([
                "T", self.name(oid), typname, category, preferred, typtype, related, "t" if array != "0" else "f"]))
        return sorted(lines)

    def casts(self, where):
        rows = psql(self.url, f"SELECT castsource, casttarget, castcontext FROM pg_cast c WHERE {where}")
        return sorted("\t".join(["C", self.name(s), self.name(t), c]) for s, t, c in rows)

    def functions(self, where):
        rows = psql(self.url, f"""
            SELECT p.proname, p.prokind, p.proargtypes::text, p.provariadic, p.pronargdefaults,
                   p.proargnames, p.proargmodes, p.proallargtypes, p.proretset, p.prorettype,
                   p.proisstrict, a.aggkind, a.aggnumdirectargs
            FROM pg_proc p LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
            WHERE {where}""")
        lines = []
        for (name, kind, argtypes, variadic, defaults, argnames, argmodes, allargtypes, retset, rettype,
             strict, aggkind, directargs) in rows:
            inputs = argtypes.split()
            names = parse_array(argnames)
            modes = parse_array(argmodes)
            every = parse_array(allargtypes) or inputs
            if any(self.name(oid) in UNCALLABLE for oid in inputs) or self.name(rettype) in UNCALLABLE:
                continue
            input_names, outputs = [], []
            for index, oid in enumerate(every):
                mode = modes[index] if modes else "i"
                argname = names[index] if names and index < len(names) else ""
                if mode in ("i", "b", "v"):
                    input_names.append(argname)
                if mode in ("o", "b", "t"):
                    outputs.append(f"{argname}:{self.name(oid)}")
            lines.append("\t".join([
                "F", name, kind, ",".join(self.name(oid) for oid in inputs),
                self.name(variadic) if variadic != "0" else "", defaults,
                ",".join(input_names) if any(input_names) else "", retset, self.name(rettype), strict,
                ",".join(outputs), aggkind or "", directargs or "",
            ]))
        return sorted(lines)

    def operators(self, where):
        rows = psql(self.url, f"SELECT oprname, oprleft, oprright, oprresult FROM pg_operator o WHERE {where}")
        lines = []
        for name, left, right, result in rows:
            if self.name(result) in UNCALLABLE:
                continue
            lines.append("\t".join([
                "O", name, self.name(left) if left != "0" else "", self.name(right), self.name(result)]))
        return sorted(lines)

    def in_range(self, where):
        """The offset types a window frame's `RANGE n PRECEDING` accepts for each ORDER BY type:
        the btree `in_range` support functions (pg_amproc number 3)."""
        rows = psql(self.url, f"""
            SELECT p.amproclefttype, p.amprocrighttype FROM pg_amproc p
            JOIN pg_opfamily f ON f.oid = p.amprocfamily JOIN pg_am a ON a.oid = f.opfmethod
            WHERE a.amname = 'btree' AND p.amprocnum = 3 AND {where}""")
        return sorted("\t".join(["W", self.name(left), self.name(right)]) for left, right in rows)

    def relations(self, where):
        rows = psql(self.url, f"""
            SELECT n.nspname, c.relname, c.relkind,
                   (SELECT string_agg(a.attname || ':' || a.atttypid || ':' || a.attnotnull, ',' ORDER BY a.attnum)
                    FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE ({where}) AND c.relkind IN ('r', 'v', 'm', 'f', 'p', 'S')""")
        lines = []
        for schema, name, kind, columns in rows:
            described = []
            for column in (columns or "").split(","):
                if not column:
                    continue
                attname, oid, notnull = column.rsplit(":", 2)
                described.append(f"{attname}:{self.name(oid)}:{notnull}")
            if schema == EXTENSION_SCHEMA:
                schema = "@"
            lines.append("\t".join(["R", schema, name, kind, ",".join(described)]))
        return sorted(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("CATALOG_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--out", default=OUT)
    options = parser.parse_args()

    admin = options.database_url
    psql(admin, f"DROP DATABASE IF EXISTS {SCRATCH}")
    psql(admin, f"CREATE DATABASE {SCRATCH}")
    url = with_database(admin, SCRATCH)
    try:
        dumper = Dumper(url)
        version = psql(url, "SHOW server_version")[0][0].split(" ")[0]
        dumper.load_types()
        builtin = "'pg_catalog'::regnamespace"
        information = "'information_schema'::regnamespace"
        lines = []
        lines += dumper.types(f"t.typnamespace IN ({builtin}, {information})")
        lines += dumper.casts("true")
        lines += dumper.functions(f"p.pronamespace = {builtin}")
        lines += dumper.operators(f"o.oprnamespace = {builtin}")
        lines += dumper.relations(f"c.relnamespace IN ({builtin}, {information})")
        lines += dumper.in_range(f"f.opfnamespace = {builtin}")

        extensions = {}
        psql(url, f"CREATE SCHEMA {EXTENSION_SCHEMA}")
        available = psql(url, "SELECT name FROM pg_available_extensions WHERE installed_version IS NULL ORDER BY name")
        for (extension,) in available:
            quoted = '"' + extension + '"'
            try:
                psql(url, f"CREATE EXTENSION IF NOT EXISTS {quoted} SCHEMA {EXTENSION_SCHEMA} CASCADE")
            except RuntimeError:
                psql(url, f"CREATE EXTENSION IF NOT EXISTS {quoted} CASCADE")
        dumper.load_types()
        installed = psql(url, "SELECT e.oid, e.extname FROM pg_extension e WHERE e.extname <> 'plpgsql' ORDER BY 2")
        for oid, extension in installed:
            owned = f"""SELECT objid FROM pg_depend WHERE refclassid = 'pg_extension'::regclass
                        AND refobjid = {oid} AND deptype = 'e' AND classid = '{{table}}'::regclass"""
            requires = psql(url, f"""
                SELECT array_to_string(requires, ',') FROM pg_available_extension_versions
                WHERE name = '{extension}' AND version = (SELECT extversion FROM pg_extension WHERE oid = {oid})""")
            section = ["\t".join(["E", extension, (requires[0][0] or "") if requires else ""])]
            section += dumper.types(f"t.oid IN ({owned.format(table='pg_type')})")
            section += dumper.casts(f"c.oid IN ({owned.format(table='pg_cast')})")
            section += dumper.functions(f"p.oid IN ({owned.format(table='pg_proc')})")
            section += dumper.operators(f"o.oid IN ({owned.format(table='pg_operator')})")
            section += dumper.relations(f"c.oid IN ({owned.format(table='pg_class')})")
            extensions[extension] = section
    finally:
        psql(admin, f"DROP DATABASE IF EXISTS {SCRATCH}")

    for line in lines + [line for section in extensions.values() for line in section]:
        if '"""#' in line:
            sys.exit(f"error: a catalog line contains the string delimiter: {line!r}")
    out = [
        f"// Generated by scripts/generate-pg-catalog.py from PostgreSQL {version}. DO NOT EDIT.",
        "// The line format is described in the script.",
        "",
        "extension BuiltinCatalog {",
        f"    /// The PostgreSQL version the data comes from.",
        f"    static let postgresVersion = \"{version}\"",
        "",
        "    /// Types, casts, functions, operators and relations of pg_catalog and information_schema.",
        "    static let builtinData = #\"\"\"",
        *lines,
        "\"\"\"#",
        "",
        "    /// The objects each contrib extension creates, keyed by extension name.",
        "    static let extensionData: [String: String] = [",
    ]
    for extension, section in extensions.items():
        out.append(f"        \"{extension}\": #\"\"\"")
        out += section
        out.append("\"\"\"#,")
    out += ["    ]", "}", ""]
    os.makedirs(os.path.dirname(options.out), exist_ok=True)
    with open(options.out, "w") as handle:
        handle.write("\n".join(out))
    counts = {kind: sum(1 for line in lines if line.startswith(kind + "\t")) for kind in "TCFORW"}
    print(f"wrote {os.path.relpath(options.out, ROOT)}: PostgreSQL {version}, {counts['T']} types, {counts['C']} casts, "
          f"{counts['F']} functions, {counts['O']} operators, {counts['R']} relations, "
          f"{counts['W']} in_range pairs, {len(extensions)} extensions")


if __name__ == "__main__":
    main()

"""The house's rules, read from the source (../shared/STYLE.md): no import circle, files of a
readable size, and no dialect named outside api/ and sandbox/."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from contact_desk.api.schema import SCHEMAS

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "contact_desk"
MAX_LINES = 450
MAX_WINDOW_LINES = 350  # the main window: layout and wiring; what it shows is the Navigator's
DIALECT_HOMES = ("api", "sandbox")
FIELD_NAMES_HOME = "transfer/field_names.py"  # the one module outside them that writes API field names


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The package's modules ``name`` imports (TYPE_CHECKING imports too: a circle of types is a
    circle of meaning), a package's own __init__ aside."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                base = ".".join(parts[:len(parts) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        for wanted in targets:
            target = wanted
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(target + "."):
                out.add(target)
    return out


def circles() -> list[set[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    known = modules()
    edges = {m: imports(m, p, known) for m, p in known.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(group)

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_circle() -> None:
    assert circles() == []


def test_the_circle_finder_finds_one(tmp_path: Path) -> None:
    """The check above can fail: two modules importing each other are a circle."""
    known = {"p.a": tmp_path / "a.py", "p.b": tmp_path / "b.py"}
    known["p.a"].write_text("from p import b\n")
    known["p.b"].write_text("from p.a import thing\n")
    assert imports("p.a", known["p.a"], known) == {"p.b"}
    assert imports("p.b", known["p.b"], known) == {"p.a"}


def test_no_source_file_is_over_450_lines() -> None:
    long = {str(p.relative_to(SRC)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_no_dialect_is_named_outside_api_and_sandbox() -> None:
    """A third dialect is one adapter file: nobody else writes a dialect's name."""
    names = set(SCHEMAS)
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] in DIALECT_HOMES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.lower() in names:
                found.append(f"{path.relative_to(SRC)}:{node.lineno} {node.value!r}")
    assert found == []


def test_only_the_composition_root_imports_the_window_package() -> None:
    """ui/window/ wires the dialogs; nothing but app.py (and tests, benches) reaches into it, so a
    dialog or a widget cannot grow a dependency on the main window again."""
    known = modules()
    reaching = sorted(f"{name} -> {target}" for name, path in known.items()
                      if not name.startswith("contact_desk.ui.window") and name != "contact_desk.app"
                      for target in imports(name, path, known) if target.startswith("contact_desk.ui.window"))
    assert reaching == []


def _string_literals(path: Path) -> list[tuple[int, str]]:
    return [(node.lineno, node.value) for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def api_names() -> set[str]:
    """The dialects' field and filter names as the APIs spell them, where that is not a plain
    word: ``phoneNumber``, ``emailStatus``, ``includeArchived``. (A plain ``email`` or ``city`` is
    also our own attribute's name and an everyday word: a literal of it tells nothing.)"""
    names = set()
    for schema in SCHEMAS.values():
        names |= {f.name for f in schema.fields} | {f.name for f in schema.filters}
    return {n for n in names if n != n.lower()}


def test_no_dialect_field_name_is_written_outside_api_sandbox_and_the_file_formats() -> None:
    """What a dialect can do comes from its schema (the CLI's filter flags, the field a 409 is
    about, whether archived contacts are listed on request): a field's API name written elsewhere
    is dialect knowledge the schema does not see."""
    names = api_names()
    found = [f"{path.relative_to(SRC)}:{line} {value!r}" for path in PACKAGE.rglob("*.py")
             if path.relative_to(PACKAGE).parts[0] not in DIALECT_HOMES
             and path.relative_to(PACKAGE).as_posix() != FIELD_NAMES_HOME
             for line, value in _string_literals(path) if value in names]
    assert found == []


def test_the_field_name_check_finds_one(tmp_path: Path) -> None:
    """The check above can fail: a module that writes ``includeArchived`` is found."""
    module = tmp_path / "sync.py"
    module.write_text('archived = any(f.name == "includeArchived" for f in filters)\n')
    assert "includeArchived" in api_names()
    assert [v for _line, v in _string_literals(module) if v in api_names()] == ["includeArchived"]


def test_the_main_window_stays_layout_and_wiring() -> None:
    lines = len((PACKAGE / "ui" / "window" / "main_window.py").read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_WINDOW_LINES


def test_controllers_and_dialogs_never_get_the_window() -> None:
    """They get a Navigator, a WindowHost and narrow parts (ui/host.py), never the main window: no
    module but the window's own imports main_window, and no 'parts of the window' protocol returns."""
    known = modules()
    reaching = sorted(name for name, path in known.items() if name != "contact_desk.ui.window.main_window"
                      and "contact_desk.ui.window.main_window" in imports(name, path, known)
                      and name not in ("contact_desk.app", "contact_desk.ui.window.selftest"))
    assert reaching == []
    assert not (PACKAGE / "ui" / "window" / "parts.py").exists()


def test_no_module_is_named_after_a_standard_library_module() -> None:
    """``copy.py`` beside ``import copy`` reads as the standard library's; so would ``secrets.py``."""
    clashes = sorted(str(p.relative_to(SRC)) for p in PACKAGE.rglob("*.py")
                     if p.stem in sys.stdlib_module_names)
    assert clashes == []


# the copy's file, the questions it answers, keeping it current, what this computer changed
MIRROR_ROOMS = {"file", "query", "syncing", "changes"}
MIRROR_TOP = {"__init__.py", "errors.py", "local_copy.py"}  # its one door (LocalCopy) and its errors


def test_the_offline_copy_lives_in_its_rooms() -> None:
    mirror = PACKAGE / "mirror"
    top = {p.name for p in mirror.iterdir() if p.suffix == ".py"}
    rooms = {p.name for p in mirror.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert (top, rooms) == (MIRROR_TOP, MIRROR_ROOMS)
    assert (PACKAGE / "api" / "walk.py").exists()  # listing a server needs only api/


def test_listing_a_server_does_not_need_the_offline_copy() -> None:
    """The walker is api/'s: exporting from the server or a CLI listing need not import mirror/."""
    known = modules()
    walker = "contact_desk.api.walk"
    assert not any(t.startswith("contact_desk.mirror") for t in imports(walker, known[walker], known))

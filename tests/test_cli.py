from click.testing import CliRunner

from govgraph import __version__
from govgraph.cli import COMMANDS, main


def test_help_lists_every_command():
    res = CliRunner().invoke(main, ["--help"])
    assert res.exit_code == 0
    for name in COMMANDS:
        assert name in res.output


def test_version():
    res = CliRunner().invoke(main, ["--version"])
    assert res.exit_code == 0
    assert __version__ in res.output


def test_extract_missing_file_is_one_line_error(tmp_path):
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.pdf")])
    assert res.exit_code == 1
    assert "nope.pdf" in res.output
    assert "Traceback" not in res.output


def test_db_and_neo4j_together_is_a_usage_error(tmp_path):
    res = CliRunner().invoke(main, ["stats", "--db", str(tmp_path / "g.lbdb"), "--neo4j", "bolt://localhost:7687"])
    assert res.exit_code == 2
    assert "not both" in res.output

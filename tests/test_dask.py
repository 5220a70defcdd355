"""`dlgrade batch --dask`: grading on the workers of a Dask cluster, the gradebook written here."""

import io
import sys

import pytest

from autograder.classroom import dask_backend
from autograder.classroom.discover import Submission, discover
from autograder.classroom.gradebook import Gradebook
from autograder.classroom.stage import MAX_FILES, Unreadable
from autograder.cli import main
from test_gradebook_kill import TABLES, _snapshot


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c


def test_a_dask_batch_writes_the_gradebook_of_a_local_run(graded_class, cluster, tmp_path, capsys):
    book = tmp_path / "dask.sqlite"
    args = ["batch", str(graded_class.folder), "--gradebook", str(book), "--timeout",
            str(graded_class.timeout), "--no-sandbox", "--dask", cluster.scheduler_address]
    for e in graded_class.exercises:
        args += ["-e", e]
    assert main(args) == 0
    assert "1 crashed, 7 graded, 1 timeout, 1 unreadable" in capsys.readouterr().out
    got, want = _snapshot(book), _snapshot(graded_class.book)
    for table in TABLES:
        assert got[table] == want[table], table
    with Gradebook(book, readonly=True) as gb:
        assert all(r["grade_count"] == 1 for r in gb.submissions())
        assert gb.runs()[0]["workers"] == 2  # the cluster's threads
    # skip-unchanged, as in a local run: nothing is sent to the cluster again
    assert main(args) == 0
    assert "nothing new; 10 up to date" in capsys.readouterr().out


def test_without_dask_the_option_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    (tmp_path / "class").mkdir()
    assert main(["batch", str(tmp_path / "class"), "-g", str(tmp_path / "g.sqlite"),
                 "--dask", "tcp://127.0.0.1:8786"]) == 2
    err = capsys.readouterr().err
    assert "pip install 'dlgrade[dask]'" in err
    assert not (tmp_path / "g.sqlite").exists()  # refused before the gradebook is touched


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch, capsys):
    pytest.importorskip("distributed")
    monkeypatch.setattr(dask_backend, "CONNECT_TIMEOUT", 1.0)
    (tmp_path / "class").mkdir()
    assert main(["batch", str(tmp_path / "class"), "-g", str(tmp_path / "g.sqlite"),
                 "--dask", "tcp://127.0.0.1:1"]) == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "class"), "--dask", "tcp://127.0.0.1:1", "-j", "2"]) == 2
    assert "--workers does not apply with --dask" in capsys.readouterr().err


def test_workers_with_another_dlgrade_are_refused():
    with pytest.raises(dask_backend.DaskError, match="runs dlgrade 0.0.1 with suites old"):
        dask_backend._check("tcp://w:1", ("0.0.1", "old"), ("0.1.0", "new"))


def test_pack_and_unpack_keep_every_file_and_the_names_to_stage(graded_class, tmp_path):
    subs = {s.key: s for s in discover(graded_class.folder).submissions}
    for key in ("student001", "student002", "smithjane", "broken"):  # folder, zip, Canvas, corrupt
        packed = dask_backend.pack(subs[key])
        sub = dask_backend.unpack(packed, tmp_path / key)
        assert [n for _, n in sub.files] == [n for _, n in subs[key].files]
        assert [p.name for p in sub.paths] == [p.name for p in subs[key].paths]
        assert sub.single_file == subs[key].single_file
        for original, copy in zip(subs[key].paths, sub.paths):
            if original.is_dir():
                assert sorted(p.relative_to(original) for p in original.rglob("*")) == sorted(
                    p.relative_to(copy) for p in copy.rglob("*"))
            else:
                assert copy.read_bytes() == original.read_bytes()


def test_pack_refuses_what_staging_refuses_and_keeps_an_empty_folder(tmp_path):
    crowd = tmp_path / "crowd"
    crowd.mkdir()
    for i in range(MAX_FILES + 1):
        (crowd / f"f{i}.py").write_text("")
    with pytest.raises(Unreadable, match=f"more than {MAX_FILES} files"):
        dask_backend.pack(Submission("crowd", "crowd", [(crowd, "crowd")], "folder"))
    (tmp_path / "gone").mkdir()
    (tmp_path / "gone" / "layers.py").symlink_to(tmp_path / "nowhere.py")
    with pytest.raises(Unreadable, match="layers.py cannot be read"):
        dask_backend.pack(Submission("gone", "gone", [(tmp_path / "gone", "gone")], "folder"))
    (tmp_path / "empty").mkdir()
    packed = dask_backend.pack(Submission("empty", "empty", [(tmp_path / "empty", "empty")], "folder"))
    (path,) = dask_backend.unpack(packed, tmp_path / "unpacked").paths
    assert path.is_dir() and not any(path.iterdir())


def test_a_connected_client_can_be_given_and_is_left_open(cluster, tmp_path):
    from distributed import Client

    from autograder.classroom.batch import LaunchersPerSlot, run_batch
    from autograder.classroom.progress import PlainProgress
    from conftest import ROOT

    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "ada.py").write_text((ROOT / "solutions" / "activations.py").read_text())
    with Client(cluster.scheduler_address) as client:
        summary = run_batch(tmp_path / "class", tmp_path / "g.sqlite", exercises=["activations.softmax"],
                            launcher_factory=LaunchersPerSlot(sandbox=False), dask=client,
                            progress=lambda total: PlainProgress(total, io.StringIO()))
        assert summary.counts == {"graded": 1} and client.status == "running"
    with Gradebook(tmp_path / "g.sqlite", readonly=True) as gb:
        assert gb.submissions()[0]["score"] == 4.0

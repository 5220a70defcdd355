"""Grading a whole class: `dlgrade batch` and its gradebook.

- `discover`: which submissions a folder holds, and whose (flat, nbgrader, Canvas layouts);
- `fingerprint`: the content hash of a submission and the version of the suites;
- `notebook`: a Jupyter notebook's code cells as Python source;
- `stage`: a submission copied, unzipped (safely) and converted into a private folder;
- `pool`: grader processes with a wall-time limit per task, surviving what students do;
- `gradebook`: the SQLite gradebook, written by the batch process only, read by anyone;
- `batch`: the run itself; `progress`: its live display; `commands`: the CLI.
"""

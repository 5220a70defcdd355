"""Grading a whole class: `dlgrade batch`, its gradebook, exports, report and cluster.

- `discover`: which submissions a folder holds, and whose (flat, nbgrader, Canvas layouts);
- `fingerprint`: the content hash of a submission and the version of the suites;
- `notebook`: a Jupyter notebook's code cells as Python source;
- `stage`: a submission copied, unzipped (safely) and converted into a private folder;
- `pool`: grader processes with a wall-time limit per task, surviving what students do;
- `dask_backend`: the same grading on the workers of a Dask cluster (``batch --dask``);
- `gradebook`: the SQLite gradebook, written by the batch process only, read by anyone;
- `batch`: the run itself; `progress`: its live display; `commands`: the CLI;
- `exports`: the grades as CSV, Gradescope results, a Canvas import and nbgrader scores;
- `bundle`: Gradescope's autograder.zip (scripts in ``gradescope/``; `gradescope_run`
  holds their Python steps);
- `analytics`: what a gradebook says about the class; `plots` and `html_report`: the report.
"""

"""The benchmark of issue 8: this project's search against stock Material, side by side.

Modules, one job each: vocabulary and corpus (the synthetic help center),
sites (the two builds), server and browser (measurements in Chromium),
sizes (files on disk), profiling (what dominates a build), budgets (pass or
miss), report (results.json and results.md), run (the order of it all).
"""

"""The printed risk atlas: layout templates (templates/), the words it prints, its charts and the export.

Entry points: ``run.make_atlas`` (riskatlas:exportatlas), ``project.add_atlas_to_project`` (the
layouts in a project). Map of the modules: templates/README.md, "Where the code is".
"""

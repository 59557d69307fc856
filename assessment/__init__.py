"""The whole assessment: the chain of steps (described once), its run and the project it writes."""

"""Data shipped with PlanAlign: the reference plan, the rule file, the user dictionary and stoplist."""

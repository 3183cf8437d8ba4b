"""PlanAlign's Qt interface: a thin layer over the ``alignment`` core."""

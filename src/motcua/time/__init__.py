"""Time layer: the working calendar, office hours, time limits and the deadline engine."""

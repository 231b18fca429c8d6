"""The list of algorithm classes the provider registers (one line per algorithm module)."""
ALGORITHMS = []

"""Decision support on an evaluated parcel table: redevelopment paths and clearance zones, renewal
scenarios, comparison of yearly rounds, and Shanghai's two evaluations (performance × value).

Like the rest of `core`, nothing here imports qgis: the algorithms hand in DataFrames and coordinate arrays.
"""

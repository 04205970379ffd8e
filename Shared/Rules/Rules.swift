/// Marker: the rules library lives here (see README).

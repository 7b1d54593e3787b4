# packaging: written by the main track

# structmig_add_migrations(): written by the main track
